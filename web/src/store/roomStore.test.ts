import { beforeEach, describe, expect, it } from "vitest";
import { envelope, folded, person, snapshot } from "../test/fixtures";
import { useRoomStore } from "./roomStore";

describe("room store", () => {
  beforeEach(() => {
    useRoomStore.getState().reset();
    useRoomStore.getState().begin("r1", "me");
    useRoomStore.getState().loadSnapshot(snapshot(1, [person("host", { role: "moderator" }), person("me")]));
  });

  it("loads a snapshot and stops joining", () => {
    const s = useRoomStore.getState();
    expect(s.joining).toBe(false);
    expect(s.room?.version).toBe(1);
  });

  it("shows the removed banner when I am removed", () => {
    useRoomStore.getState().applyEnvelope(envelope(2, { type: "participantRemoved", userId: "me" }));
    expect(useRoomStore.getState().exit).toBe("removed");
  });

  it("does not show the removed banner when someone else is removed", () => {
    useRoomStore.getState().applyEnvelope(envelope(2, { type: "participantRemoved", userId: "host" }));
    expect(useRoomStore.getState().exit).toBeNull();
  });

  it("shows the ended banner when the room ends", () => {
    useRoomStore.getState().applyEnvelope(envelope(2, { type: "roomEnded" }));
    expect(useRoomStore.getState().exit).toBe("ended");
  });

  it("reports a gap without changing the room", () => {
    const before = useRoomStore.getState().room;
    expect(useRoomStore.getState().applyEnvelope(envelope(4, { type: "roomEnded" }))).toBe("gap");
    expect(useRoomStore.getState().room).toBe(before);
  });
});

describe("room store snapshots", () => {
  it("keeps newer state when an older snapshot arrives late", () => {
    const store = useRoomStore.getState();
    store.reset();
    store.begin("r1", "me");
    store.loadSnapshot(snapshot(5, [person("me")]));
    useRoomStore.getState().applyEnvelope(envelope(6, { type: "participantJoined", participant: person("carol") }));
    useRoomStore.getState().loadSnapshot(snapshot(5, [person("me")]));
    expect(useRoomStore.getState().room?.version).toBe(6);
    expect(useRoomStore.getState().room?.participants.carol).toBeDefined();
  });

  it("replaces the room with a newer snapshot", () => {
    const store = useRoomStore.getState();
    store.reset();
    store.begin("r1", "me");
    store.loadSnapshot(snapshot(5, [person("me")]));
    useRoomStore.getState().loadSnapshot(snapshot(9, [person("me", { role: "speaker" })]));
    expect(useRoomStore.getState().room?.participants.me?.role).toBe("speaker");
  });
});

describe("room store in a big room", () => {
  it("keeps me and counts the others when folded audience churn replaces the faces", () => {
    const store = useRoomStore.getState();
    store.reset();
    store.begin("r1", "me");
    store.loadSnapshot(snapshot(5, [person("host", { role: "moderator" }), person("a"), person("me")], { audienceCount: 300 }));
    expect(useRoomStore.getState().applyEnvelope(folded(3, 9, 320, [person("a"), person("b")], 25, 5))).toBe("applied");
    const room = useRoomStore.getState().room!;
    expect(Object.keys(room.participants).sort()).toEqual(["a", "b", "host", "me"]);
    expect(room.audienceCount).toBe(320);
    expect(room.version).toBe(9);
  });
});
