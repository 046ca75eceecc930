import { describe, expect, it } from "vitest";
import { micMessage } from "./micMessage";

function domError(name: string): Error {
  const e = new Error("x");
  e.name = name;
  return e;
}

describe("micMessage", () => {
  it("tells a person who refused the microphone how to allow it", () => {
    expect(micMessage(domError("NotAllowedError"))).toMatch(/Allow the microphone/);
  });

  it("tells a person without a microphone to plug one in", () => {
    expect(micMessage(domError("NotFoundError"))).toMatch(/No microphone was found/);
  });

  it("tells a person whose microphone is taken by another app", () => {
    expect(micMessage(domError("NotReadableError"))).toMatch(/busy in another app/);
  });
});
