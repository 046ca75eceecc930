import { Ban, CircleStop, Globe, Lock, Users, WifiOff } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { Participant } from "../../api";
import { roomMedia } from "../../media";
import { AudioPanel } from "../../media/AudioPanel";
import { roomClient } from "../../signaling";
import { audienceOf, handQueueOf, othersOf, stageOf } from "../../store/roomState";
import { useRoomStore } from "../../store/roomStore";
import { useSession } from "../../store/sessionStore";
import { ErrorAlert, Loading } from "../components/Alert";
import { BackBar } from "../components/TopBar";
import { HandQueueSheet } from "../room/HandQueueSheet";
import { PersonSheet } from "../room/PersonSheet";
import { PersonTile } from "../room/PersonTile";
import { RoomDock } from "../room/RoomDock";
import { RoomMenuSheet } from "../room/RoomMenuSheet";
import { SpeakInvitePrompt } from "../room/SpeakInvitePrompt";
import { useRoleNotices } from "../room/useRoleNotices";
import { BlockedOnStageWarning } from "../moderation/BlockedOnStageWarning";

const visibilityIcon = { open: Globe, social: Users, closed: Lock } as const;

function ExitBanner({ exit }: { exit: "ended" | "removed" }) {
  return (
    <div className="card stack center" style={{ alignItems: "center", marginTop: 12 }} data-testid="room-exit-banner" data-exit={exit}>
      {exit === "ended" ? <CircleStop size={40} color="var(--muted)" /> : <Ban size={40} color="var(--red)" />}
      <h2 className="title-lg">{exit === "ended" ? "This room has ended" : "You were removed from this room"}</h2>
      <p className="muted" style={{ margin: 0 }}>
        {exit === "ended" ? "Thanks for listening. There's more going on in the hallway." : "A moderator removed you, so you can't rejoin this room."}
      </p>
      <Link to="/" className="btn primary">Back to the hallway</Link>
    </div>
  );
}

/** The room: stage, audience, and the controls your role allows. Live through the hub. */
export function RoomPage() {
  const { id = "" } = useParams();
  const me = useSession((s) => s.me)!;
  const room = useRoomStore((s) => (s.room?.roomId === id ? s.room : null));
  const exit = useRoomStore((s) => s.exit);
  const error = useRoomStore((s) => s.error);
  const connection = useRoomStore((s) => s.connection);
  const navigate = useNavigate();
  const [openPerson, setOpenPerson] = useState<string | null>(null);
  const [queueOpen, setQueueOpen] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => {
    const client = roomClient();
    void client.join(id, me.id);
    void roomMedia().enter(id);
    return () => {
      void roomMedia().leave();
      void client.leave();
    };
  }, [id, me.id]);

  const mine = room?.participants[me.id];
  const myRole = mine?.role;
  const myMute = mine?.muted ?? false;
  useRoleNotices(myRole, myMute);
  // The media seam follows role and mute only, not every change to the participant.
  useEffect(() => {
    if (myRole) roomMedia().update({ role: myRole, muted: myMute });
  }, [myRole, myMute]);

  // Ended or removed: stop any audio at once, not only when the page closes.
  useEffect(() => {
    if (exit === "ended" || exit === "removed") void roomMedia().leave();
  }, [exit]);

  const stage = useMemo(() => (room ? stageOf(room) : []), [room]);
  const audience = useMemo(() => (room ? audienceOf(room) : []), [room]);
  const queue = useMemo(() => (room ? handQueueOf(room) : []), [room]);
  // A big room sends only the first few faces; the rest of the audience is a count.
  const others = room ? othersOf(room) : 0;
  const iModerate = mine?.role === "moderator";
  const person: Participant | undefined = openPerson ? room?.participants[openPerson] : undefined;

  async function leave() {
    await roomClient().leave();
    navigate("/");
  }

  const gone = exit === "ended" || exit === "removed";

  if (!room && !gone) {
    return (
      <div className="room-shell">
        <BackBar />
        <main className="page">
          {error ? (
            <div className="stack">
              <ErrorAlert message={error} testId="room-error" />
              <div className="row">
                <button className="btn primary" onClick={() => void roomClient().join(id, me.id)} data-testid="room-retry">Try again</button>
                <Link className="btn soft" to="/">Back to the hallway</Link>
              </div>
            </div>
          ) : (
            <Loading />
          )}
        </main>
      </div>
    );
  }

  const VisIcon = room ? visibilityIcon[room.visibility] : Globe;

  return (
    <div className="room-shell" data-testid="room-page">
      <BackBar />
      {connection === "reconnecting" && (
        <div className="conn-pill chip amber" data-testid="reconnecting"><WifiOff size={12} /> Reconnecting…</div>
      )}
      <section className="room-sheet">
        {gone ? (
          <ExitBanner exit={exit} />
        ) : (
          room && (
            <>
              {!room.handRaisingEnabled && mine?.role === "audience" && (
                <div className="banner warn tiny">The moderators have turned hand raising off for now.</div>
              )}
              <ErrorAlert message={error} testId="room-error" />
              {mine?.role === "audience" && <BlockedOnStageWarning participants={Object.values(room.participants)} />}
              <div className="room-head">
                <div className="row" style={{ gap: 6, color: "var(--muted)" }}>
                  <VisIcon size={14} />
                  <div className="topics">
                    {room.topics.map((t) => <span className="topic" key={t}>{t}</span>)}
                  </div>
                </div>
                <h1 data-testid="room-title">{room.title}</h1>
                {room.description && <p>{room.description}</p>}
              </div>
              <AudioPanel room={room} />

              <div className="people" data-testid="stage">
                {stage.map((p) => (
                  <PersonTile key={p.userId} person={p} isMe={p.userId === me.id} showHand={false} size={76} onOpen={(x) => setOpenPerson(x.userId)} />
                ))}
              </div>

              <div className="people-label">
                <span data-testid="audience-count">Listening · {room.audienceCount}</span>
                <span className="line" />
              </div>
              <div className="people audience" data-testid="audience">
                {audience.map((p) => (
                  <PersonTile key={p.userId} person={p} isMe={p.userId === me.id} showHand={iModerate || p.userId === me.id} size={56}
                    onOpen={(x) => setOpenPerson(x.userId)} />
                ))}
                {others > 0 && (
                  <div className="person others" data-testid="audience-others" aria-label={`and ${others} other listener${others === 1 ? "" : "s"}`}>
                    <span className="others-bubble">+{others > 999 ? `${Math.floor(others / 1000)}k` : others}</span>
                    <span className="name">{others === 1 ? "other" : "others"}</span>
                  </div>
                )}
              </div>
              {audience.length === 0 && others === 0 && <p className="small muted" style={{ marginTop: 12 }}>Nobody in the audience yet. Share the room!</p>}
            </>
          )
        )}
      </section>

      {!gone && room && (
        <RoomDock me={mine} handRaisingEnabled={room.handRaisingEnabled} queueLength={queue.length} onLeave={() => void leave()}
          onOpenQueue={() => setQueueOpen(true)} onOpenMenu={() => setMenuOpen(true)} />
      )}
      {!gone && person && <PersonSheet person={person} me={mine} onClose={() => setOpenPerson(null)} />}
      {!gone && queueOpen && iModerate && room && (
        <HandQueueSheet queue={queue} handRaisingEnabled={room.handRaisingEnabled} onClose={() => setQueueOpen(false)} />
      )}
      {!gone && menuOpen && iModerate && room && <RoomMenuSheet roomId={room.roomId} visibility={room.visibility} handRaisingEnabled={room.handRaisingEnabled} onClose={() => setMenuOpen(false)} />}
      {!gone && room && mine?.role === "audience" && mine.invitedToSpeak && (
        <SpeakInvitePrompt roomTitle={room.title} invitedBy={room.participants[room.speakInvitedBy[me.id] ?? ""]?.displayName ?? null} />
      )}
    </div>
  );
}
