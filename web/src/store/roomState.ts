import type { Participant, RoomEvent, RoomEventEnvelope, RoomSnapshot } from "../api/types";

// The live room as the client sees it: a snapshot from JoinRoom plus the deltas applied in
// version order. Pure functions, so the rules are unit-tested without a connection.
//
// The client never holds the whole audience (docs/api.md, "Room events"): it holds the stage,
// raised hands, pending invitations, itself and a few audience faces, plus the audience count.
// Events about someone it does not hold carry them; audience churn arrives folded as one
// audienceChanged envelope covering a version range, whose faces replace the plain listeners shown.

/** The snapshot's fields, with participants keyed by user id for the deltas. */
export interface LiveRoom extends Omit<RoomSnapshot, "participants"> {
  participants: Record<string, Participant>;
  /** Who invited whom to speak, from speakInvited events (a snapshot does not say). */
  speakInvitedBy: Record<string, string>;
  /** The signed-in user: never dropped when faces are replaced. */
  self: string | null;
}

/** A listener with no hand up and no invitation: one of the crowd, shown only as a face. */
export function isPlainListener(p: Participant): boolean {
  return p.role === "audience" && p.handRaisedAt === null && !p.invitedToSpeak;
}

export function fromSnapshot(s: RoomSnapshot, self: string | null = null): LiveRoom {
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
    audienceCount: s.audienceCount ?? Object.values(participants).filter((p) => p.role === "audience").length,
    speakInvitedBy: {},
    self,
  };
}

/** Changes someone held, or someone the event carries (a listener beyond the faces); never invents anyone. */
function patch(room: LiveRoom, userId: string, change: (p: Participant) => Participant, carried?: Participant | null): LiveRoom {
  const current = room.participants[userId] ?? (carried?.userId === userId ? carried : undefined);
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
        event.participant,
      );
    case "handRaised":
      return patch(room, event.userId, (p) => ({ ...p, handRaisedAt: event.raisedAt }), event.participant);
    case "handLowered":
      return patch(room, event.userId, (p) => ({ ...p, handRaisedAt: null }));
    case "speakInvited": {
      const r = patch(room, event.userId, (p) => ({ ...p, invitedToSpeak: true }), event.participant);
      return r === room ? r : { ...r, speakInvitedBy: { ...r.speakInvitedBy, [event.userId]: event.byUserId } };
    }
    case "speakInviteDeclined":
      return patch(room, event.userId, (p) => ({ ...p, invitedToSpeak: false }));
    case "muteChanged":
      return patch(room, event.userId, (p) => ({ ...p, muted: event.muted }));
    case "handRaisingChanged":
      return { ...room, handRaisingEnabled: event.enabled };
    case "roomEnded":
      return { ...room, ended: true, participants: {}, audienceCount: 0 };
    case "audienceChanged":
      // The folded churn's state (count, faces) is in its envelope: see applyEnvelope.
      return room;
    default:
      return room;
  }
}

/**
 * Replaces the plain listeners shown (not you, not hands or invitations) with the server's first
 * faces. Someone already held keeps our record: stage events reached us after the face was taken.
 */
export function replaceFaces(room: LiveRoom, faces: readonly Participant[]): LiveRoom {
  const keep = new Set(faces.map((f) => f.userId));
  const participants: Record<string, Participant> = {};
  for (const p of Object.values(room.participants)) {
    if (!isPlainListener(p) || p.userId === room.self || keep.has(p.userId)) participants[p.userId] = p;
  }
  for (const f of faces) participants[f.userId] ??= f;
  return { ...room, participants };
}

export type EnvelopeOutcome = "applied" | "stale" | "gap" | "otherRoom";

/**
 * Applies an envelope if it continues the room's versions. An envelope covers fromVersion..version
 * (one version unless it folds audience churn): entirely at or below ours it is already inside the
 * snapshot ("stale"); starting beyond the next version means events were lost, and the caller must
 * fetch a fresh snapshot ("gap"). A folded range that overlaps ours is applied, not a gap: it sets
 * state (count, faces) rather than adding to it, so applying part of it twice is harmless.
 */
export function applyEnvelope(room: LiveRoom, envelope: RoomEventEnvelope): { room: LiveRoom; outcome: EnvelopeOutcome } {
  if (envelope.roomId !== room.roomId) return { room, outcome: "otherRoom" };
  if (envelope.version <= room.version) return { room, outcome: "stale" };
  const from = envelope.fromVersion ?? envelope.version;
  if (from > room.version + 1) return { room, outcome: "gap" };
  let next = applyRoomEvent(room, envelope.event);
  if (envelope.faces) next = replaceFaces(next, envelope.faces);
  const audienceCount = envelope.audienceCount ?? countAfter(room, envelope);
  return { room: { ...next, version: envelope.version, audienceCount }, outcome: "applied" };
}

/** An old server sends no count: follow the membership changes we can see. */
function countAfter(before: LiveRoom, envelope: RoomEventEnvelope): number {
  const e = envelope.event;
  const count = before.audienceCount;
  switch (e.type) {
    case "roomEnded":
      return 0;
    case "participantJoined":
      return count + (e.participant.role === "audience" && !before.participants[e.participant.userId] ? 1 : 0);
    case "participantLeft":
    case "participantRemoved": {
      const held = before.participants[e.userId];
      const fromAudience = held ? held.role === "audience" : e.type === "participantLeft" && e.audienceChurn === true;
      return Math.max(0, count - (fromAudience ? 1 : 0));
    }
    case "roleChanged": {
      const was = (before.participants[e.userId] ?? e.participant)?.role;
      if (!was) return count;
      return Math.max(0, count + (e.role === "audience" ? 1 : 0) - (was === "audience" ? 1 : 0));
    }
    default:
      return count;
  }
}

/** How many listeners are not shown as a face: the "+ N others" of the audience. */
export function othersOf(room: LiveRoom): number {
  return Math.max(0, room.audienceCount - audienceOf(room).length);
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
