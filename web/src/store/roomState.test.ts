import { describe, expect, it } from "vitest";
import { envelope, folded, person, snapshot } from "../test/fixtures";
import { applyEnvelope, applyRoomEvent, audienceOf, fromSnapshot, handQueueOf, othersOf, replaceFaces, stageOf, type LiveRoom } from "./roomState";

const host = person("host", { role: "moderator", speakerSince: "2026-01-01T10:00:00Z", joinedAt: "2026-01-01T10:00:00Z" });
const guest = person("guest", { joinedAt: "2026-01-01T10:01:00Z" });

function room(): LiveRoom {
  return fromSnapshot(snapshot(5, [host, guest]));
}

describe("applying room events", () => {
  it("adds a participant who joined", () => {
    const r = applyRoomEvent(room(), { type: "participantJoined", participant: person("carol") });
    expect(r.participants.carol?.role).toBe("audience");
    expect(Object.keys(r.participants)).toHaveLength(3);
  });

  it("drops a participant who left", () => {
    const r = applyRoomEvent(room(), { type: "participantLeft", userId: "guest" });
    expect(r.participants.guest).toBeUndefined();
  });

  it("drops a removed participant", () => {
    const r = applyRoomEvent(room(), { type: "participantRemoved", userId: "guest" });
    expect(r.participants.guest).toBeUndefined();
  });

  it("brings a listener on stage and settles their hand and invitation", () => {
    let r = applyRoomEvent(room(), { type: "handRaised", userId: "guest", raisedAt: "2026-01-01T10:02:00Z" });
    r = applyRoomEvent(r, { type: "speakInvited", userId: "guest", byUserId: "host" });
    r = applyRoomEvent(r, { type: "roleChanged", userId: "guest", role: "speaker", speakerSince: "2026-01-01T10:03:00Z" });
    expect(r.participants.guest).toMatchObject({ role: "speaker", handRaisedAt: null, invitedToSpeak: false, speakerSince: "2026-01-01T10:03:00Z" });
  });

  it("moves a speaker to the audience, clearing speakerSince and the mute", () => {
    let r = applyRoomEvent(room(), { type: "roleChanged", userId: "guest", role: "speaker", speakerSince: "2026-01-01T10:03:00Z" });
    r = applyRoomEvent(r, { type: "muteChanged", userId: "guest", muted: true });
    r = applyRoomEvent(r, { type: "roleChanged", userId: "guest", role: "audience", speakerSince: null });
    expect(r.participants.guest).toMatchObject({ role: "audience", speakerSince: null, muted: false });
  });

  it("raises and lowers a hand", () => {
    let r = applyRoomEvent(room(), { type: "handRaised", userId: "guest", raisedAt: "2026-01-01T10:02:00Z" });
    expect(r.participants.guest?.handRaisedAt).toBe("2026-01-01T10:02:00Z");
    r = applyRoomEvent(r, { type: "handLowered", userId: "guest" });
    expect(r.participants.guest?.handRaisedAt).toBeNull();
  });

  it("marks an invitation to speak and its decline", () => {
    let r = applyRoomEvent(room(), { type: "speakInvited", userId: "guest", byUserId: "host" });
    expect(r.participants.guest?.invitedToSpeak).toBe(true);
    expect(r.speakInvitedBy.guest).toBe("host");
    r = applyRoomEvent(r, { type: "speakInviteDeclined", userId: "guest" });
    expect(r.participants.guest?.invitedToSpeak).toBe(false);
  });

  it("mutes and unmutes", () => {
    let r = applyRoomEvent(room(), { type: "muteChanged", userId: "host", muted: true });
    expect(r.participants.host?.muted).toBe(true);
    r = applyRoomEvent(r, { type: "muteChanged", userId: "host", muted: false });
    expect(r.participants.host?.muted).toBe(false);
  });

  it("turns hand raising off and on", () => {
    let r = applyRoomEvent(room(), { type: "handRaisingChanged", enabled: false });
    expect(r.handRaisingEnabled).toBe(false);
    r = applyRoomEvent(r, { type: "handRaisingChanged", enabled: true });
    expect(r.handRaisingEnabled).toBe(true);
  });

  it("ends the room and empties it", () => {
    const r = applyRoomEvent(room(), { type: "roomEnded" });
    expect(r.ended).toBe(true);
    expect(Object.keys(r.participants)).toHaveLength(0);
  });

  it("ignores events about people it does not know", () => {
    const before = room();
    const after = applyRoomEvent(before, { type: "muteChanged", userId: "ghost", muted: true });
    expect(after).toBe(before);
  });

  it("does not change the room it was given", () => {
    const before = room();
    applyRoomEvent(before, { type: "participantLeft", userId: "guest" });
    expect(before.participants.guest).toBeDefined();
  });
});

describe("applying envelopes in version order", () => {
  it("applies the next version and advances", () => {
    const { room: r, outcome } = applyEnvelope(room(), envelope(6, { type: "handRaised", userId: "guest", raisedAt: "2026-01-01T10:02:00Z" }));
    expect(outcome).toBe("applied");
    expect(r.version).toBe(6);
    expect(r.participants.guest?.handRaisedAt).not.toBeNull();
  });

  it("skips versions the snapshot already contains", () => {
    const before = room();
    const { room: r, outcome } = applyEnvelope(before, envelope(5, { type: "participantLeft", userId: "guest" }));
    expect(outcome).toBe("stale");
    expect(r).toBe(before);
  });

  it("reports a gap instead of applying a version that skips one", () => {
    const before = room();
    const { room: r, outcome } = applyEnvelope(before, envelope(7, { type: "participantLeft", userId: "guest" }));
    expect(outcome).toBe("gap");
    expect(r).toBe(before);
  });

  it("ignores another room's events", () => {
    const { outcome } = applyEnvelope(room(), envelope(6, { type: "roomEnded" }, "other"));
    expect(outcome).toBe("otherRoom");
  });
});

describe("room views", () => {
  it("orders the stage moderators first, then by time on stage", () => {
    const r = fromSnapshot(
      snapshot(1, [
        person("s2", { role: "speaker", speakerSince: "2026-01-01T10:05:00Z" }),
        person("m", { role: "moderator", speakerSince: "2026-01-01T10:09:00Z" }),
        person("s1", { role: "speaker", speakerSince: "2026-01-01T10:04:00Z" }),
        person("a"),
      ]),
    );
    expect(stageOf(r).map((p) => p.userId)).toEqual(["m", "s1", "s2"]);
    expect(audienceOf(r).map((p) => p.userId)).toEqual(["a"]);
  });

  it("orders the hand queue first come, first served", () => {
    const r = fromSnapshot(
      snapshot(1, [
        person("late", { handRaisedAt: "2026-01-01T10:09:00Z" }),
        person("early", { handRaisedAt: "2026-01-01T10:02:00Z" }),
        person("none"),
      ]),
    );
    expect(handQueueOf(r).map((p) => p.userId)).toEqual(["early", "late"]);
  });
});

describe("a big room: bounded snapshots and folded audience churn", () => {
  const face = (i: number) => person(`l${i}`, { joinedAt: `2026-01-01T10:${String(10 + i).padStart(2, "0")}:00Z` });
  const hand = person("hand", { joinedAt: "2026-01-01T10:50:00Z", handRaisedAt: "2026-01-01T10:55:00Z" });
  const me = person("me", { joinedAt: "2026-01-01T10:58:00Z" });

  /** At version 20: the host, faces l1..l3, a raised hand, me; 40 in the audience. */
  function big(): LiveRoom {
    return fromSnapshot(snapshot(20, [host, face(1), face(2), face(3), hand, me], { audienceCount: 40 }), "me");
  }

  it("takes the audience count from the snapshot and counts the listeners not shown as others", () => {
    const r = big();
    expect(r.audienceCount).toBe(40);
    expect(audienceOf(r)).toHaveLength(5);
    expect(othersOf(r)).toBe(35);
  });

  it("applies a folded envelope that continues the versions: count, and faces replacing the plain listeners", () => {
    const { room: r, outcome } = applyEnvelope(big(), folded(21, 30, 44, [face(2), face(3), face(4)], 6, 2));
    expect(outcome).toBe("applied");
    expect(r.version).toBe(30);
    expect(r.audienceCount).toBe(44);
    // l1 left the faces; l4 came in; the hand, me and the stage stay whatever the faces say.
    expect(Object.keys(r.participants).sort()).toEqual(["hand", "host", "l2", "l3", "l4", "me"]);
    expect(othersOf(r)).toBe(44 - 5);
  });

  it("applies a folded range that overlaps the snapshot's version: no false gap", () => {
    // The snapshot was taken at 20, inside the churn the server folded as 18..25.
    const { room: r, outcome } = applyEnvelope(big(), folded(18, 25, 41, null, 5, 0));
    expect(outcome).toBe("applied");
    expect(r.version).toBe(25);
    expect(r.audienceCount).toBe(41);
    expect(Object.keys(r.participants)).toHaveLength(6);
  });

  it("ignores a folded range already inside the snapshot, and calls a range starting beyond the next version a gap", () => {
    expect(applyEnvelope(big(), folded(15, 20, 38, null)).outcome).toBe("stale");
    expect(applyEnvelope(big(), folded(22, 30, 44, null)).outcome).toBe("gap");
    expect(applyEnvelope(big(), envelope(22, { type: "handLowered", userId: "hand" })).outcome).toBe("gap");
  });

  it("keeps its own newer record of a face it already holds", () => {
    // l2 raised a hand at 21 (we saw it); the faces of 22 were taken before and say no hand.
    let r = applyEnvelope(big(), envelope(21, { type: "handRaised", userId: "l2", raisedAt: "2026-01-01T11:00:00Z" })).room;
    r = applyEnvelope(r, folded(22, 22, 40, [face(1), face(2), face(3)])).room;
    expect(r.participants.l2?.handRaisedAt).toBe("2026-01-01T11:00:00Z");
  });

  it("adds a listener beyond the faces from the participant a stage event carries", () => {
    const far = person("far", { joinedAt: "2026-01-01T10:40:00Z" });
    let r = applyEnvelope(big(), envelope(21, { type: "handRaised", userId: "far", raisedAt: "2026-01-01T11:00:00Z", participant: far })).room;
    expect(handQueueOf(r).map((p) => p.userId)).toEqual(["hand", "far"]);
    expect(r.participants.far?.displayName).toBe("FAR");
    r = applyEnvelope(r, envelope(22, { type: "roleChanged", userId: "far", role: "speaker", speakerSince: "2026-01-01T11:01:00Z", participant: r.participants.far }, "r1", { audienceCount: 39 })).room;
    expect(stageOf(r).map((p) => p.userId)).toEqual(["host", "far"]);
    expect(r.audienceCount).toBe(39);
    const invited = person("invited", { joinedAt: "2026-01-01T10:41:00Z" });
    r = applyEnvelope(r, envelope(23, { type: "speakInvited", userId: "invited", byUserId: "host", participant: invited })).room;
    expect(r.participants.invited?.invitedToSpeak).toBe(true);
  });

  it("still ignores an event about someone it does not hold when the event does not carry them", () => {
    const r = applyRoomEvent(big(), { type: "handRaised", userId: "ghost", raisedAt: "2026-01-01T11:00:00Z" });
    expect(r.participants.ghost).toBeUndefined();
  });

  it("never drops itself when faces are replaced", () => {
    const r = applyEnvelope(big(), folded(21, 21, 40, [face(1)])).room;
    expect(r.participants.me).toBeDefined();
    expect(replaceFaces(r, []).participants.me).toBeDefined();
  });
});

describe("the audience count without one from the server", () => {
  it("follows joins, leaves, removals and role changes it can see", () => {
    let r = fromSnapshot(snapshot(5, [host, guest]));
    expect(r.audienceCount).toBe(1);
    r = applyEnvelope(r, envelope(6, { type: "participantJoined", participant: person("carol") })).room;
    expect(r.audienceCount).toBe(2);
    r = applyEnvelope(r, envelope(7, { type: "roleChanged", userId: "guest", role: "speaker", speakerSince: "2026-01-01T10:03:00Z" })).room;
    expect(r.audienceCount).toBe(1);
    r = applyEnvelope(r, envelope(8, { type: "handRaised", userId: "far", raisedAt: "2026-01-01T10:04:00Z", participant: person("far") })).room;
    expect(r.audienceCount).toBe(1);
    r = applyEnvelope(r, envelope(9, { type: "participantRemoved", userId: "carol" })).room;
    expect(r.audienceCount).toBe(0);
    r = applyEnvelope(r, envelope(10, { type: "roomEnded" })).room;
    expect(r.audienceCount).toBe(0);
  });
});
