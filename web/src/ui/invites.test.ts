import { describe, expect, it } from "vitest";
import type { Invite } from "../api/types";
import { colourFor, initials, since } from "./format";
import { inviteState } from "./invites";

const now = Date.parse("2026-06-01T12:00:00Z");
const base: Invite = { code: "c", url: "", createdAt: "2026-05-30T12:00:00Z", expiresAt: "2026-06-10T12:00:00Z", usedBy: null, usedAt: null, revoked: false };

describe("invite states", () => {
  it("is available while unused, unrevoked and unexpired", () => {
    expect(inviteState(base, now)).toBe("available");
  });
  it("is used once redeemed, even after its expiry date", () => {
    expect(inviteState({ ...base, usedBy: { userName: "gus", displayName: "Gus" }, usedAt: "2026-05-31T00:00:00Z", expiresAt: "2026-05-31T12:00:00Z" }, now)).toBe("used");
  });
  it("is revoked when its creator revoked it", () => {
    expect(inviteState({ ...base, revoked: true }, now)).toBe("revoked");
  });
  it("is expired after its expiry time", () => {
    expect(inviteState({ ...base, expiresAt: "2026-06-01T11:59:59Z" }, now)).toBe("expired");
  });
});

describe("faces and times", () => {
  it("takes initials from the first and last word, or the first two letters", () => {
    expect(initials("Ada King Lovelace")).toBe("AL");
    expect(initials("ada")).toBe("AD");
    expect(initials("  ", "zed")).toBe("ZE");
  });
  it("gives the same person the same colour", () => {
    expect(colourFor("gus")).toBe(colourFor("gus"));
  });
  it("says how long a hand has waited", () => {
    expect(since("2026-06-01T11:59:55Z", now)).toBe("just now");
    expect(since("2026-06-01T11:59:30Z", now)).toBe("30 s");
    expect(since("2026-06-01T11:57:00Z", now)).toBe("3 min");
    expect(since("2026-06-01T10:55:00Z", now)).toBe("1 h 5 min");
  });
});
