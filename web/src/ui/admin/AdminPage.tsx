import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import { errorMessage } from "../../api";
import { moderationApi, type AuditView, type ReportView } from "../../api/moderation";
import { ErrorAlert, Loading } from "../components/Alert";
import { BackBar } from "../components/TopBar";
import { useAction } from "../room/useAction";
import { AuditList } from "./AuditList";

/** Admins: open reports with warn / suspend / dismiss, and the whole audit log. */
export function AdminPage() {
  const [reports, setReports] = useState<ReportView[] | null>(null);
  const [audit, setAudit] = useState<AuditView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useAction();
  const load = useCallback(() => {
    moderationApi.reports().then(setReports, (e) => setError(errorMessage(e)));
    moderationApi.audit().then(setAudit, () => undefined);
  }, []);
  useEffect(load, [load]);
  const resolve = (id: number, action: "warn" | "suspend" | "dismiss") => run(() => moderationApi.resolve(id, action).then(() => undefined), `Report ${action === "warn" ? "warned" : action === "suspend" ? "suspended" : "dismissed"}`).then(load);

  return (
    <div className="page" data-testid="admin-page">
      <BackBar />
      <main className="stack">
        <h1>Open reports</h1>
        <ErrorAlert message={error} />
        {reports === null && !error && <Loading />}
        {reports?.length === 0 && <p className="muted" data-testid="no-reports">No open reports.</p>}
        {reports?.map((r) => (
          <div className="card stack" key={r.id} data-testid="report">
            <div>
              <strong>{r.target ? <Link to={`/u/${r.target.userName}`}>@{r.target.userName}</Link> : "A room"}</strong>
              {r.roomId && <> in room <code>{r.roomId}</code></>} — reported by @{r.reporter?.userName} {new Date(r.createdAt).toLocaleString()}
            </div>
            <p data-testid="report-reason-text">{r.reason}</p>
            {r.stage.length > 0 && <div className="muted tiny">On stage then: {r.stage.map((p) => `@${p.userName}`).join(", ")}</div>}
            <div className="row" style={{ gap: 8 }}>
              {r.target && <button className="btn soft" disabled={busy} onClick={() => resolve(r.id, "warn")} data-testid="report-warn">Warn</button>}
              {r.target && <button className="btn danger" disabled={busy} onClick={() => resolve(r.id, "suspend")} data-testid="report-suspend">Suspend account</button>}
              <button className="btn soft" disabled={busy} onClick={() => resolve(r.id, "dismiss")} data-testid="report-dismiss">Dismiss</button>
            </div>
          </div>
        ))}
        <h2>Audit log</h2>
        <AuditList entries={audit} />
      </main>
    </div>
  );
}
