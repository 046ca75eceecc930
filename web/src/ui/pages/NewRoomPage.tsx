import { Globe, Lock, Users, X } from "lucide-react";
import { useState, type FormEvent, type KeyboardEvent } from "react";
import { useNavigate } from "react-router";
import { api, errorMessage, type Visibility } from "../../api";
import { ErrorAlert } from "../components/Alert";
import { Field } from "../components/Field";
import { BackBar } from "../components/TopBar";
import { hasErrors, maxTitle, maxTopics, parseUserNames, validateRoom, type Errors, type RoomForm } from "../validation";

const visibilities: { value: Visibility; label: string; icon: typeof Globe; explain: string }[] = [
  { value: "open", label: "Open", icon: Globe, explain: "Anyone on Parley can find this room in the hallway and join." },
  { value: "social", label: "Social", icon: Users, explain: "Only people followed by one of the moderators can join." },
  { value: "closed", label: "Closed", icon: Lock, explain: "Only people you invite can join." },
];

export function NewRoomPage() {
  const [form, setForm] = useState<RoomForm>({ title: "", description: "", topics: [], visibility: "open", invitees: "" });
  const [topicDraft, setTopicDraft] = useState("");
  const [errors, setErrors] = useState<Errors<keyof RoomForm>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();

  function addTopic() {
    const t = topicDraft.trim().replace(/,$/, "");
    if (!t) return;
    const next = { ...form, topics: [...form.topics, t] };
    setForm(next);
    setTopicDraft("");
    setErrors(validateRoom(next));
  }

  function onTopicKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "Enter" || e.key === ",") {
      e.preventDefault();
      addTopic();
    } else if (e.key === "Backspace" && topicDraft === "" && form.topics.length > 0) {
      setForm({ ...form, topics: form.topics.slice(0, -1) });
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const topics = topicDraft.trim() ? [...form.topics, topicDraft.trim()] : form.topics;
    const full = { ...form, topics };
    const found = validateRoom(full);
    setErrors(found);
    if (hasErrors(found) || full.visibility === "") return;
    setBusy(true);
    setError(null);
    try {
      const invitees = full.visibility === "closed" ? parseUserNames(full.invitees) : [];
      const room = await api.createRoom({
        title: full.title.trim(),
        description: full.description.trim() || undefined,
        topics: topics.map((t) => t.trim()),
        visibility: full.visibility,
        ...(invitees.length > 0 ? { invitees } : {}),
      });
      navigate(`/rooms/${room.id}`, { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  const chosen = visibilities.find((v) => v.value === form.visibility);

  return (
    <>
      <BackBar narrow />
      <main className="page narrow">
        <h1 className="title-xl" style={{ margin: "4px 4px 16px" }}>Start a room</h1>
        <form className="card stack" onSubmit={submit} noValidate data-testid="new-room-form">
          <Field label="Title" value={form.title} error={errors.title} maxLength={maxTitle + 20}
            hint={`${form.title.trim().length}/${maxTitle} · What's the conversation about?`} placeholder="Friday night synth jam"
            onChange={(e) => setForm({ ...form, title: e.target.value })} data-testid="room-title-input" />
          <div className="field">
            <label htmlFor="room-description">Description <span className="muted">(optional)</span></label>
            <textarea id="room-description" className={`textarea${errors.description ? " invalid" : ""}`} value={form.description}
              placeholder="A few words so people know what to expect" onChange={(e) => setForm({ ...form, description: e.target.value })}
              data-testid="room-description-input" />
            {errors.description && <div className="error">{errors.description}</div>}
          </div>
          <div className="field">
            <label htmlFor="room-topic">Topics <span className="muted">(up to {maxTopics})</span></label>
            <div className="topic-input">
              {form.topics.map((t, i) => (
                <span className="chip green" key={`${t}-${i}`}>
                  {t}
                  <button type="button" aria-label={`Remove ${t}`} onClick={() => setForm({ ...form, topics: form.topics.filter((_, j) => j !== i) })}>
                    <X size={12} />
                  </button>
                </span>
              ))}
              {form.topics.length < maxTopics && (
                <input id="room-topic" value={topicDraft} placeholder={form.topics.length === 0 ? "music, tech, books…" : "add another"}
                  onChange={(e) => setTopicDraft(e.target.value)} onKeyDown={onTopicKey} onBlur={addTopic} data-testid="room-topic-input" />
              )}
            </div>
            {errors.topics ? <div className="error">{errors.topics}</div> : <div className="hint">Press Enter after each topic.</div>}
          </div>
          <div className="field">
            <label>Who can join</label>
            <div className="choices" role="radiogroup">
              {visibilities.map((v) => (
                <button type="button" role="radio" aria-checked={form.visibility === v.value} key={v.value}
                  className={`choice${form.visibility === v.value ? " selected" : ""}`} onClick={() => setForm({ ...form, visibility: v.value })}
                  data-testid={`visibility-${v.value}`}>
                  <b><v.icon size={18} /> {v.label}</b>
                  <span>{v.explain}</span>
                </button>
              ))}
            </div>
            {errors.visibility && <div className="error">{errors.visibility}</div>}
          </div>
          {form.visibility === "closed" && (
            <Field label="Invite people" value={form.invitees} error={errors.invitees} placeholder="@alice, @bob"
              hint="User names, separated by commas. You can invite more once the room is live."
              onChange={(e) => setForm({ ...form, invitees: e.target.value })} data-testid="room-invitees-input" />
          )}
          <ErrorAlert message={error} testId="new-room-error" />
          <button className="btn primary big block" type="submit" disabled={busy} data-testid="room-create">
            {busy ? "Opening the room…" : `Let's go${chosen ? ` · ${chosen.label}` : ""}`}
          </button>
        </form>
      </main>
    </>
  );
}
