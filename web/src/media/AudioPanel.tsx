import { Activity, AudioLines, MicOff, RefreshCw } from "lucide-react";
import { useState } from "react";
import type { LiveRoom } from "../store/roomState";
import { liveAudio } from "./install";
import { useMediaStore } from "./mediaStore";
import "./media.css";

const labels = { idle: "Audio off", connecting: "Connecting audio…", connected: "Audio connected", reconnecting: "Reconnecting audio…", failed: "Audio lost" } as const;

/** The audio strip of the room page: connection state, microphone message, per-speaker volume and a debug view. */
export function AudioPanel({ room }: { room: LiveRoom }) {
  const connection = useMediaStore((s) => s.connection);
  const micError = useMediaStore((s) => s.micError);
  const needsTap = useMediaStore((s) => s.needsTap);
  const slots = useMediaStore((s) => s.slots);
  const reconnects = useMediaStore((s) => s.reconnects);
  const [open, setOpen] = useState(false);
  const name = (userId: string | null) => (userId ? room.participants[userId]?.displayName ?? "someone" : "nobody");

  return (
    <div className="audio-panel" data-testid="audio-panel">
      <div className="row audio-row">
        <span className={`chip audio-state ${connection}`} data-testid="audio-state" data-state={connection} role="status">
          {connection === "reconnecting" ? <RefreshCw size={12} /> : <AudioLines size={12} />} {needsTap ? "Tap anywhere to hear the room" : labels[connection]}
        </span>
        <span className="spacer" />
        <button className="btn soft small" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="audio-debug-toggle">
          <Activity size={14} /> Sound
        </button>
      </div>
      {micError && (
        <div className="banner warn tiny" role="alert" data-testid="mic-error">
          <MicOff size={14} /> {micError}
        </div>
      )}
      {open && (
        <div className="audio-debug card" data-testid="audio-debug">
          {slots.length === 0 && <p className="small muted">No audio connection yet.</p>}
          {slots.map((s) => (
            <div className="audio-slot" key={s.index} data-testid={`audio-slot-${s.index}`}>
              <div className="row">
                <span className="small"><b>Slot {s.index + 1}</b> · {name(s.userId)}</span>
                <span className="meter" aria-hidden="true"><span style={{ width: `${Math.round(s.level * 100)}%` }} /></span>
              </div>
              <label className="row small">
                Volume
                <input type="range" min={0} max={1} step={0.05} value={s.volume} aria-label={`Volume of slot ${s.index + 1} (${name(s.userId)})`}
                  onChange={(e) => liveAudio.setVolume(s.index, Number(e.target.value))} />
              </label>
              <span className="tiny muted" data-testid={`audio-slot-stats-${s.index}`}>
                {s.packetsReceived} packets · {s.packetsLost} lost · jitter {s.jitterMs.toFixed(1)} ms
              </span>
            </div>
          ))}
          <p className="tiny muted">Reconnects: {reconnects}</p>
        </div>
      )}
    </div>
  );
}
