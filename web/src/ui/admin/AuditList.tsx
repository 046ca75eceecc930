import type { AuditView } from "../../api/moderation";

/** Who did what to whom, when (newest first). */
export function AuditList({ entries }: { entries: AuditView[] }) {
  if (entries.length === 0) return <p className="muted">Nothing recorded yet.</p>;
  return (
    <ul className="stack" data-testid="audit-log" style={{ listStyle: "none", padding: 0 }}>
      {entries.map((e) => (
        <li key={e.id} className="tiny" data-testid="audit-entry">
          <span className="muted">{new Date(e.at).toLocaleString()}</span>{" "}
          <strong>@{e.actor?.userName ?? "?"}</strong> {e.action}
          {e.target && <> → @{e.target.userName}</>}
          {e.roomId && <span className="muted"> (room {e.roomId})</span>}
          {e.detail && <span className="muted"> {e.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
