import { ApiError, problemMessage, retryAfterSeconds, type ProblemDetails } from "./errors";

// Typed fetch: same-origin, cookie auth, JSON in and out, problem details out as ApiError.

type Method = "GET" | "POST" | "PATCH" | "DELETE";

let onUnauthorized: (() => void) | null = null;

/** Called on any 401, so the app can forget its session and show the login page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = {
    method,
    credentials: "same-origin",
    headers: body === undefined ? { Accept: "application/json" } : { Accept: "application/json", "Content-Type": "application/json" },
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(path, init);
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  let problem: ProblemDetails | null = null;
  try {
    const text = await response.text();
    problem = text ? (JSON.parse(text) as ProblemDetails) : null;
  } catch {
    problem = null;
  }
  if (response.status === 401 && onUnauthorized && !path.startsWith("/api/v1/auth/")) onUnauthorized();
  const retry = retryAfterSeconds(response.headers.get("Retry-After"));
  throw new ApiError(response.status, problemMessage(response.status, problem, retry), problem);
}
