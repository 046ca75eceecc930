import { describe, expect, it } from "vitest";
import { envelope, person, snapshot } from "../test/fixtures";
import { applyEnvelope, applyRoomEvent, audienceOf, fromSnapshot, handQueueOf, stageOf, type LiveRoom } from "./roomState";

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
