import { Flag, UserX } from "lucide-react";
import { useState } from "react";
import { moderationApi } from "../../api/moderation";
import { useAction } from "../room/useAction";
import { ReportDialog } from "./ReportDialog";
import { useBlocks } from "./useBlocks";

/** On someone else's profile: block or unblock them, report them. */
export function ProfileSafetyActions({ userId, userName }: { userId: string; userName: string }) {
  const { busy, run } = useAction();
  const { blocked, reload } = useBlocks();
  const [reporting, setReporting] = useState(false);
  const isBlocked = blocked.has(userId);
  return (
    <div className="row wrap" style={{ marginTop: 8 }}>
      <button className="btn ghost small" disabled={busy} data-testid={isBlocked ? "profile-unblock" : "profile-block"}
        onClick={() => run(isBlocked ? () => moderationApi.unblock(userName) : () => moderationApi.block(userName),
          isBlocked ? `Unblocked @${userName}` : `Blocked @${userName}: they won't see your rooms`).then(reload)}>
        <UserX size={16} /> {isBlocked ? "Unblock" : "Block"}
      </button>
      <button className="btn ghost small" disabled={busy} data-testid="profile-report" onClick={() => setReporting(true)}>
        <Flag size={16} /> Report
      </button>
      {reporting && <ReportDialog userName={userName} onClose={() => setReporting(false)} />}
    </div>
  );
}
