import { ArrowDownToLine, Ban, Hand, Mic, MicOff, Star, UserRound } from "lucide-react";
import { Link } from "react-router";
import type { Participant } from "../../api";
import { roomClient } from "../../signaling";
import { Avatar } from "../components/Avatar";
import { Sheet } from "../components/Sheet";
import { since } from "../format";
import { useAction } from "./useAction";

interface Props {
  person: Participant;
  me: Participant | undefined;
  onClose: () => void;
}

const roleLabel = { moderator: "Moderator", speaker: "Speaker", audience: "Listener" } as const;

/** Tap on a face: who it is, and what a moderator (or you, for yourself) can do. */
export function PersonSheet({ person, me, onClose }: Props) {
  const { busy, run } = useAction();
  const client = roomClient();
  const isMe = me?.userId === person.userId;
  const iModerate = me?.role === "moderator";
  const onStage = person.role !== "audience";
  const act = (action: () => Promise<void>, done?: string) => run(action, done).then((ok) => ok && onClose());

  return (
    <Sheet onClose={onClose} label={person.displayName} testId="person-sheet">
      <div className="row" style={{ gap: 16 }}>
        <Avatar userName={person.userName} displayName={person.displayName} size={72} moderator={person.role === "moderator"} muted={onStage && person.muted} />
        <div style={{ minWidth: 0 }}>
          <div className="title-lg">{person.displayName}</div>
          <div className="muted">@{person.userName}</div>
          <div className="row" style={{ gap: 6, marginTop: 6 }}>
            <span className={`chip ${person.role === "moderator" ? "green" : person.role === "speaker" ? "blue" : ""}`}>{roleLabel[person.role]}</span>
            {person.handRaisedAt && iModerate && <span className="chip amber"><Hand size={12} /> {since(person.handRaisedAt)}</span>}
            {person.invitedToSpeak && <span className="chip blue">Invited to speak</span>}
          </div>
        </div>
      </div>
      <div className="action-list">
        <Link to={`/u/${person.userName}`} className="btn soft" data-testid="action-view-profile">
          <UserRound size={18} /> View profile
        </Link>
        {iModerate && !isMe && person.role === "audience" && !person.invitedToSpeak && (
          <button className="btn soft" disabled={busy} onClick={() => act(() => client.inviteToSpeak(person.userId), `Invited ${person.displayName} to speak`)} data-testid="action-invite-to-speak">
            <Mic size={18} /> Invite to speak
          </button>
        )}
        {iModerate && !isMe && onStage && !person.muted && (
          <button className="btn soft" disabled={busy} onClick={() => act(() => client.muteSpeaker(person.userId))} data-testid="action-mute">
            <MicOff size={18} /> Mute
          </button>
        )}
        {iModerate && !isMe && person.role === "speaker" && (
          <button className="btn soft" disabled={busy} onClick={() => act(() => client.makeModerator(person.userId), `${person.displayName} is now a moderator`)} data-testid="action-make-moderator">
            <Star size={18} /> Make moderator
          </button>
        )}
        {iModerate && !isMe && onStage && (
          <button className="btn soft" disabled={busy} onClick={() => act(() => client.moveToAudience(person.userId))} data-testid="action-move-to-audience">
            <ArrowDownToLine size={18} /> Move to audience
          </button>
        )}
        {iModerate && !isMe && (
          <button className="btn danger" disabled={busy} onClick={() => act(() => client.removeParticipant(person.userId), `${person.displayName} was removed`)} data-testid="action-remove">
            <Ban size={18} /> Remove from room
          </button>
        )}
      </div>
    </Sheet>
  );
}
