import { describe, expect, it } from "vitest";
import { ApiError, errorMessage, hubError, problemMessage, retryAfterSeconds } from "./errors";

describe("problem details to messages", () => {
  it("shows the detail as a sentence", () => {
    expect(problemMessage(410, { title: "Gone", status: 410, detail: "this invite was already used" })).toBe("This invite was already used.");
  });

  it("lists validation errors field by field", () => {
    const problem = { title: "One or more validation errors occurred.", status: 400, errors: { userName: ["User name is taken."], password: ["Passwords must have at least one digit ('0'-'9')."] } };
    expect(problemMessage(400, problem)).toBe("User name is taken. Passwords must have at least one digit ('0'-'9').");
  });

  it("uses a specific title when there is no detail", () => {
    expect(problemMessage(403, { title: "You have no invites left", status: 403 })).toBe("You have no invites left.");
  });

  it("falls back on a sentence per status for framework titles", () => {
    expect(problemMessage(404, { title: "Not Found", status: 404 })).toBe("We couldn't find that. It may have been removed.");
    expect(problemMessage(401, null)).toBe("You need to log in first.");
    expect(problemMessage(503, null)).toBe("The server is busy right now. Please try again shortly.");
    expect(problemMessage(418, null)).toBe("Something went wrong. Please try again.");
  });

  it("says how long to wait when rate limited", () => {
    expect(problemMessage(429, null, 30)).toBe("Too many attempts. Please wait 30 seconds and try again.");
    expect(problemMessage(429, null, 600)).toBe("Too many attempts. Please wait 10 minutes and try again.");
    expect(problemMessage(429, null, null)).toBe("Too many attempts. Please wait a moment and try again.");
  });

  it("reads Retry-After as seconds or as a date", () => {
    expect(retryAfterSeconds("12")).toBe(12);
    expect(retryAfterSeconds("Wed, 01 Jan 2026 10:00:30 GMT", Date.parse("2026-01-01T10:00:00Z"))).toBe(30);
    expect(retryAfterSeconds(null)).toBeNull();
    expect(retryAfterSeconds("soon")).toBeNull();
  });
});

describe("hub errors to messages", () => {
  const wrap = (m: string) => new Error(`An unexpected error occurred invoking 'X' on the server. HubException: ${m}`);

  it.each([
    ["not_found: no such room", "This room doesn't exist, or you can't see it."],
    ["not_in_room: join first", "You're not in this room any more."],
    ["removed: you were removed", "A moderator removed you from this room, so you can't rejoin it."],
    ["room_ended: it ended", "This room has ended."],
    ["hand_raising_disabled: off", "The moderators have turned hand raising off."],
    ["rate_limited: slow down", "You're doing that too often. Please wait a moment."],
  ])("maps %s", (raw, expected) => {
    expect(hubError(wrap(raw)).message).toBe(expected);
  });

  it("keeps the server's sentence for forbidden and invalid_state, which say which rule refused", () => {
    expect(hubError(wrap("forbidden: only moderators can invite people to speak")).message).toBe("Only moderators can invite people to speak.");
    expect(hubError(wrap("invalid_state: they are already on stage")).message).toBe("They are already on stage.");
  });

  it("uses our sentence when the server gives none", () => {
    expect(hubError(wrap("forbidden:")).message).toBe("Only a moderator can do that.");
    expect(hubError(wrap("forbidden:")).code).toBe("forbidden");
  });

  it("parses a bare code message too", () => {
    expect(hubError(new Error("room_ended: The room has ended.")).code).toBe("room_ended");
  });

  it("explains a lost connection", () => {
    expect(hubError(new Error("Invocation canceled due to the underlying connection being closed.")).message).toBe("The connection to the room was lost. Reconnecting…");
  });

  it("asks to log in again when the hub refuses the cookie", () => {
    expect(hubError(new Error("Failed to complete negotiation with the server: Error: Unauthorized: Status code '401'")).message).toBe(
      "Your session has ended. Log in again to join rooms.",
    );
  });

  it("explains a server that cannot be reached", () => {
    expect(hubError(new Error("Failed to complete negotiation with the server: TypeError: Failed to fetch")).message).toBe(
      "Can't reach the room right now. Check your connection and try again.",
    );
  });

  it("never shows a raw stack or unknown code", () => {
    expect(hubError(new Error("boom: kaput")).message).toBe("Something went wrong. Please try again.");
  });
});

describe("any error to a message", () => {
  it("passes an ApiError's message through", () => {
    expect(errorMessage(new ApiError(409, "That user name is taken.", null))).toBe("That user name is taken.");
  });

  it("explains a network failure", () => {
    expect(errorMessage(new TypeError("Failed to fetch"))).toBe("Can't reach the server. Check your connection and try again.");
  });
});
