import type { RoomEventEnvelope, RoomSnapshot } from "../api/types";
import { hubError } from "../api/errors";
import type { RoomStoreState } from "../store/roomStore";
import type { HubConnectionLike } from "./hubConnection";

type Store = Pick<RoomStoreState, "begin" | "loadSnapshot" | "applyEnvelope" | "setExit" | "setError" | "setConnection" | "reset">;

/**
 * One hub connection, at most one room. Applies RoomEvent deltas to the store in version order
 * and fetches a fresh JoinRoom snapshot when it sees a gap or after a reconnect (docs/api.md).
 */
export class RoomClient {
  private readonly _connection: HubConnectionLike;
  private readonly _store: () => Store;
  private _started: Promise<void> | null = null;
  private _roomId: string | null = null;
  private _meId: string | null = null;
  /** Events that arrive while a JoinRoom is in flight wait here for its snapshot. */
  private _pending: RoomEventEnvelope[] = [];
  private _inflight = 0;

  constructor(connection: HubConnectionLike, store: () => Store) {
    this._connection = connection;
    this._store = store;
    connection.on("RoomEvent", ((envelope: RoomEventEnvelope) => this.onEnvelope(envelope)) as (...args: never[]) => void);
    connection.onreconnecting(() => this._store().setConnection("reconnecting"));
    connection.onreconnected(() => {
      this._store().setConnection("connected");
      // The server forgot our group membership with the old connection: join again.
      if (this._roomId) void this.resync();
    });
    connection.onclose(() => {
      this._started = null;
      this._store().setConnection("disconnected");
    });
  }

  /** The hub connection (the media layer calls ConnectMedia and hears ActiveSpeakers on it). */
  get hub(): HubConnectionLike {
    return this._connection;
  }

  get roomId(): string | null {
    return this._roomId;
  }

  /** Starts the connection once; later calls share the same start. */
  connect(): Promise<void> {
    if (!this._started) {
      this._store().setConnection("connecting");
      this._started = this._connection.start().then(
        () => this._store().setConnection("connected"),
        (e: unknown) => {
          this._started = null;
          this._store().setConnection("disconnected");
          throw e;
        },
      );
    }
    return this._started;
  }

  /** Joins a room (as audience) and loads its snapshot into the store. */
  async join(roomId: string, meId: string): Promise<void> {
    if (this._roomId && this._roomId !== roomId) await this.leave();
    this._roomId = roomId;
    this._meId = meId;
    this._store().begin(roomId, meId);
    try {
      await this.connect();
    } catch (e) {
      this._store().setError(hubError(e).message);
      return;
    }
    await this.fetchSnapshot();
  }

  /** Leaves the current room quietly. Failures are ignored: the server also drops us on disconnect. */
  async leave(): Promise<void> {
    const roomId = this._roomId;
    this._roomId = null;
    this._pending = [];
    if (!roomId) return;
    try {
      await this._connection.invoke("LeaveRoom", roomId);
    } catch {
      // Already gone (removed, ended, disconnected): nothing to undo.
    }
    this._store().reset();
  }

  /** Calls a stage method on the current room; errors come back as readable sentences. */
  async call(method: string, ...args: unknown[]): Promise<void> {
    const roomId = this._roomId;
    if (!roomId) throw new Error("not_in_room: You're not in a room.");
    try {
      await this._connection.invoke(method, roomId, ...args);
    } catch (e) {
      const err = hubError(e);
      if (err.code === "removed") this._store().setExit("removed");
      if (err.code === "room_ended") this._store().setExit("ended");
      throw new Error(err.message, { cause: e });
    }
  }

  raiseHand = () => this.call("RaiseHand");
  lowerHand = () => this.call("LowerHand");
  inviteToSpeak = (userId: string) => this.call("InviteToSpeak", userId);
  acceptSpeakInvite = () => this.call("AcceptSpeakInvite");
  declineSpeakInvite = () => this.call("DeclineSpeakInvite");
  moveToAudience = (userId: string) => this.call("MoveToAudience", userId);
  stepDown = () => this.call("StepDown");
  muteSpeaker = (userId: string) => this.call("MuteSpeaker", userId);
  setSelfMuted = (muted: boolean) => this.call("SetSelfMuted", muted);
  makeModerator = (userId: string) => this.call("MakeModerator", userId);
  removeParticipant = (userId: string) => this.call("RemoveParticipant", userId);
  setHandRaisingEnabled = (enabled: boolean) => this.call("SetHandRaisingEnabled", enabled);
  endRoom = () => this.call("EndRoom");

  /** Asks for a fresh snapshot (after a gap or a reconnect). */
  resync(): Promise<void> {
    return this.fetchSnapshot();
  }

  private async fetchSnapshot(): Promise<void> {
    const roomId = this._roomId;
    if (!roomId) return;
    // While any JoinRoom is in flight, events are buffered: the server may send an event newer
    // than the snapshot before the snapshot's completion message reaches us.
    this._inflight++;
    let snapshot: RoomSnapshot | null = null;
    try {
      snapshot = await this._connection.invoke<RoomSnapshot>("JoinRoom", roomId);
    } catch (e) {
      const err = hubError(e);
      if (err.code === "removed") this._store().setExit("removed");
      else if (err.code === "room_ended") this._store().setExit("ended");
      else this._store().setError(err.message);
    } finally {
      this._inflight--;
    }
    if (!snapshot || this._roomId !== roomId) {
      if (this._inflight === 0) this._pending = [];
      return;
    }
    this._store().loadSnapshot(snapshot);
    // Replaying is safe: versions the room already has are skipped as stale.
    const pending = [...this._pending].sort((a, b) => a.version - b.version);
    if (this._inflight === 0) this._pending = [];
    for (const envelope of pending) {
      if (this._store().applyEnvelope(envelope) === "gap") {
        if (this._inflight === 0) await this.fetchSnapshot();
        return;
      }
    }
  }

  private onEnvelope(envelope: RoomEventEnvelope): void {
    if (envelope.roomId !== this._roomId) return;
    if (this._inflight > 0) {
      this._pending.push(envelope);
      return;
    }
    if (this._store().applyEnvelope(envelope) === "gap") void this.resync();
  }

  /** Stops the connection (on logout), so the next sign-in connects with its own cookie. */
  async disconnect(): Promise<void> {
    await this.leave();
    this._started = null;
    await this._connection.stop();
    this._store().reset();
  }

  /** For tests and the media seam: who we are in the room. */
  get meId(): string | null {
    return this._meId;
  }
}
