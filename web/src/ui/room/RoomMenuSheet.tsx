import { ArrowDownToLine, CircleStop, Hand, UserPlus } from "lucide-react";
import { useEffect, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { api, errorMessage, type Visibility } from "../../api";
import { roomClient } from "../../signaling";
import { validateUserName } from "../validation";
import { Sheet } from "../components/Sheet";
import { markOwn } from "./ownActions";
import { useAction } from "./useAction";

interface Props {
  roomId: string;
  visibility: Visibility;
  handRaisingEnabled: boolean;
  onClose: () => void;
}

/** Closed rooms admit only invited people: moderators add them by user name. */
function InviteToClosedRoom({ roomId }: { roomId: string }) {
  const [userName, setUserName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const name = userName.trim().replace(/^@/, "");
    const invalid = validateUserName(name);
    if (invalid) {
      setError(invalid);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.inviteToRoom(roomId, name);
      toast.success(`@${name} can now join this room`);
      setUserName("");
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="toggle" style={{ flexDirection: "column", alignItems: "stretch", cursor: "default" }} onSubmit={submit}>
      <span className="row"><UserPlus size={20} /> <b>Let someone in</b></span>
      <div className="row">
        <input className="input" placeholder="@username" value={userName} onChange={(e) => setUserName(e.target.value)} aria-label="User name to let in" data-testid="room-invitee-input" />
        <button className="btn primary small" disabled={busy} type="submit">Add</button>
      </div>
      {error && <span className="small" style={{ color: "var(--red)", fontWeight: 700 }}>{error}</span>}
    </form>
  );
}

/** Moderator settings: hand raising on/off, step down, end the room. */
export function RoomMenuSheet({ roomId, visibility, handRaisingEnabled, onClose }: Props) {
  const { busy, run } = useAction();
  const [confirmEnd, setConfirmEnd] = useState(false);
  // The switch moves at once; the room's event (or a refusal) settles it.
  const [pending, setPending] = useState<boolean | null>(null);
  useEffect(() => {
    if (pending !== null && pending === handRaisingEnabled) setPending(null);
  }, [pending, handRaisingEnabled]);
  const client = roomClient();
  return (
    <Sheet onClose={onClose} label="Room settings" testId="room-menu">
      <h2 className="title-lg">Room settings</h2>
      <div className="action-list">
        <label className="toggle">
          <Hand size={20} />
          <span style={{ flex: 1 }}>
            <b>Hand raising</b>
            <br />
            <span className="small muted">{pending ?? handRaisingEnabled ? "Listeners can raise their hands." : "Off: listeners can't raise hands."}</span>
          </span>
          <input type="checkbox" checked={pending ?? handRaisingEnabled} disabled={busy}
            onChange={(e) => {
              const enabled = e.target.checked;
              setPending(enabled);
              void run(() => client.setHandRaisingEnabled(enabled)).then((ok) => ok || setPending(null));
            }}
            data-testid="hand-raising-toggle" />
        </label>
        {visibility === "closed" && <InviteToClosedRoom roomId={roomId} />}
        <button className="btn soft" disabled={busy} onClick={() => { markOwn("stage"); void run(() => client.stepDown()).then((ok) => ok && onClose()); }} data-testid="step-down-menu">
          <ArrowDownToLine size={18} /> Move myself to the audience
        </button>
        {confirmEnd ? (
          <div className="alert error" style={{ flexDirection: "column" }}>
            <span>End the room for everyone? It leaves the hallway and can't be reopened.</span>
            <div className="row" style={{ width: "100%" }}>
              <button className="btn soft small" onClick={() => setConfirmEnd(false)}>Keep it going</button>
              <button className="btn danger-solid small" disabled={busy} onClick={() => void run(() => client.endRoom()).then((ok) => ok && onClose())} data-testid="end-room-confirm">
                End room
              </button>
            </div>
          </div>
        ) : (
          <button className="btn danger" onClick={() => setConfirmEnd(true)} data-testid="end-room">
            <CircleStop size={18} /> End room
          </button>
        )}
      </div>
    </Sheet>
  );
}
