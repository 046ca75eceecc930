import { Mic } from "lucide-react";
import { roomClient } from "../../signaling";
import { Sheet } from "../components/Sheet";
import { useAction } from "./useAction";

/** The invited listener's choice: come up on stage, or not now. */
export function SpeakInvitePrompt({ roomTitle, invitedBy }: { roomTitle: string; invitedBy: string | null }) {
  const { busy, run } = useAction();
  const client = roomClient();
  return (
    <Sheet onClose={() => void run(() => client.declineSpeakInvite())} label="Invitation to speak" testId="speak-invite">
      <div className="center stack" style={{ alignItems: "center" }}>
        <div className="big-icon" style={{ width: 72, height: 72, borderRadius: 26, background: "var(--green-soft)", color: "var(--green)", display: "grid", placeItems: "center" }}>
          <Mic size={34} />
        </div>
        <h2 className="title-lg">You're invited to speak</h2>
        <p className="muted" style={{ margin: 0 }}>
          {invitedBy ? `${invitedBy} would like to bring you up on stage in “${roomTitle}”.` : `The moderators of “${roomTitle}” would like to bring you up on stage.`}{" "}
          You can mute yourself at any time.
        </p>
        <div className="row" style={{ width: "100%", marginTop: 8 }}>
          <button className="btn soft big" style={{ flex: 1 }} disabled={busy} onClick={() => void run(() => client.declineSpeakInvite())} data-testid="speak-invite-decline">
            Not now
          </button>
          <button className="btn primary big" style={{ flex: 1 }} disabled={busy} onClick={() => void run(() => client.acceptSpeakInvite())} data-testid="speak-invite-accept">
            Join the stage
          </button>
        </div>
      </div>
    </Sheet>
  );
}
