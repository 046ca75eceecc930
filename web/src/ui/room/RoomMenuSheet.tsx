import { ArrowDownToLine, CircleStop, Hand } from "lucide-react";
import { useState } from "react";
import { roomClient } from "../../signaling";
import { Sheet } from "../components/Sheet";
import { useAction } from "./useAction";

interface Props {
  handRaisingEnabled: boolean;
  onClose: () => void;
}

/** Moderator settings: hand raising on/off, step down, end the room. */
export function RoomMenuSheet({ handRaisingEnabled, onClose }: Props) {
  const { busy, run } = useAction();
  const [confirmEnd, setConfirmEnd] = useState(false);
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
            <span className="small muted">{handRaisingEnabled ? "Listeners can raise their hands." : "Off: listeners can't raise hands."}</span>
          </span>
          <input type="checkbox" checked={handRaisingEnabled} disabled={busy}
            onChange={(e) => void run(() => client.setHandRaisingEnabled(e.target.checked))} data-testid="hand-raising-toggle" />
        </label>
        <button className="btn soft" disabled={busy} onClick={() => void run(() => client.stepDown()).then((ok) => ok && onClose())} data-testid="step-down-menu">
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
