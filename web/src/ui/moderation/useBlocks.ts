import { useCallback, useEffect, useState } from "react";
import { moderationApi } from "../../api/moderation";

/** The user ids the signed-in member blocked (for the blocked-on-stage warning and the block toggle). */
export function useBlocks() {
  const [blocked, setBlocked] = useState<Set<string>>(new Set());
  const reload = useCallback(() => {
    moderationApi.blocks().then((list) => setBlocked(new Set(list.map((b) => b.user.id))), () => undefined);
  }, []);
  useEffect(reload, [reload]);
  return { blocked, reload };
}
