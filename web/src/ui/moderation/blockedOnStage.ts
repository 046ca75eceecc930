import type { Participant } from "../../api";

/** The people on stage (speakers and moderators) whom the viewer blocked, in stage order. */
export function blockedOnStage(participants: readonly Participant[], blocked: ReadonlySet<string>): Participant[] {
  return participants.filter((p) => p.role !== "audience" && blocked.has(p.userId));
}
