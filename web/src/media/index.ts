import type { Role } from "../api/types";

// The seam for live audio (a later issue): the room page tells the media layer where the person
// is and what they may do; the media layer owns RTCPeerConnection, the microphone and playback.
// The room grain stays the authority on who may speak; the SFU enforces it (DESIGN.md §2).

export interface MediaState {
  role: Role;
  muted: boolean;
}

export interface RoomMedia {
  /** Entered a room: start receiving the stage. */
  enter(roomId: string): Promise<void>;
  /** Role or mute changed: publish the microphone only as an unmuted speaker or moderator. */
  update(state: MediaState): void;
  /** Left the room (or it ended): stop everything. */
  leave(): Promise<void>;
}

/** No audio yet: every call is a no-op. */
export const silentMedia: RoomMedia = {
  enter: () => Promise.resolve(),
  update: () => {},
  leave: () => Promise.resolve(),
};

let current: RoomMedia = silentMedia;

export function roomMedia(): RoomMedia {
  return current;
}

/** Lets the audio issue plug its implementation in at start-up. */
export function setRoomMedia(media: RoomMedia): void {
  current = media;
}
