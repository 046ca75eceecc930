import { useEffect, useState } from "react";
import { Link } from "react-router";
import { errorMessage } from "../../api";
import { moderationApi, type BlockView, type NotificationView } from "../../api/moderation";
import { ErrorAlert, Loading } from "../components/Alert";
import { BackBar } from "../components/TopBar";
import { useAction } from "../room/useAction";

/** Pings into rooms (with the link), admins' warnings, and the people you blocked (with unblock). */
export function NotificationsPage() {
  const [items, setItems] = useState<NotificationView[] | null>(null);
  const [blocks, setBlocks] = useState<BlockView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useAction();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    moderationApi.notifications().then((list) => {
      setItems(list);
      if (list.some((n) => !n.read)) void moderationApi.readNotifications().catch(() => undefined);
    }, (e) => setError(errorMessage(e)));
    moderationApi.blocks().then(setBlocks, () => undefined);
  }, [version]);
  return (
    <div className="page" data-testid="notifications-page">
      <BackBar />
      <main className="stack">
        <h1>Notifications</h1>
        <ErrorAlert message={error} />
        {items === null && !error && <Loading />}
        {items?.length === 0 && <p className="muted">Nothing yet.</p>}
        {items?.map((n) => (
          <div className={`card${n.kind === "warning" ? " banner warn" : ""}`} key={n.id} data-testid="notification" data-kind={n.kind}>
            {n.link ? <Link to={n.link} data-testid="notification-link">{n.text}</Link> : n.text}
            <div className="muted tiny">{new Date(n.createdAt).toLocaleString()}</div>
          </div>
        ))}
        <h2>Blocked</h2>
        {blocks.length === 0 && <p className="muted">You have blocked nobody.</p>}
        {blocks.map((b) => (
          <div className="row" key={b.user.id} style={{ gap: 8 }} data-testid="blocked-person">
            <span>@{b.user.userName}</span>
            <button className="btn soft" disabled={busy}
              onClick={() => run(() => moderationApi.unblock(b.user.userName), `Unblocked @${b.user.userName}`).then(() => setVersion((v) => v + 1))}>
              Unblock
            </button>
          </div>
        ))}
      </main>
    </div>
  );
}
