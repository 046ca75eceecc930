import type { Participant, RoomEvent, RoomEventEnvelope, RoomSnapshot } from "../api/types";

export function person(userId: string, over: Partial<Participant> = {}): Participant {
  return {
    userId,
    userName: userId,
    displayName: userId.toUpperCase(),
    role: "audience",
    muted: false,
    handRaisedAt: null,
    invitedToSpeak: false,
    joinedAt: "2026-01-01T10:00:00Z",
    speakerSince: null,
    ...over,
  };
}

export function snapshot(version: number, participants: Participant[], over: Partial<RoomSnapshot> = {}): RoomSnapshot {
  return {
    roomId: "r1",
    version,
    title: "Synths",
    description: null,
    topics: ["music"],
    visibility: "open",
    handRaisingEnabled: true,
    ended: false,
    participants,
    ...over,
  };
}

export function envelope(version: number, event: RoomEvent, roomId = "r1"): RoomEventEnvelope {
  return { roomId, version, event };
}
