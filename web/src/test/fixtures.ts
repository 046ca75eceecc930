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
    audienceCount: participants.filter((p) => p.role === "audience").length,
    ...over,
  };
}

export function envelope(version: number, event: RoomEvent, roomId = "r1", over: Partial<RoomEventEnvelope> = {}): RoomEventEnvelope {
  return { roomId, version, event, ...over };
}

/** Audience churn of fromVersion..version folded into one envelope, as the server's relay sends it. */
export function folded(fromVersion: number, version: number, audienceCount: number, faces: Participant[] | null, joined = 0, left = 0): RoomEventEnvelope {
  return { roomId: "r1", version, fromVersion, audienceCount, faces, event: { type: "audienceChanged", joined, left } };
}
