import { describe, expect, it } from "vitest";
import { markOwn, wasOwn } from "./ownActions";

describe("own actions", () => {
  it("counts a change as one's own shortly after doing it, and not later", () => {
    markOwn("mute", 1_000);
    expect(wasOwn("mute", 5000, 3_000)).toBe(true);
    expect(wasOwn("mute", 5000, 7_000)).toBe(false);
  });

  it("keeps the kinds apart", () => {
    markOwn("stage", 10_000);
    expect(wasOwn("stage", 5000, 11_000)).toBe(true);
    expect(wasOwn("mute", 5000, 11_000)).toBe(false);
  });
});
