import { Hand, MicOff, Star } from "lucide-react";
import { colourFor, initials } from "../format";

interface Props {
  userName: string;
  displayName: string;
  size?: number;
  moderator?: boolean;
  muted?: boolean;
  hand?: boolean;
}

/** A rounded square with initials; badges for moderator (green star), muted mic and raised hand. */
export function Avatar({ userName, displayName, size = 56, moderator, muted, hand }: Props) {
  const badge = Math.round(Math.max(20, size * 0.32));
  const icon = Math.round(badge * 0.5);
  return (
    <div
      className={`avatar${size < 50 ? " sm" : ""}`}
      style={{ width: size, height: size, backgroundColor: colourFor(userName), fontSize: Math.round(size * 0.36) }}
      aria-hidden="true"
    >
      {initials(displayName, userName)}
      {moderator && (
        <span className="badge mod" style={{ width: badge, height: badge }} title="Moderator">
          <Star size={icon} fill="currentColor" strokeWidth={0} />
        </span>
      )}
      {muted && (
        <span className="badge mute" style={{ width: badge, height: badge }} title="Muted" data-testid="muted-mark">
          <MicOff size={icon} strokeWidth={2.5} />
        </span>
      )}
      {hand && (
        <span className="badge hand" style={{ width: badge, height: badge }} title="Hand raised">
          <Hand size={icon} strokeWidth={2.5} />
        </span>
      )}
    </div>
  );
}
