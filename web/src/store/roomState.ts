import type { Participant, RoomEvent, RoomEventEnvelope, RoomSnapshot } from "../api/types";

// The live room as the client sees it: a snapshot from JoinRoom plus the deltas applied in
// version order. Pure functions, so the rules are unit-tested without a connection.

/** The snapshot's fields, with participants keyed by user id for the deltas. */
export interface LiveRoom extends Omit<RoomSnapshot, "participants"> {
  participants: Record<string, Participant>;
  /** Who invited whom to speak, from speakInvited events (a snapshot does not say). */
  speakInvitedBy: Record<string, string>;
}

export function fromSnapshot(s: RoomSnapshot): LiveRoom {
  const participants: Record<string, Participant> = {};
  for (const p of s.participants) participants[p.userId] = p;
  return {
    roomId: s.roomId,
    version: s.version,
    title: s.title,
    description: s.description,
    topics: s.topics,
    visibility: s.visibility,
    handRaisingEnabled: s.handRaisingEnabled,
    ended: s.ended,
    participants,
    speakInvitedBy: {},
  };
}

function patch(room: LiveRoom, userId: string, change: (p: Participant) => Participant): LiveRoom {
  const current = room.participants[userId];
  if (!current) return room;
  return { ...room, participants: { ...room.participants, [userId]: change(current) } };
}

function without(room: LiveRoom, userId: string): LiveRoom {
  if (!(userId in room.participants)) return room;
  const participants = { ...room.participants };
  delete participants[userId];
  return { ...room, participants };
}

/** Applies one event (without looking at versions). Unknown users are ignored, never invented. */
export function applyRoomEvent(room: LiveRoom, event: RoomEvent): LiveRoom {
  switch (event.type) {
    case "participantJoined":
      return { ...room, participants: { ...room.participants, [event.participant.userId]: event.participant } };
    case "participantLeft":
    case "participantRemoved":
      return without(room, event.userId);
    case "roleChanged":
      // As the server's RoomState: coming on stage settles the hand and the invitation; going
      // to the audience drops speakerSince and the mute.
      return patch(room, event.userId, (p) =>
        event.role === "audience"
          ? { ...p, role: event.role, speakerSince: null, muted: false }
          : { ...p, role: event.role, speakerSince: event.speakerSince ?? p.speakerSince ?? p.joinedAt, handRaisedAt: null, invitedToSpeak: false },
      );
    case "handRaised":
      return patch(room, event.userId, (p) => ({ ...p, handRaisedAt: event.raisedAt }));
    case "handLowered":
      return patch(room, event.userId, (p) => ({ ...p, handRaisedAt: null }));
    case "speakInvited": {
      const r = patch(room, event.userId, (p) => ({ ...p, invitedToSpeak: true }));
      return r === room ? r : { ...r, speakInvitedBy: { ...r.speakInvitedBy, [event.userId]: event.byUserId } };
    }
    case "speakInviteDeclined":
      return patch(room, event.userId, (p) => ({ ...p, invitedToSpeak: false }));
    case "muteChanged":
      return patch(room, event.userId, (p) => ({ ...p, muted: event.muted }));
    case "handRaisingChanged":
      return { ...room, handRaisingEnabled: event.enabled };
    case "roomEnded":
      return { ...room, ended: true, participants: {} };
    default:
      return room;
  }
}

export type EnvelopeOutcome = "applied" | "stale" | "gap" | "otherRoom";

/**
 * Applies an envelope if it is the next version. Older versions are already inside the snapshot
 * ("stale"); a jump means events were lost, and the caller must fetch a fresh snapshot ("gap").
 */
export function applyEnvelope(room: LiveRoom, envelope: RoomEventEnvelope): { room: LiveRoom; outcome: EnvelopeOutcome } {
  if (envelope.roomId !== room.roomId) return { room, outcome: "otherRoom" };
  if (envelope.version <= room.version) return { room, outcome: "stale" };
  if (envelope.version !== room.version + 1) return { room, outcome: "gap" };
  return { room: { ...applyRoomEvent(room, envelope.event), version: envelope.version }, outcome: "applied" };
}

// --- views over the room, used by the UI ---

const byTime = (a: string | null, b: string | null) => (a ?? "").localeCompare(b ?? "");

/** Moderators first, then speakers, each in the order they came on stage. */
export function stageOf(room: LiveRoom): Participant[] {
  const rank = (p: Participant) => (p.role === "moderator" ? 0 : 1);
  return Object.values(room.participants)
    .filter((p) => p.role !== "audience")
    .sort((a, b) => rank(a) - rank(b) || byTime(a.speakerSince ?? a.joinedAt, b.speakerSince ?? b.joinedAt) || a.userName.localeCompare(b.userName));
}

/** The audience in the order they joined. */
export function audienceOf(room: LiveRoom): Participant[] {
  return Object.values(room.participants)
    .filter((p) => p.role === "audience")
    .sort((a, b) => byTime(a.joinedAt, b.joinedAt) || a.userName.localeCompare(b.userName));
}

/** Raised hands, first come first served. */
export function handQueueOf(room: LiveRoom): Participant[] {
  return Object.values(room.participants)
    .filter((p) => p.role === "audience" && p.handRaisedAt !== null)
    .sort((a, b) => byTime(a.handRaisedAt, b.handRaisedAt));
}
