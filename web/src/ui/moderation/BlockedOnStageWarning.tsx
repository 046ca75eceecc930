import type { Participant } from "../../api";
import { blockedOnStage } from "./blockedOnStage";
import { useBlocks } from "./useBlocks";

/** A listener is warned when someone they blocked is on stage (blocks are checked against GET /me/blocks). */
export function BlockedOnStageWarning({ participants }: { participants: readonly Participant[] }) {
  const { blocked } = useBlocks();
  const onStage = blockedOnStage(participants, blocked);
  if (onStage.length === 0) return null;
  return (
    <div className="banner warn tiny" role="alert" data-testid="blocked-on-stage">
      Someone you blocked is on stage: {onStage.map((p) => p.displayName).join(", ")}.
    </div>
  );
}
