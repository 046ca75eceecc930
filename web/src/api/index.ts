import { request } from "./http";
import type { CreateRoomRequest, Invite, InvitePreview, Me, Profile, RegisterRequest, Room } from "./types";

export * from "./types";
export { ApiError, errorMessage, hubError } from "./errors";
export { setUnauthorizedHandler } from "./http";

const enc = encodeURIComponent;

/** The HTTP API of docs/api.md. */
export const api = {
  previewInvite: (code: string) => request<InvitePreview>("GET", `/api/v1/invites/${enc(code)}/preview`),
  register: (body: RegisterRequest) => request<Me>("POST", "/api/v1/auth/register", body),
  login: (userName: string, password: string) => request<Me>("POST", "/api/v1/auth/login", { userName, password }),
  logout: () => request<void>("POST", "/api/v1/auth/logout"),
  me: () => request<Me>("GET", "/api/v1/me"),
  updateMe: (body: { displayName?: string; bio?: string }) => request<Me>("PATCH", "/api/v1/me", body),

  createInvite: () => request<Invite>("POST", "/api/v1/invites"),
  invites: () => request<Invite[]>("GET", "/api/v1/invites"),
  revokeInvite: (code: string) => request<void>("DELETE", `/api/v1/invites/${enc(code)}`),

  profile: (userName: string) => request<Profile>("GET", `/api/v1/users/${enc(userName)}`),
  follow: (userName: string) => request<Profile>("POST", `/api/v1/users/${enc(userName)}/follow`),
  unfollow: (userName: string) => request<Profile>("DELETE", `/api/v1/users/${enc(userName)}/follow`),

  createRoom: (body: CreateRoomRequest) => request<Room>("POST", "/api/v1/rooms", body),
  room: (id: string) => request<Room>("GET", `/api/v1/rooms/${enc(id)}`),
  inviteToRoom: (id: string, userName: string) => request<void>("POST", `/api/v1/rooms/${enc(id)}/invitees`, { userName }),
  hallway: () => request<{ rooms: Room[] }>("GET", "/api/v1/hallway"),
  history: () => request<{ rooms: Room[] }>("GET", "/api/v1/rooms/history"),
};
