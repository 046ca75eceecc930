import { useState } from "react";
import { moderationApi } from "../../api/moderation";
import { Sheet } from "../components/Sheet";
import { useAction } from "../room/useAction";

/** Report a user (in a room), or a room alone; the server keeps who was on stage. */
export function ReportDialog({ userName, roomId, onClose }: { userName?: string; roomId?: string; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const { busy, run } = useAction();
  const submit = () => run(() => moderationApi.report({ userName, roomId, reason: reason.trim() }).then(() => undefined), "Thanks: an admin will look at your report")
    .then((ok) => ok && onClose());
  return (
    <Sheet onClose={onClose} label="Report" testId="report-dialog">
      <div className="title-lg">{userName ? `Report @${userName}` : "Report this room"}</div>
      <label className="field">
        <span>What happened?</span>
        <textarea value={reason} maxLength={1000} rows={4} onChange={(e) => setReason(e.target.value)} data-testid="report-reason" />
      </label>
      <button className="btn primary" disabled={busy || reason.trim().length === 0} onClick={submit} data-testid="report-submit">
        Send report
      </button>
    </Sheet>
  );
}
