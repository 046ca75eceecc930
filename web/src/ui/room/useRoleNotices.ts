import { useEffect, useRef } from "react";
import { toast } from "sonner";
import type { Role } from "../../api";
import { wasOwn } from "./ownActions";

/** Tells the person when someone else changed their place in the room. */
export function useRoleNotices(role: Role | undefined, muted: boolean) {
  const previous = useRef<{ role: Role | undefined; muted: boolean } | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = { role, muted };
    if (!before || before.role === undefined || role === undefined) return;
    if (before.role === "audience" && role !== "audience") toast.success("You're on stage. Everyone can hear you when you unmute.");
    else if (before.role !== "audience" && role === "audience" && !wasOwn("stage")) toast("A moderator moved you to the audience.");
    else if (before.role === "speaker" && role === "moderator") toast.success("You're now a moderator of this room.");
    else if (role !== "audience" && before.role !== "audience" && !before.muted && muted && !wasOwn("mute")) {
      toast("A moderator muted you. Unmute when you're ready.");
    }
  }, [role, muted]);
}
