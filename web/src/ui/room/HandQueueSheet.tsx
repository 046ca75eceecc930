import { Hand, Mic } from "lucide-react";
import type { Participant } from "../../api";
import { roomClient } from "../../signaling";
import { Avatar } from "../components/Avatar";
import { Sheet } from "../components/Sheet";
import { since } from "../format";
import { useAction } from "./useAction";
import { useNow } from "./useNow";

interface Props {
  queue: Participant[];
  handRaisingEnabled: boolean;
  onClose: () => void;
}

/** Moderators' view of raised hands, first come first served, with how long each has waited. */
export function HandQueueSheet({ queue, handRaisingEnabled, onClose }: Props) {
  const now = useNow(5000);
  const { busy, run } = useAction();
  const client = roomClient();
  return (
    <Sheet onClose={onClose} label="Raised hands" testId="hand-queue">
      <div className="row">
        <Hand size={22} color="var(--amber)" />
        <h2 className="title-lg">Raised hands</h2>
      </div>
      {!handRaisingEnabled && <div className="alert warn" style={{ marginTop: 12 }}>Hand raising is off. Listeners can't raise new hands.</div>}
      {queue.length === 0 ? (
        <p className="muted" data-testid="hand-queue-empty">No hands up right now. When a listener raises a hand, they show up here in order.</p>
      ) : (
        <div style={{ marginTop: 10 }}>
          {queue.map((p, i) => (
            <div className="queue-item" key={p.userId} data-testid={`queue-${p.userName}`}>
              <span className="queue-pos">{i + 1}</span>
              <Avatar userName={p.userName} displayName={p.displayName} size={44} />
              <div className="who">
                <b>{p.displayName}</b>
                <span className="small muted">waited {since(p.handRaisedAt ?? p.joinedAt, now)}</span>
              </div>
              {p.invitedToSpeak ? (
                <span className="chip blue">Invited</span>
              ) : (
                <button className="btn primary small" disabled={busy} onClick={() => run(() => client.inviteToSpeak(p.userId), `Invited ${p.displayName} to speak`)}
                  data-testid={`queue-invite-${p.userName}`}>
                  <Mic size={16} /> Invite
                </button>
              )}
            </div>
          ))}
        </div>
      )}
    </Sheet>
  );
}
