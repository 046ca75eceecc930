import { beforeEach, describe, expect, it } from "vitest";
import type { RoomEventEnvelope, RoomSnapshot } from "../api/types";
import { useRoomStore } from "../store/roomStore";
import { envelope, folded, person, snapshot } from "../test/fixtures";
import type { HubConnectionLike } from "./hubConnection";
import { RoomClient } from "./roomClient";

/** A hub connection whose server side the test plays: it answers JoinRoom from a queue. */
class FakeHub implements HubConnectionLike {
  state = "Disconnected";
  calls: { method: string; args: unknown[] }[] = [];
  snapshots: RoomSnapshot[] = [];
  /** When set, JoinRoom waits for the test to resolve it. */
  hold: { resolve: () => void } | null = null;
  failWith: Error | null = null;
  private readonly _handlers = new Map<string, (...args: never[]) => void>();
  private _reconnected: ((id?: string) => void) | null = null;
  private _reconnecting: ((e?: Error) => void) | null = null;

  start() {
    this.state = "Connected";
    return Promise.resolve();
  }
  stop() {
    this.state = "Disconnected";
    return Promise.resolve();
  }
  async invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    this.calls.push({ method, args });
    if (this.failWith) throw this.failWith;
    if (method === "JoinRoom") {
      if (this.hold) await new Promise<void>((resolve) => (this.hold = { resolve }));
      const s = this.snapshots.shift();
      if (!s) throw new Error("test gave no snapshot");
      return s as T;
    }
    return undefined as T;
  }
  on(method: string, handler: (...args: never[]) => void) {
    this._handlers.set(method, handler);
  }
  off(method: string) {
    this._handlers.delete(method);
  }
  onreconnecting(cb: (e?: Error) => void) {
    this._reconnecting = cb;
  }
  onreconnected(cb: (id?: string) => void) {
    this._reconnected = cb;
  }
  onclose() {}

  push(env: RoomEventEnvelope) {
    (this._handlers.get("RoomEvent") as unknown as (e: RoomEventEnvelope) => void)(env);
  }
  reconnect() {
    this._reconnecting?.();
    this._reconnected?.("new-id");
  }
  joins() {
    return this.calls.filter((c) => c.method === "JoinRoom").length;
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe("room client", () => {
  let hub: FakeHub;
  let client: RoomClient;

  beforeEach(() => {
    useRoomStore.getState().reset();
    hub = new FakeHub();
    client = new RoomClient(hub, () => useRoomStore.getState());
  });

  it("joins with a snapshot and applies deltas in order", async () => {
    hub.snapshots.push(snapshot(3, [person("host", { role: "moderator" }), person("me")]));
    await client.join("r1", "me");
    hub.push(envelope(4, { type: "handRaised", userId: "me", raisedAt: "2026-01-01T10:02:00Z" }));
    hub.push(envelope(5, { type: "speakInvited", userId: "me", byUserId: "host" }));
    const room = useRoomStore.getState().room!;
    expect(room.version).toBe(5);
    expect(room.participants.me).toMatchObject({ invitedToSpeak: true, handRaisedAt: "2026-01-01T10:02:00Z" });
    expect(hub.joins()).toBe(1);
  });

  it("fetches a fresh snapshot when a version is missing", async () => {
    hub.snapshots.push(snapshot(3, [person("me")]));
    await client.join("r1", "me");
    hub.snapshots.push(snapshot(9, [person("me", { role: "speaker" })]));
    hub.push(envelope(5, { type: "muteChanged", userId: "me", muted: true })); // 4 was lost
    await flush();
    expect(hub.joins()).toBe(2);
    const room = useRoomStore.getState().room!;
    expect(room.version).toBe(9);
    expect(room.participants.me?.role).toBe("speaker");
  });

  it("fetches a fresh snapshot after a reconnect", async () => {
    hub.snapshots.push(snapshot(3, [person("me")]));
    await client.join("r1", "me");
    hub.snapshots.push(snapshot(7, [person("me"), person("carol")]));
    hub.reconnect();
    await flush();
    expect(hub.joins()).toBe(2);
    expect(useRoomStore.getState().room?.participants.carol).toBeDefined();
    expect(useRoomStore.getState().connection).toBe("connected");
  });

  it("holds events that arrive during JoinRoom and applies the newer ones after the snapshot", async () => {
    hub.snapshots.push(snapshot(3, [person("me"), person("carol")]));
    hub.hold = { resolve: () => {} };
    const joined = client.join("r1", "me");
    await flush();
    hub.push(envelope(3, { type: "participantJoined", participant: person("carol") })); // inside the snapshot
    hub.push(envelope(4, { type: "participantLeft", userId: "carol" }));
    hub.hold.resolve();
    await joined;
    const room = useRoomStore.getState().room!;
    expect(room.version).toBe(4);
    expect(room.participants.carol).toBeUndefined();
    expect(hub.joins()).toBe(1);
  });

  it("applies folded audience churn whose range contains its own join, held during JoinRoom, without joining again", async () => {
    // The server folded versions 2..6 (our join is 4) and sent them before JoinRoom answered.
    hub.snapshots.push(snapshot(4, [person("host", { role: "moderator" }), person("me")], { audienceCount: 3 }));
    hub.hold = { resolve: () => {} };
    const joined = client.join("r1", "me");
    await flush();
    hub.push(folded(2, 6, 5, [person("a"), person("me"), person("b")], 5, 0));
    hub.hold.resolve();
    await joined;
    hub.push(envelope(7, { type: "handRaised", userId: "c", raisedAt: "2026-01-01T10:02:00Z", participant: person("c") }));
    const room = useRoomStore.getState().room!;
    expect(room.version).toBe(7);
    expect(room.audienceCount).toBe(5);
    expect(Object.keys(room.participants).sort()).toEqual(["a", "b", "c", "host", "me"]);
    expect(hub.joins()).toBe(1);
  });

  it("joins again when the held events skip a version past the snapshot", async () => {
    hub.snapshots.push(snapshot(3, [person("me")]));
    hub.snapshots.push(snapshot(6, [person("me"), person("dan")]));
    hub.hold = { resolve: () => {} };
    const joined = client.join("r1", "me");
    await flush();
    hub.push(envelope(5, { type: "participantJoined", participant: person("dan") })); // 4 never came
    const held = hub.hold;
    hub.hold = null;
    held.resolve();
    await joined;
    expect(hub.joins()).toBe(2);
    expect(useRoomStore.getState().room?.version).toBe(6);
  });

  it("ignores events of other rooms", async () => {
    hub.snapshots.push(snapshot(3, [person("me")]));
    await client.join("r1", "me");
    hub.push(envelope(9, { type: "roomEnded" }, "r2"));
    await flush();
    expect(hub.joins()).toBe(1);
    expect(useRoomStore.getState().room?.ended).toBe(false);
  });

  it("calls stage methods with the room id first", async () => {
    hub.snapshots.push(snapshot(3, [person("me")]));
    await client.join("r1", "me");
    await client.inviteToSpeak("guest");
    await client.setSelfMuted(true);
    expect(hub.calls.slice(-2)).toEqual([
      { method: "InviteToSpeak", args: ["r1", "guest"] },
      { method: "SetSelfMuted", args: ["r1", true] },
    ]);
  });

  it("turns a hub error into a sentence", async () => {
    hub.snapshots.push(snapshot(3, [person("me")]));
    await client.join("r1", "me");
    hub.failWith = new Error("An unexpected error occurred invoking 'RaiseHand' on the server. HubException: hand_raising_disabled: Hand raising is off in this room.");
    await expect(client.raiseHand()).rejects.toThrow("The moderators have turned hand raising off.");
  });

  it("shows the removed banner when joining a room you were removed from", async () => {
    hub.failWith = new Error("An unexpected error occurred invoking 'JoinRoom' on the server. HubException: removed: You were removed from this room.");
    await client.join("r1", "me");
    expect(useRoomStore.getState().exit).toBe("removed");
  });

  it("leaves quietly and forgets the room", async () => {
    hub.snapshots.push(snapshot(3, [person("me")]));
    await client.join("r1", "me");
    await client.leave();
    expect(hub.calls.at(-1)).toEqual({ method: "LeaveRoom", args: ["r1"] });
    expect(useRoomStore.getState().room).toBeNull();
    hub.push(envelope(4, { type: "roomEnded" }));
    expect(useRoomStore.getState().room).toBeNull();
  });
});
