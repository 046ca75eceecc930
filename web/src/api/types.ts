// The shapes of docs/api.md, field for field. JSON is camelCase, enums lower-case, times ISO 8601.

export interface UserRef {
  userName: string;
  displayName: string;
}

export interface Me {
  id: string;
  userName: string;
  displayName: string;
  bio: string;
  joinedAt: string;
  nominatedBy: UserRef | null;
  followers: number;
  following: number;
  isAdmin: boolean;
  /** null means unlimited (admins). */
  invitesLeft: number | null;
}

export interface Profile {
  id: string;
  userName: string;
  displayName: string;
  bio: string;
  joinedAt: string;
  nominatedBy: UserRef | null;
  followers: number;
  following: number;
  isFollowing: boolean;
  followsYou: boolean;
}

export interface Invite {
  code: string;
  url: string;
  createdAt: string;
  expiresAt: string;
  usedBy: UserRef | null;
  usedAt: string | null;
  revoked: boolean;
}

export interface InvitePreview {
  code: string;
  /** null for the admin invite printed at the first start. */
  invitedBy: UserRef | null;
  expiresAt: string;
}

export type Visibility = "open" | "social" | "closed";
export type Role = "moderator" | "speaker" | "audience";

export interface RoomSpeaker {
  userId: string;
  userName: string;
  displayName: string;
  role: Role;
}

export interface Room {
  id: string;
  title: string;
  description: string | null;
  topics: string[];
  visibility: Visibility;
  createdBy: UserRef;
  createdAt: string;
  endedAt: string | null;
  isLive: boolean;
  speakerCount: number;
  listenerCount: number;
  speakers: RoomSpeaker[];
}

export interface CreateRoomRequest {
  title: string;
  description?: string;
  topics?: string[];
  visibility: Visibility;
  invitees?: string[];
}

export interface RegisterRequest {
  inviteCode: string;
  userName: string;
  displayName: string;
  password: string;
}

// --- real time (hub /hubs/room) ---

export interface Participant {
  userId: string;
  userName: string;
  displayName: string;
  role: Role;
  muted: boolean;
  handRaisedAt: string | null;
  invitedToSpeak: boolean;
  joinedAt: string;
  speakerSince: string | null;
}

export interface RoomSnapshot {
  roomId: string;
  version: number;
  title: string;
  description: string | null;
  topics: string[];
  visibility: Visibility;
  handRaisingEnabled: boolean;
  ended: boolean;
  /** Bounded: the stage, raised hands, pending invitations, you, and the first few audience faces. */
  participants: Participant[];
  /** Everyone in the audience, shown or not. */
  audienceCount: number;
}

export type RoomEvent =
  | { type: "participantJoined"; participant: Participant }
  | { type: "participantLeft"; userId: string; audienceChurn?: boolean }
  // participant: their state before the change, for a client that does not hold them.
  | { type: "roleChanged"; userId: string; role: Role; speakerSince: string | null; participant?: Participant | null }
  | { type: "handRaised"; userId: string; raisedAt: string; participant?: Participant | null }
  | { type: "handLowered"; userId: string }
  | { type: "speakInvited"; userId: string; byUserId: string; participant?: Participant | null }
  | { type: "speakInviteDeclined"; userId: string }
  | { type: "muteChanged"; userId: string; muted: boolean }
  | { type: "participantRemoved"; userId: string }
  | { type: "handRaisingChanged"; enabled: boolean }
  | { type: "roomEnded" }
  // Audience churn folded by the server over fromVersion..version: the state is in the envelope.
  | { type: "audienceChanged"; joined: number; left: number };

export interface RoomEventEnvelope {
  roomId: string;
  /** The last version this envelope covers. */
  version: number;
  event: RoomEvent;
  /** The first version covered (audienceChanged folds several); absent or null: just `version`. */
  fromVersion?: number | null;
  /** The audience count after this envelope. */
  audienceCount?: number | null;
  /** When present, the first few audience faces now: they replace the plain listeners shown. */
  faces?: Participant[] | null;
}
