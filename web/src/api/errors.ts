// Turns whatever the server answered into one sentence a person can act on.
// HTTP errors are RFC 7807 problem details (RFC 7807 §3.1: title, status, detail; ASP.NET adds
// `errors` for validation). Hub errors are HubExceptions whose message is "<code>: <sentence>".

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[] | string>;
}

/** An HTTP API failure carrying the status and a message ready to show. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails | null;

  constructor(status: number, message: string, problem: ProblemDetails | null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }
}

const statusSentences: Record<number, string> = {
  400: "Something in the form isn't right. Check it and try again.",
  401: "You need to log in first.",
  403: "You're not allowed to do that.",
  404: "We couldn't find that. It may have been removed.",
  409: "That clashes with something that already exists.",
  410: "That link is no longer valid.",
  413: "That's too large.",
  429: "Too many attempts. Please wait a moment and try again.",
  500: "Something went wrong on our side. Please try again.",
  502: "The server can't be reached right now. Please try again.",
  503: "The server is busy right now. Please try again shortly.",
};

function sentence(text: string): string {
  const t = text.trim();
  if (t.length === 0) return t;
  const capital = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The validation messages of a problem, one per field, in field order. */
export function validationMessages(problem: ProblemDetails): string[] {
  if (!problem.errors) return [];
  const out: string[] = [];
  for (const value of Object.values(problem.errors)) {
    const list = Array.isArray(value) ? value : [value];
    for (const m of list) if (m) out.push(sentence(m));
  }
  return out;
}

/** `Retry-After` is either seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterSeconds(header: string | null, now: number = Date.now()): number | null {
  if (!header) return null;
  const n = Number(header);
  if (Number.isFinite(n)) return Math.max(0, Math.ceil(n));
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function waitPhrase(seconds: number): string {
  if (seconds <= 1) return "a second";
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** The message to show for a failed HTTP call. */
export function problemMessage(status: number, problem: ProblemDetails | null, retryAfter: number | null = null): string {
  if (status === 429) {
    return retryAfter !== null
      ? `Too many attempts. Please wait ${waitPhrase(retryAfter)} and try again.`
      : statusSentences[429]!;
  }
  if (problem) {
    const fields = validationMessages(problem);
    if (fields.length > 0) return fields.join(" ");
    if (problem.detail) return sentence(problem.detail);
    // Framework-generated titles ("Not Found", "Bad Request") say less than ours.
    const generic = /^(one or more validation errors occurred|bad request|not found|unauthorized|forbidden|conflict|gone|an error occurred while processing your request)\.?$/i;
    if (problem.title && !generic.test(problem.title.trim())) return sentence(problem.title);
  }
  return statusSentences[status] ?? (status >= 500 ? statusSentences[500]! : "Something went wrong. Please try again.");
}

export type HubErrorCode =
  | "not_found"
  | "forbidden"
  | "not_in_room"
  | "removed"
  | "room_ended"
  | "hand_raising_disabled"
  | "invalid_state"
  | "rate_limited"
  | "bad_request";

const hubSentences: Record<HubErrorCode, string> = {
  not_found: "This room doesn't exist, or you can't see it.",
  forbidden: "Only a moderator can do that.",
  not_in_room: "You're not in this room any more.",
  removed: "A moderator removed you from this room, so you can't rejoin it.",
  room_ended: "This room has ended.",
  hand_raising_disabled: "The moderators have turned hand raising off.",
  invalid_state: "That can't be done right now: the room has changed. Try again.",
  rate_limited: "You're doing that too often. Please wait a moment.",
  bad_request: "That request wasn't valid.",
};

/** A hub failure: the code from the server (or null when the failure was not a HubException). */
export interface HubError {
  code: HubErrorCode | null;
  serverSentence: string | null;
  message: string;
}

// The SignalR server wraps a HubException's message as
// "An unexpected error occurred invoking 'X' on the server. HubException: <message>".
const hubMessagePattern = /(?:HubException:\s*)?\b([a-z_]+):\s*(.*)$/s;

/** Parses a hub invocation error and maps its code to a sentence. */
export function hubError(error: unknown): HubError {
  const raw = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  const tail = raw.includes("HubException:") ? raw.slice(raw.indexOf("HubException:")) : raw;
  const m = hubMessagePattern.exec(tail);
  if (m && m[1]! in hubSentences) {
    const code = m[1] as HubErrorCode;
    const serverSentence = m[2]?.trim() ? sentence(m[2]) : null;
    // Where the server's sentence is more specific than ours (which rule refused), show it.
    const specific = code === "invalid_state" || code === "bad_request" || code === "forbidden";
    return { code, serverSentence, message: specific && serverSentence ? serverSentence : hubSentences[code] };
  }
  if (/\b401\b|unauthorized/i.test(raw)) {
    return { code: null, serverSentence: null, message: "Your session has ended. Log in again to join rooms." };
  }
  if (/negotiat|failed to fetch/i.test(raw)) {
    return { code: null, serverSentence: null, message: "Can't reach the room right now. Check your connection and try again." };
  }
  if (/connection|disconnected|websocket|transport/i.test(raw)) {
    return { code: null, serverSentence: null, message: "The connection to the room was lost. Reconnecting…" };
  }
  return { code: null, serverSentence: null, message: "Something went wrong. Please try again." };
}

/** The message to show for any error thrown by the api or signaling layers. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return "Can't reach the server. Check your connection and try again.";
  return hubError(error).message;
}
