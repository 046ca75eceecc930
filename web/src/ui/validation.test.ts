import { describe, expect, it } from "vitest";
import { hasErrors, parseUserNames, validateLogin, validatePassword, validateRoom, validateSignUp, validateUserName, type RoomForm } from "./validation";

describe("sign-up validation", () => {
  it("accepts a good form", () => {
    expect(hasErrors(validateSignUp({ userName: "ada_l.x", displayName: "Ada Lovelace", password: "Engine#1843" }))).toBe(false);
  });

  it.each([
    ["", "Choose a user name."],
    ["ab", "User names have at least 3 characters."],
    ["a".repeat(31), "User names have at most 30 characters."],
    ["ada lovelace", "Use only letters, digits, underscores and dots."],
    ["ada!", "Use only letters, digits, underscores and dots."],
  ])("refuses user name %j", (userName, message) => {
    expect(validateUserName(userName)).toBe(message);
  });

  it("asks for a display name", () => {
    expect(validateSignUp({ userName: "ada", displayName: "  ", password: "Engine#1843" }).displayName).toBe("Tell people what to call you.");
  });

  it("says what a password lacks", () => {
    expect(validatePassword("Sh0rt")).toBe("Passwords have at least 6 characters.");
    expect(validatePassword("alllowercase")).toBe("Add an upper-case letter, a digit and a symbol such as ! or #.");
    expect(validatePassword("NoDigits!!")).toBe("Add a digit.");
    expect(validatePassword("Ab1!xy")).toBeUndefined();
    expect(validatePassword("Engine#1843")).toBeUndefined();
  });
});

describe("login validation", () => {
  it("asks for both fields", () => {
    expect(validateLogin({ userName: "", password: "" })).toEqual({ userName: "Enter your user name.", password: "Enter your password." });
    expect(hasErrors(validateLogin({ userName: "ada", password: "x" }))).toBe(false);
  });
});

describe("room validation", () => {
  const good: RoomForm = { title: "Synths at night", description: "", topics: ["music"], visibility: "open", invitees: "" };

  it("accepts a good room", () => {
    expect(hasErrors(validateRoom(good))).toBe(false);
  });

  it("needs a title of 1 to 60 characters", () => {
    expect(validateRoom({ ...good, title: "   " }).title).toBe("Give your room a title.");
    expect(validateRoom({ ...good, title: "x".repeat(60) }).title).toBeUndefined();
    expect(validateRoom({ ...good, title: "x".repeat(61) }).title).toBe("Titles have at most 60 characters (this one has 61).");
  });

  it("allows at most 3 distinct topics", () => {
    expect(validateRoom({ ...good, topics: ["a", "b", "c", "d"] }).topics).toBe("Pick at most 3 topics.");
    expect(validateRoom({ ...good, topics: ["Music", "music"] }).topics).toBe("Each topic only once.");
    expect(validateRoom({ ...good, topics: ["x".repeat(31)] }).topics).toBe("Topics have at most 30 characters.");
  });

  it("needs a visibility", () => {
    expect(validateRoom({ ...good, visibility: "" }).visibility).toBe("Choose who can join.");
  });

  it("checks invitees' user names", () => {
    expect(parseUserNames("@alice, bob  carol,")).toEqual(["alice", "bob", "carol"]);
    expect(validateRoom({ ...good, visibility: "closed", invitees: "alice, b!" }).invitees).toBe('"b!" isn\'t a valid user name.');
  });

  it("limits the description", () => {
    expect(validateRoom({ ...good, description: "x".repeat(501) }).description).toBe("Descriptions have at most 500 characters.");
  });
});
