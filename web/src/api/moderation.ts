import { request } from "./http";

// The moderation endpoints of issue 6 (docs/api.md, "Moderation").

const enc = encodeURIComponent;

export interface PersonRef { id: string; userName: string; displayName: string }
export interface BlockView { user: PersonRef; createdAt: string }
export interface BanView { id: number; roomId: string | null; user: PersonRef; moderator: PersonRef; createdAt: string }
export interface NotificationView { id: number; kind: "ping" | "warning"; from: PersonRef | null; roomId: string | null; link: string | null; text: string; createdAt: string; read: boolean }
export interface AuditView { id: number; at: string; actor: PersonRef | null; action: string; target: PersonRef | null; roomId: string | null; detail: string | null }
export interface ReportView { id: number; reporter: PersonRef | null; target: PersonRef | null; roomId: string | null; reason: string; stage: PersonRef[]; createdAt: string; status: string; resolvedAt: string | null }

export const moderationApi = {
  blocks: () => request<BlockView[]>("GET", "/api/v1/me/blocks"),
  block: (userName: string) => request<void>("PUT", `/api/v1/me/blocks/${enc(userName)}`),
  unblock: (userName: string) => request<void>("DELETE", `/api/v1/me/blocks/${enc(userName)}`),
  hostBans: () => request<BanView[]>("GET", "/api/v1/me/bans"),
  hostUnban: (userName: string) => request<void>("DELETE", `/api/v1/me/bans/${enc(userName)}`),
  roomBans: (roomId: string) => request<BanView[]>("GET", `/api/v1/rooms/${enc(roomId)}/bans`),
  roomBan: (roomId: string, userName: string, everywhere: boolean) => request<void>("POST", `/api/v1/rooms/${enc(roomId)}/bans`, { userName, everywhere }),
  roomUnban: (roomId: string, userName: string) => request<void>("DELETE", `/api/v1/rooms/${enc(roomId)}/bans/${enc(userName)}`),
  roomAudit: (roomId: string) => request<AuditView[]>("GET", `/api/v1/rooms/${enc(roomId)}/audit`),
  ping: (roomId: string, userName: string) => request<void>("POST", `/api/v1/rooms/${enc(roomId)}/pings`, { userName }),
  notifications: () => request<NotificationView[]>("GET", "/api/v1/me/notifications"),
  readNotifications: () => request<void>("POST", "/api/v1/me/notifications/read"),
  report: (body: { userName?: string; roomId?: string; reason: string }) => request<ReportView>("POST", "/api/v1/reports", body),
  reports: (status = "open") => request<ReportView[]>("GET", `/api/v1/admin/reports?status=${enc(status)}`),
  resolve: (id: number, action: "warn" | "suspend" | "dismiss") => request<ReportView>("POST", `/api/v1/admin/reports/${id}/${action}`),
  audit: () => request<AuditView[]>("GET", "/api/v1/admin/audit"),
};
