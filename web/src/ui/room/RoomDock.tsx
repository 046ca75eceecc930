import { ArrowDownToLine, Hand, Mic, MicOff, MoreHorizontal } from "lucide-react";
import type { Participant } from "../../api";
import { roomClient } from "../../signaling";
import { markOwn } from "./ownActions";
import { useAction } from "./useAction";

interface Props {
  me: Participant | undefined;
  handRaisingEnabled: boolean;
  queueLength: number;
  onLeave: () => void;
  onOpenQueue: () => void;
  onOpenMenu: () => void;
}

/** The bar at the bottom: leave quietly, and what your role lets you do. */
export function RoomDock({ me, handRaisingEnabled, queueLength, onLeave, onOpenQueue, onOpenMenu }: Props) {
  const { busy, run } = useAction();
  const client = roomClient();
  const role = me?.role;
  const handUp = me?.handRaisedAt !== null && me?.handRaisedAt !== undefined;

  return (
    <div className="dock">
      <div className="dock-inner">
        <button className="btn leave-btn" onClick={onLeave} data-testid="leave-room">
          ✌ Leave quietly
        </button>
        <span className="spacer" />
        {role === "audience" && !handRaisingEnabled && !handUp && <span className="dock-note" data-testid="hand-raising-off">Hand raising is off</span>}
        {role === "moderator" && (
          <>
            <button className="round-btn" aria-label="Room settings" onClick={onOpenMenu} data-testid="room-menu-button">
              <MoreHorizontal size={22} />
            </button>
            <button className="round-btn" aria-label={`Raised hands: ${queueLength}`} onClick={onOpenQueue} data-testid="hand-queue-button">
              <Hand size={22} />
              {queueLength > 0 && <span className="count" data-testid="hand-queue-count">{queueLength}</span>}
            </button>
          </>
        )}
        {role === "speaker" && (
          <button className="round-btn" aria-label="Step down to the audience" title="Step down to the audience" disabled={busy}
            onClick={() => { markOwn("stage"); void run(() => client.stepDown()); }} data-testid="step-down">
            <ArrowDownToLine size={22} />
          </button>
        )}
        {(role === "speaker" || role === "moderator") && me && (
          <button className={`round-btn${me.muted ? "" : " live"}`} aria-pressed={!me.muted} aria-label={me.muted ? "Unmute" : "Mute"} disabled={busy}
            onClick={() => { markOwn("mute"); void run(() => client.setSelfMuted(!me.muted)); }} data-testid="self-mute" data-muted={me.muted}>
            {me.muted ? <MicOff size={22} /> : <Mic size={22} />}
          </button>
        )}
        {role === "audience" &&
          (handUp ? (
            <button className="round-btn on" aria-label="Lower hand" aria-pressed="true" disabled={busy}
              onClick={() => void run(() => client.lowerHand())} data-testid="lower-hand">
              <Hand size={22} />
            </button>
          ) : (
            <button className="round-btn" aria-label="Raise hand" aria-pressed="false" disabled={busy || !handRaisingEnabled}
              title={handRaisingEnabled ? "Raise hand" : "The moderators have turned hand raising off"}
              onClick={() => void run(() => client.raiseHand())} data-testid="raise-hand">
              <Hand size={22} />
            </button>
          ))}
      </div>
    </div>
  );
}
