import { describe, expect, it } from "vitest";
import type { Participant } from "../../api";
import { blockedOnStage } from "./blockedOnStage";

const person = (userId: string, role: Participant["role"]): Participant =>
  ({ userId, userName: userId, displayName: userId.toUpperCase(), role, muted: false, handRaisedAt: null, invitedToSpeak: false, joinedAt: "2026-12-06T12:00:00Z", speakerSince: null }) as Participant;

describe("blockedOnStage", () => {
  it("names blocked speakers and moderators, not blocked listeners or unblocked speakers", () => {
    const people = [person("mod", "moderator"), person("spk", "speaker"), person("aud", "audience"), person("ok", "speaker")];
    expect(blockedOnStage(people, new Set(["mod", "spk", "aud"])).map((p) => p.userId)).toEqual(["mod", "spk"]);
  });

  it("is empty when nobody blocked is on stage", () => {
    expect(blockedOnStage([person("aud", "audience")], new Set(["aud"]))).toEqual([]);
  });
});
