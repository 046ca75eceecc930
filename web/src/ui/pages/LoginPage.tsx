import { useState, type FormEvent } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { api, errorMessage } from "../../api";
import { useSession } from "../../store/sessionStore";
import { ErrorAlert } from "../components/Alert";
import { Field } from "../components/Field";
import { hasErrors, validateLogin, type Errors, type LoginForm } from "../validation";

export function LoginPage() {
  const [form, setForm] = useState<LoginForm>({ userName: "", password: "" });
  const [errors, setErrors] = useState<Errors<keyof LoginForm>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const me = useSession((s) => s.me);
  const setMe = useSession((s) => s.setMe);
  const navigate = useNavigate();
  const [params] = useSearchParams();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = validateLogin(form);
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    setError(null);
    try {
      const me = await api.login(form.userName.trim(), form.password);
      setMe(me);
      const next = params.get("next");
      // Stay busy: react-router navigates in a transition, and a render with busy=false before
      // it lands would send a signed-in person to the hallway instead of where they were going.
      navigate(next && next.startsWith("/") && !next.startsWith("//") ? next : "/", { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  if (me && !busy) return <Navigate to="/" replace />;

  return (
    <main className="page narrow">
      <div className="hero">
        <div className="brand-mark">P</div>
        <h1>Welcome back</h1>
        <p>Drop into a room and hear what people are talking about.</p>
      </div>
      <form className="card stack" onSubmit={submit} noValidate data-testid="login-form">
        <Field label="User name" prefix="@" autoComplete="username" autoCapitalize="none" value={form.userName} error={errors.userName}
          onChange={(e) => setForm({ ...form, userName: e.target.value })} data-testid="login-username" />
        <Field label="Password" type="password" autoComplete="current-password" value={form.password} error={errors.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })} data-testid="login-password" />
        <ErrorAlert message={error} testId="login-error" />
        <button className="btn primary big block" type="submit" disabled={busy} data-testid="login-submit">
          {busy ? "Logging in…" : "Log in"}
        </button>
      </form>
      <p className="center muted small" style={{ marginTop: 20 }}>
        Parley is invite-only. Ask a member for an invite link to join.
        <br />
        <Link to="/">Back to the hallway</Link>
      </p>
    </main>
  );
}
