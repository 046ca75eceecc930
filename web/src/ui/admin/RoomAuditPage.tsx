import { useEffect, useState } from "react";
import { useParams } from "react-router";
import { errorMessage } from "../../api";
import { moderationApi, type AuditView, type BanView } from "../../api/moderation";
import { ErrorAlert } from "../components/Alert";
import { BackBar } from "../components/TopBar";
import { useAction } from "../room/useAction";
import { AuditList } from "./AuditList";

/** A room's moderators: its bans (with unban) and its audit log. */
export function RoomAuditPage() {
  const { id = "" } = useParams();
  const [audit, setAudit] = useState<AuditView[]>([]);
  const [bans, setBans] = useState<BanView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useAction();
  const [version, setVersion] = useState(0);
  const [banName, setBanName] = useState("");
  const [everywhere, setEverywhere] = useState(false);
  useEffect(() => {
    moderationApi.roomAudit(id).then(setAudit, (e) => setError(errorMessage(e)));
    moderationApi.roomBans(id).then(setBans, () => undefined);
  }, [id, version]);
  return (
    <div className="page" data-testid="room-audit-page">
      <BackBar to={`/rooms/${id}`} label="Room" />
      <main className="stack">
        <h1>Bans</h1>
        <ErrorAlert message={error} />
        <form className="row" style={{ gap: 8 }} onSubmit={(e) => {
          e.preventDefault();
          const name = banName.trim();
          if (name) void run(() => moderationApi.roomBan(id, name, everywhere), `Banned @${name}`).then(() => { setBanName(""); setVersion((v) => v + 1); });
        }}>
          <input value={banName} onChange={(e) => setBanName(e.target.value)} placeholder="user name" data-testid="ban-name" />
          <label className="small"><input type="checkbox" checked={everywhere} onChange={(e) => setEverywhere(e.target.checked)} /> all my rooms</label>
          <button className="btn danger small" disabled={busy || !banName.trim()} data-testid="ban-by-name">Ban</button>
        </form>
        {bans.length === 0 && <p className="muted">Nobody is banned from this room.</p>}
        {bans.map((b) => (
          <div className="row" key={b.id} style={{ gap: 8 }} data-testid="ban">
            <span>@{b.user.userName}</span>
            <button className="btn soft" disabled={busy} data-testid="unban"
              onClick={() => run(() => moderationApi.roomUnban(id, b.user.userName), `Unbanned @${b.user.userName}`).then(() => setVersion((v) => v + 1))}>
              Unban
            </button>
          </div>
        ))}
        <h2>Audit log</h2>
        <AuditList entries={audit} />
      </main>
    </div>
  );
}
