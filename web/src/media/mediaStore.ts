import { create } from "zustand";

/** What the person sees of the audio connection. */
export type AudioConnection = "idle" | "connecting" | "connected" | "reconnecting" | "failed";

/** One receive slot: the SFU forwards one of the loudest speakers on it. */
export interface SlotView {
  index: number;
  /** Best guess of who is on this slot (from ActiveSpeakers), or null. */
  userId: string | null;
  volume: number;
  packetsReceived: number;
  packetsLost: number;
  jitterMs: number;
  /** Level of what plays now, 0..1. */
  level: number;
}

export interface MediaStoreState {
  connection: AudioConnection;
  /** The people forwarded right now (speaking rings). */
  speaking: string[];
  /** A sentence to show when the microphone is refused or missing. */
  micError: string | null;
  /** True while the browser blocks playback until the person taps. */
  needsTap: boolean;
  slots: SlotView[];
  reconnects: number;
  set(partial: Partial<Omit<MediaStoreState, "set">>): void;
}

export const useMediaStore = create<MediaStoreState>()((set) => ({
  connection: "idle",
  speaking: [],
  micError: null,
  needsTap: false,
  slots: [],
  reconnects: 0,
  set: (partial) => set(partial),
}));

/** Speaking ring for one person. */
export function useSpeaking(userId: string): boolean {
  return useMediaStore((s) => s.speaking.includes(userId));
}
