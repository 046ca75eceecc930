import { Bell, Crown, Flag, ShieldBan, UserX } from "lucide-react";
import { useState } from "react";
import type { Participant } from "../../api";
import { moderationApi } from "../../api/moderation";
import { roomClient } from "../../signaling";
import { useAction } from "../room/useAction";
import { ReportDialog } from "./ReportDialog";
import { useBlocks } from "./useBlocks";

interface Props {
  roomId: string;
  person: Participant;
  me: Participant | undefined;
  onClose: () => void;
}

/** The person sheet's safety actions: ban (moderators), ping (people on stage), block and report (anyone). */
export function ModerationActions({ roomId, person, me, onClose }: Props) {
  const { busy, run } = useAction();
  const { blocked, reload } = useBlocks();
  const [reporting, setReporting] = useState(false);
  if (!me || me.userId === person.userId) return null;
  const iModerate = me.role === "moderator";
  const onStage = me.role !== "audience";
  const act = (action: () => Promise<void>, done?: string) => run(action, done).then((ok) => ok && onClose());
  const isBlocked = blocked.has(person.userId);

  return (
    <>
      {iModerate && (
        <>
          <button className="btn danger" disabled={busy} data-testid="action-ban"
            onClick={() => act(() => roomClient().call("BanUser", person.userName, false), `${person.displayName} is banned from this room`)}>
            <ShieldBan size={18} /> Ban from this room
          </button>
          <button className="btn danger" disabled={busy} data-testid="action-ban-everywhere"
            onClick={() => act(() => roomClient().call("BanUser", person.userName, true), `${person.displayName} is banned from your rooms`)}>
            <ShieldBan size={18} /> Ban from all my rooms
          </button>
        </>
      )}
      {iModerate && person.role !== "audience" && (
        <button className="btn soft" disabled={busy} data-testid="action-hand-over"
          onClick={() => act(() => roomClient().call("HandOver", person.userId), `${person.displayName} now runs the room`)}>
          <Crown size={18} /> Hand the room over
        </button>
      )}
      {onStage && person.role === "audience" && (
        <button className="btn soft" disabled={busy} data-testid="action-ping"
          onClick={() => act(() => moderationApi.ping(roomId, person.userName), `Pinged ${person.displayName}`)}>
          <Bell size={18} /> Ping
        </button>
      )}
      <button className="btn soft" disabled={busy} data-testid={isBlocked ? "action-unblock" : "action-block"}
        onClick={() => run(isBlocked ? () => moderationApi.unblock(person.userName) : () => moderationApi.block(person.userName),
          isBlocked ? `Unblocked ${person.displayName}` : `Blocked ${person.displayName}`).then(reload)}>
        <UserX size={18} /> {isBlocked ? "Unblock" : "Block"}
      </button>
      <button className="btn soft" disabled={busy} data-testid="action-report" onClick={() => setReporting(true)}>
        <Flag size={18} /> Report
      </button>
      {reporting && <ReportDialog userName={person.userName} roomId={roomId} onClose={() => { setReporting(false); onClose(); }} />}
    </>
  );
}
