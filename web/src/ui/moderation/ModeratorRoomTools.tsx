import { BellOff, Hand, MicOff, ScrollText } from "lucide-react";
import { Link } from "react-router";
import { roomClient } from "../../signaling";
import { useAction } from "../room/useAction";

/** Room-wide moderator shortcuts for the room menu: the queue, mute all, bans and the audit log. */
export function ModeratorRoomTools({ roomId, onClose }: { roomId: string; onClose: () => void }) {
  const { busy, run } = useAction();
  const act = (method: string, done: string) => run(() => roomClient().call(method), done).then((ok) => ok && onClose());
  return (
    <>
      <button className="btn soft" disabled={busy} onClick={() => act("AcceptNextHand", "Brought the next hand on stage")} data-testid="action-accept-next-hand">
        <Hand size={18} /> Accept next hand
      </button>
      <button className="btn soft" disabled={busy} onClick={() => act("ClearHands", "Cleared all hands")} data-testid="action-clear-hands">
        <BellOff size={18} /> Clear all hands
      </button>
      <button className="btn soft" disabled={busy} onClick={() => act("MuteAllSpeakers", "Muted everyone on stage")} data-testid="action-mute-all">
        <MicOff size={18} /> Mute all speakers
      </button>
      <Link to={`/rooms/${roomId}/moderation`} className="btn soft" data-testid="room-audit-link">
        <ScrollText size={18} /> Bans and audit log
      </Link>
    </>
  );
}
