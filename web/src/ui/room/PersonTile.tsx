import { Star } from "lucide-react";
import type { Participant } from "../../api";
import { useSpeaking } from "../../media/mediaStore";
import { Avatar } from "../components/Avatar";

interface Props {
  person: Participant;
  isMe: boolean;
  showHand: boolean;
  size: number;
  onOpen: (p: Participant) => void;
}

/** A face in the room: avatar, first name, moderator star, mute mark. */
export function PersonTile({ person, isMe, showHand, size, onOpen }: Props) {
  const onStage = person.role !== "audience";
  const speaking = useSpeaking(person.userId);
  const firstName = person.displayName.split(/\s+/)[0] ?? person.displayName;
  return (
    <button
      type="button"
      className={`person${isMe ? " me" : ""}${speaking ? " speaking" : ""}`}
      data-speaking={speaking}
      onClick={() => onOpen(person)}
      data-testid={`person-${person.userName}`}
      data-role={person.role}
      data-muted={person.muted}
      data-hand={person.handRaisedAt !== null}
      aria-label={`${person.displayName}${person.role === "moderator" ? ", moderator" : ""}${onStage && person.muted ? ", muted" : ""}`}
    >
      <Avatar
        userName={person.userName}
        displayName={person.displayName}
        size={size}
        muted={onStage && person.muted}
        hand={showHand && person.handRaisedAt !== null}
      />
      <span className="name">
        {person.role === "moderator" && <Star className="star" size={13} fill="currentColor" strokeWidth={0} aria-hidden="true" />}
        <span>{isMe ? `${firstName} (you)` : firstName}</span>
      </span>
    </button>
  );
}
