import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { api, ApiError, errorMessage, type InvitePreview } from "../../api";
import { useSession } from "../../store/sessionStore";
import { ErrorAlert, Loading } from "../components/Alert";
import { Avatar } from "../components/Avatar";
import { Field } from "../components/Field";
import { hasErrors, validateSignUp, type Errors, type SignUpForm } from "../validation";

function previewError(e: unknown): string {
  if (e instanceof ApiError && e.status === 404) return "This invite link doesn't exist. Check that you copied all of it.";
  if (e instanceof ApiError && e.status === 410) {
    const why = e.problem?.detail ? e.message : "This invite is no longer valid.";
    return `${why} Ask the person who invited you for a new one.`;
  }
  return errorMessage(e);
}

/** Sign-up from an invite link: who invited you, then your user name, display name and password. */
export function InvitePage() {
  const { code = "" } = useParams();
  const [preview, setPreview] = useState<InvitePreview | null>(null);
  const [previewFailed, setPreviewFailed] = useState<string | null>(null);
  const [form, setForm] = useState<SignUpForm>({ userName: "", displayName: "", password: "" });
  const [errors, setErrors] = useState<Errors<keyof SignUpForm>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const setMe = useSession((s) => s.setMe);
  const navigate = useNavigate();

  useEffect(() => {
    api.previewInvite(code).then(setPreview, (e: unknown) => setPreviewFailed(previewError(e)));
  }, [code]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = validateSignUp(form);
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    setError(null);
    try {
      const me = await api.register({ inviteCode: code, userName: form.userName.trim(), displayName: form.displayName.trim(), password: form.password });
      setMe(me);
      navigate("/", { replace: true });
    } catch (err) {
      setError(err instanceof ApiError && err.status === 409 && !err.problem?.detail ? "That user name is taken. Try another." : errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (!preview && !previewFailed) return <Loading />;

  return (
    <main className="page narrow">
      <div className="hero">
        <div className="brand-mark">P</div>
        <h1>You're invited</h1>
        <p>Parley is a place for live conversations. Pull up a chair.</p>
      </div>
      {previewFailed ? (
        <div className="card stack">
          <ErrorAlert message={previewFailed} testId="invite-error" />
          <Link className="btn soft block" to="/login">I already have an account</Link>
        </div>
      ) : (
        preview && (
          <form className="card stack" onSubmit={submit} noValidate data-testid="signup-form">
            <div className="inviter" data-testid="invited-by">
              {preview.invitedBy ? (
                <>
                  <Avatar userName={preview.invitedBy.userName} displayName={preview.invitedBy.displayName} size={48} />
                  <div>
                    <div style={{ fontWeight: 800 }}>{preview.invitedBy.displayName}</div>
                    <div className="small muted">@{preview.invitedBy.userName} invited you</div>
                  </div>
                </>
              ) : (
                <>
                  <div className="brand-mark" style={{ width: 48, height: 48, borderRadius: 18, fontSize: 24 }}>P</div>
                  <div>
                    <div style={{ fontWeight: 800 }}>The admin invite</div>
                    <div className="small muted">You'll be this Parley's first member and its admin.</div>
                  </div>
                </>
              )}
            </div>
            <Field label="User name" prefix="@" autoComplete="username" autoCapitalize="none" value={form.userName} error={errors.userName}
              hint="3–30 letters, digits, underscores or dots. This is how people find you."
              onChange={(e) => setForm({ ...form, userName: e.target.value })} data-testid="signup-username" />
            <Field label="Display name" autoComplete="name" value={form.displayName} error={errors.displayName}
              hint="Your name as people see it in rooms."
              onChange={(e) => setForm({ ...form, displayName: e.target.value })} data-testid="signup-displayname" />
            <Field label="Password" type="password" autoComplete="new-password" value={form.password} error={errors.password}
              hint="At least 6 characters, with upper and lower case, a digit and a symbol."
              onChange={(e) => setForm({ ...form, password: e.target.value })} data-testid="signup-password" />
            <ErrorAlert message={error} testId="signup-error" />
            <button className="btn primary big block" type="submit" disabled={busy} data-testid="signup-submit">
              {busy ? "Creating your account…" : "Join Parley"}
            </button>
          </form>
        )
      )}
    </main>
  );
}
