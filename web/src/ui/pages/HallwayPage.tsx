import { Globe, Lock, MessageCircle, Plus, Sofa, Users } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import { api, errorMessage, type Room } from "../../api";
import { ErrorAlert, Loading } from "../components/Alert";
import { Avatar } from "../components/Avatar";
import { TopBar } from "../components/TopBar";

// No hub events for the hallway yet: refresh every few seconds while the page is visible.
const refreshMs = 8000;

function VisibilityMark({ room }: { room: Room }) {
  if (room.visibility === "open") return <Globe size={14} aria-label="Open room" />;
  if (room.visibility === "social") return <Users size={14} aria-label="Social room" />;
  return <Lock size={14} aria-label="Closed room" />;
}

function RoomCard({ room }: { room: Room }) {
  const faces = room.speakers.slice(0, 2);
  return (
    <Link to={`/rooms/${room.id}`} className="room-card" data-testid="room-card" data-room-id={room.id}>
      <div className="row" style={{ gap: 6, color: "var(--muted)" }}>
        <VisibilityMark room={room} />
        <div className="topics">
          {room.topics.length > 0 ? room.topics.map((t) => <span className="topic" key={t}>{t}</span>) : <span className="topic">{room.createdBy.displayName}'s room</span>}
        </div>
      </div>
      <h3 data-testid="room-card-title">{room.title}</h3>
      <div className="body">
        {faces.length > 0 && (
          <div className="avatar-stack" style={{ width: faces.length > 1 ? 74 : 56, height: faces.length > 1 ? 74 : 56 }}>
            {faces.map((s) => (
              <Avatar key={s.userId} userName={s.userName} displayName={s.displayName} size={faces.length > 1 ? 52 : 56} />
            ))}
          </div>
        )}
        <div style={{ minWidth: 0 }}>
          <div className="names">
            {room.speakers.slice(0, 4).map((s) => (
              <span key={s.userId}>
                {s.displayName} <MessageCircle size={13} style={{ color: "var(--muted)", verticalAlign: -1 }} />
              </span>
            ))}
          </div>
          <div className="counts">
            <span data-testid="room-card-listeners"><Users size={14} /> {room.listenerCount}</span>
            <span><MessageCircle size={14} /> {room.speakerCount}</span>
          </div>
        </div>
      </div>
    </Link>
  );
}

/** Live rooms you may enter, rooms with people you follow first (the server orders them). */
export function HallwayPage() {
  const [rooms, setRooms] = useState<Room[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api.hallway().then(
      (h) => {
        setRooms(h.rooms);
        setError(null);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);

  useEffect(() => {
    load();
    const timer = window.setInterval(() => document.visibilityState === "visible" && load(), refreshMs);
    const onFocus = () => load();
    window.addEventListener("focus", onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", onFocus);
    };
  }, [load]);

  return (
    <>
      <TopBar />
      <main className="page" data-testid="hallway">
        <ErrorAlert message={error} />
        {rooms === null && !error && <Loading />}
        {rooms && rooms.length === 0 && (
          <div className="empty" data-testid="hallway-empty">
            <div className="big-icon"><Sofa size={34} /></div>
            <div className="title-lg" style={{ color: "var(--ink)" }}>The hallway is quiet</div>
            <p>No live rooms right now. Start one and your followers will see it here.</p>
          </div>
        )}
        {rooms?.map((r) => <RoomCard key={r.id} room={r} />)}
      </main>
      <div className="fab-bar">
        <Link to="/rooms/new" className="btn primary big" data-testid="start-room">
          <Plus size={20} strokeWidth={3} /> Start a room
        </Link>
      </div>
    </>
  );
}
