// Remembers what the person just did themself, so the room can tell them about changes that
// others made to them (a moderator muting them or moving them off stage) and stay quiet otherwise.

type Kind = "mute" | "stage";

const last: Record<Kind, number> = { mute: 0, stage: 0 };

export function markOwn(kind: Kind, now: number = Date.now()): void {
  last[kind] = now;
}

export function wasOwn(kind: Kind, withinMs = 5000, now: number = Date.now()): boolean {
  return now - last[kind] <= withinMs;
}
