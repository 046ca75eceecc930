import { CalendarDays, LogOut, Sprout } from "lucide-react";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { toast } from "sonner";
import { api, ApiError, errorMessage, type Profile, type Room } from "../../api";
import { closeRoomClient } from "../../signaling";
import { useSession } from "../../store/sessionStore";
import { ErrorAlert, Loading } from "../components/Alert";
import { Avatar } from "../components/Avatar";
import { Field } from "../components/Field";
import { BackBar } from "../components/TopBar";
import { dateLong } from "../format";

function EditProfile({ onDone }: { onDone: () => void }) {
  const me = useSession((s) => s.me)!;
  const setMe = useSession((s) => s.setMe);
  const [displayName, setDisplayName] = useState(me.displayName);
  const [bio, setBio] = useState(me.bio ?? "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!displayName.trim()) {
      setError("Tell people what to call you.");
      return;
    }
    setBusy(true);
    try {
      setMe(await api.updateMe({ displayName: displayName.trim(), bio: bio.trim() }));
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card stack" onSubmit={save} style={{ marginTop: 14 }}>
      <Field label="Display name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      <div className="field">
        <label htmlFor="bio">Bio</label>
        <textarea id="bio" className="textarea" value={bio} onChange={(e) => setBio(e.target.value)} placeholder="A line or two about you" />
      </div>
      <ErrorAlert message={error} />
      <div className="row">
        <button type="button" className="btn soft" onClick={onDone}>Cancel</button>
        <button type="submit" className="btn primary" disabled={busy}>Save</button>
      </div>
    </form>
  );
}

/** The rooms you started or were in, newest first (room history). */
function PastRooms() {
  const [rooms, setRooms] = useState<Room[] | null>(null);
  useEffect(() => {
    api.history().then((h) => setRooms(h.rooms), () => setRooms([]));
  }, []);
  if (!rooms || rooms.length === 0) return null;
  return (
    <>
      <div className="section-label">Your past rooms</div>
      <div className="card" data-testid="past-rooms">
        {rooms.slice(0, 10).map((r) => (
          <div className="queue-item" key={r.id}>
            <div className="who">
              <b>{r.title}</b>
              <span className="small muted">
                {dateLong(r.createdAt)} · started by {r.createdBy.displayName}
              </span>
            </div>
          </div>
        ))}
      </div>
    </>
  );
}

/** A person's profile: counts, who nominated them, when they joined; follow or unfollow. */
export function ProfilePage() {
  const { userName = "" } = useParams();
  const me = useSession((s) => s.me)!;
  const setMe = useSession((s) => s.setMe);
  const [profile, setProfile] = useState<Profile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const navigate = useNavigate();
  const isMe = profile ? profile.id === me.id : userName.toLowerCase() === me.userName.toLowerCase();

  useEffect(() => {
    setProfile(null);
    setError(null);
    api.profile(userName).then(setProfile, (e: unknown) =>
      setError(e instanceof ApiError && e.status === 404 ? `There's nobody called @${userName} on Parley.` : errorMessage(e)),
    );
  }, [userName, me.displayName, me.bio]);

  async function toggleFollow() {
    if (!profile) return;
    setBusy(true);
    try {
      setProfile(profile.isFollowing ? await api.unfollow(profile.userName) : await api.follow(profile.userName));
    } catch (e) {
      toast.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function logout() {
    await closeRoomClient();
    try {
      await api.logout();
    } catch {
      // Signed out either way.
    }
    setMe(null);
    navigate("/login", { replace: true });
  }

  return (
    <>
      <BackBar narrow />
      <main className="page narrow">
        <ErrorAlert message={error} testId="profile-error" />
        {!profile && !error && <Loading />}
        {profile && (
          <div className="card" data-testid="profile">
            <div className="profile-head">
              <Avatar userName={profile.userName} displayName={profile.displayName} size={96} />
              <div>
                <h1 className="title-xl" data-testid="profile-name">{profile.displayName}</h1>
                <div className="muted">
                  @{profile.userName}
                  {profile.followsYou && !isMe && <span className="chip" style={{ marginLeft: 8 }}>Follows you</span>}
                </div>
              </div>
              <div className="counts">
                <div><b data-testid="profile-followers">{profile.followers}</b><span>followers</span></div>
                <div><b data-testid="profile-following">{profile.following}</b><span>following</span></div>
              </div>
              {profile.bio && <p style={{ margin: 0, whiteSpace: "pre-wrap" }}>{profile.bio}</p>}
              <div className="stack" style={{ gap: 8 }}>
                <div className="meta-line"><CalendarDays size={16} /> Joined {dateLong(profile.joinedAt)}</div>
                {profile.nominatedBy && (
                  <div className="meta-line" data-testid="profile-nominated-by">
                    <Sprout size={16} /> Nominated by <Link to={`/u/${profile.nominatedBy.userName}`}>{profile.nominatedBy.displayName}</Link>
                  </div>
                )}
              </div>
              {isMe ? (
                <div className="row wrap">
                  <button className="btn soft" onClick={() => setEditing(true)} data-testid="edit-profile">Edit profile</button>
                  <Link className="btn soft" to="/invites">Invites</Link>
                  <button className="btn ghost" onClick={() => void logout()} data-testid="logout"><LogOut size={18} /> Log out</button>
                </div>
              ) : (
                <button className={`btn ${profile.isFollowing ? "outline" : "blue"}`} style={{ minWidth: 140 }} disabled={busy}
                  onClick={() => void toggleFollow()} data-testid="follow-button" data-following={profile.isFollowing}>
                  {profile.isFollowing ? "Following" : "Follow"}
                </button>
              )}
            </div>
          </div>
        )}
        {isMe && editing && <EditProfile onDone={() => setEditing(false)} />}
        {isMe && profile && <PastRooms />}
      </main>
    </>
  );
}
