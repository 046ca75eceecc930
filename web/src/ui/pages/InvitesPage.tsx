import { Check, Copy, Plus, Trash2 } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { toast } from "sonner";
import { api, errorMessage, type Invite } from "../../api";
import { useSession } from "../../store/sessionStore";
import { ErrorAlert, Loading } from "../components/Alert";
import { BackBar } from "../components/TopBar";
import { dateLong } from "../format";
import { inviteState } from "../invites";

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function linkOf(invite: Invite): string {
  return invite.url || `${window.location.origin}/invite/${invite.code}`;
}

function InviteRow({ invite, onRevoke }: { invite: Invite; onRevoke: (code: string) => void }) {
  const state = inviteState(invite);
  const [copied, setCopied] = useState(false);
  return (
    <div className="invite-row" data-testid="invite-row" data-code={invite.code} data-state={state}>
      <div className="grow">
        <div className="row" style={{ gap: 8 }}>
          <code>{invite.code.slice(0, 10)}…</code>
          {state === "available" && <span className="chip green">Available</span>}
          {state === "used" && <span className="chip blue">Used{invite.usedBy ? ` by @${invite.usedBy.userName}` : ""}</span>}
          {state === "expired" && <span className="chip">Expired</span>}
          {state === "revoked" && <span className="chip red">Revoked</span>}
        </div>
        <span className="tiny muted">
          {state === "used" && invite.usedAt ? `Joined ${dateLong(invite.usedAt)}` : state === "available" ? `Expires ${dateLong(invite.expiresAt)}` : `Created ${dateLong(invite.createdAt)}`}
        </span>
        {state === "available" && <input className="input tiny" readOnly value={linkOf(invite)} onFocus={(e) => e.target.select()} data-testid="invite-link" aria-label="Invite link" />}
      </div>
      {state === "available" && (
        <div className="row">
          <button className="btn soft small" data-testid="invite-copy" onClick={() =>
            void copy(linkOf(invite)).then((ok) => {
              if (ok) {
                setCopied(true);
                toast.success("Invite link copied");
              } else toast.error("Couldn't copy. Select the link and copy it by hand.");
            })}>
            {copied ? <Check size={16} /> : <Copy size={16} />} {copied ? "Copied" : "Copy link"}
          </button>
          <button className="btn danger small" data-testid="invite-revoke" onClick={() => onRevoke(invite.code)} aria-label="Revoke invite">
            <Trash2 size={16} /> Revoke
          </button>
        </div>
      )}
    </div>
  );
}

/** Your invites: how many you have left, create, copy the link, revoke. */
export function InvitesPage() {
  const me = useSession((s) => s.me)!;
  const setMe = useSession((s) => s.setMe);
  const [invites, setInvites] = useState<Invite[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const [list, fresh] = await Promise.all([api.invites(), api.me()]);
      setInvites(list.sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
      setMe(fresh);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [setMe]);

  useEffect(() => {
    void load();
  }, [load]);

  async function create() {
    setBusy(true);
    setError(null);
    try {
      const invite = await api.createInvite();
      if (await copy(linkOf(invite))) toast.success("Invite created and link copied");
      else toast.success("Invite created");
      await load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(code: string) {
    try {
      await api.revokeInvite(code);
      toast.success("Invite revoked");
      await load();
    } catch (e) {
      toast.error(errorMessage(e));
    }
  }

  const left = me.invitesLeft;
  return (
    <>
      <BackBar narrow />
      <main className="page narrow">
        <h1 className="title-xl" style={{ margin: "4px 4px 16px" }}>Invites</h1>
        <div className="card stack">
          <div className="quota" data-testid="invite-quota">
            <span className="num">{left === null ? "∞" : left}</span>
            <div>
              <b>{left === null ? "Unlimited invites" : left === 1 ? "invite left" : "invites left"}</b>
              <div className="small muted">Parley grows by people vouching for people. Invite someone you'd like to hear.</div>
            </div>
          </div>
          <button className="btn primary big block" onClick={() => void create()} disabled={busy || left === 0} data-testid="invite-create">
            <Plus size={20} strokeWidth={3} /> {left === 0 ? "No invites left" : "Create an invite link"}
          </button>
          <ErrorAlert message={error} testId="invites-error" />
        </div>
        <div className="section-label">Your invites</div>
        <div className="card" data-testid="invite-list">
          {invites === null ? <Loading /> : invites.length === 0 ? <p className="muted" style={{ margin: 0 }}>You haven't invited anyone yet.</p> : invites.map((i) => <InviteRow key={i.code} invite={i} onRevoke={(c) => void revoke(c)} />)}
        </div>
      </main>
    </>
  );
}
