import type { Invite } from "../api/types";

/** How an invite row reads: used wins over revoked and expired (a used invite was redeemed in time). */
export type InviteState = "available" | "used" | "expired" | "revoked";

export function inviteState(invite: Invite, now: number = Date.now()): InviteState {
  if (invite.usedBy || invite.usedAt) return "used";
  if (invite.revoked) return "revoked";
  if (Date.parse(invite.expiresAt) <= now) return "expired";
  return "available";
}
