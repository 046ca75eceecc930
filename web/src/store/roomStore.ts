import { create } from "zustand";
import type { RoomEventEnvelope, RoomSnapshot } from "../api/types";
import { applyEnvelope, fromSnapshot, type EnvelopeOutcome, type LiveRoom } from "./roomState";

/** Why the person is not (or no longer) in the room, when that is the case. */
export type RoomExit = "ended" | "removed" | "left" | null;

export type ConnectionState = "idle" | "connecting" | "connected" | "reconnecting" | "disconnected";

export interface RoomStoreState {
  room: LiveRoom | null;
  /** The signed-in user's id, to tell "me" apart in events. */
  meId: string | null;
  joining: boolean;
  exit: RoomExit;
  error: string | null;
  connection: ConnectionState;

  begin(roomId: string, meId: string): void;
  loadSnapshot(snapshot: RoomSnapshot): void;
  applyEnvelope(envelope: RoomEventEnvelope): EnvelopeOutcome;
  setExit(exit: RoomExit): void;
  setError(error: string | null): void;
  setConnection(state: ConnectionState): void;
  reset(): void;
}

const initial = { room: null, meId: null, joining: false, exit: null, error: null, connection: "idle" as ConnectionState };

export const useRoomStore = create<RoomStoreState>()((set, get) => ({
  ...initial,

  begin: (roomId, meId) => {
    const current = get().room;
    set({ meId, joining: true, exit: null, error: null, room: current?.roomId === roomId ? current : null });
  },

  loadSnapshot: (snapshot) => {
    const current = get().room;
    // Our state only ever advances by contiguous versions, so a newer one is as true as the
    // snapshot: an older snapshot (a slow JoinRoom answer) must not roll it back.
    if (current?.roomId === snapshot.roomId && current.version > snapshot.version) {
      set({ joining: false });
      return;
    }
    const room = fromSnapshot(snapshot, get().meId);
    set({ room, joining: false, exit: room.ended ? "ended" : null, error: null });
  },

  applyEnvelope: (envelope) => {
    const { room, meId } = get();
    if (!room) return "gap";
    const result = applyEnvelope(room, envelope);
    if (result.outcome !== "applied") return result.outcome;
    const event = envelope.event;
    let exit = get().exit;
    if (event.type === "roomEnded") exit = "ended";
    else if (event.type === "participantRemoved" && event.userId === meId) exit = "removed";
    set({ room: result.room, exit });
    return "applied";
  },

  setExit: (exit) => set({ exit, joining: false }),
  setError: (error) => set({ error, joining: false }),
  setConnection: (connection) => set({ connection }),
  reset: () => set({ ...initial }),
}));
