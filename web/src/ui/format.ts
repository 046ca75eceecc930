// Small formatting helpers for the views.

export function initials(displayName: string, userName = ""): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  if (words.length >= 2) return (words[0]![0]! + words.at(-1)![0]!).toUpperCase();
  const w = words[0] ?? userName;
  return w.slice(0, 2).toUpperCase() || "?";
}

const palette = ["#e4735a", "#2a9d8f", "#5a78d6", "#e29a2f", "#8d6ccf", "#d65a8a", "#3f9b5f", "#3a9bd5", "#b9583f", "#7f9a36", "#c0569e", "#4d8f8a"];

/** A stable colour per person, so the same face looks the same everywhere. */
export function colourFor(key: string): string {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return palette[(h >>> 0) % palette.length]!;
}

/** "just now", "3 min", "1 h 5 min": how long since an ISO time. */
export function since(iso: string, now: number = Date.now()): string {
  const s = Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
  if (s < 10) return "just now";
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return `${h} h ${m % 60} min`;
}

export function dateLong(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" });
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
