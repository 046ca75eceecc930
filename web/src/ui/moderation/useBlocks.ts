import { useEffect, useSyncExternalStore } from "react";
import { moderationApi } from "../../api/moderation";

// The user ids the signed-in member blocked, shared by every component that shows or toggles a
// block (a block made in the person sheet shows the on-stage warning at once).

let blocked: ReadonlySet<string> = new Set();
const listeners = new Set<() => void>();

function reload(): void {
  moderationApi.blocks().then((list) => {
    blocked = new Set(list.map((b) => b.user.id));
    for (const listener of listeners) listener();
  }, () => undefined);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useBlocks() {
  const current = useSyncExternalStore(subscribe, () => blocked);
  useEffect(reload, []);
  return { blocked: current, reload };
}
