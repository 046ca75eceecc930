import type { Visibility } from "../api/types";

// Client-side checks that mirror the server's rules, so a person learns what to fix before
// submitting. The server checks again; its problem details are shown when it disagrees.

export type Errors<K extends string> = Partial<Record<K, string>>;

export const userNamePattern = /^[A-Za-z0-9_.]+$/;

export function validateUserName(userName: string): string | undefined {
  const u = userName.trim();
  if (u.length === 0) return "Choose a user name.";
  if (u.length < 3) return "User names have at least 3 characters.";
  if (u.length > 30) return "User names have at most 30 characters.";
  if (!userNamePattern.test(u)) return "Use only letters, digits, underscores and dots.";
  return undefined;
}

/** ASP.NET Core Identity's default rules, as the server uses them: 6+ characters, upper, lower, digit, symbol. */
export const minPassword = 6;

export function validatePassword(password: string): string | undefined {
  if (password.length < minPassword) return `Passwords have at least ${minPassword} characters.`;
  const missing: string[] = [];
  if (!/[a-z]/.test(password)) missing.push("a lower-case letter");
  if (!/[A-Z]/.test(password)) missing.push("an upper-case letter");
  if (!/[0-9]/.test(password)) missing.push("a digit");
  if (!/[^A-Za-z0-9]/.test(password)) missing.push("a symbol such as ! or #");
  if (missing.length === 0) return undefined;
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}`;
  return `Add ${list}.`;
}

export interface SignUpForm {
  userName: string;
  displayName: string;
  password: string;
}

export function validateSignUp(form: SignUpForm): Errors<keyof SignUpForm> {
  const errors: Errors<keyof SignUpForm> = {};
  const u = validateUserName(form.userName);
  if (u) errors.userName = u;
  const d = form.displayName.trim();
  if (d.length === 0) errors.displayName = "Tell people what to call you.";
  else if (d.length > 50) errors.displayName = "Display names have at most 50 characters.";
  const p = validatePassword(form.password);
  if (p) errors.password = p;
  return errors;
}

export interface LoginForm {
  userName: string;
  password: string;
}

export function validateLogin(form: LoginForm): Errors<keyof LoginForm> {
  const errors: Errors<keyof LoginForm> = {};
  if (form.userName.trim().length === 0) errors.userName = "Enter your user name.";
  if (form.password.length === 0) errors.password = "Enter your password.";
  return errors;
}

export interface RoomForm {
  title: string;
  description: string;
  topics: string[];
  visibility: Visibility | "";
  invitees: string;
}

export const maxTitle = 60;
export const maxTopics = 3;
export const maxTopicLength = 30;
export const maxDescription = 500;

/** Splits "alice, @bob  carol" into user names. */
export function parseUserNames(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.replace(/^@/, "").trim())
    .filter((s) => s.length > 0);
}

export function validateRoom(form: RoomForm): Errors<keyof RoomForm> {
  const errors: Errors<keyof RoomForm> = {};
  const t = form.title.trim();
  if (t.length === 0) errors.title = "Give your room a title.";
  else if (t.length > maxTitle) errors.title = `Titles have at most ${maxTitle} characters (this one has ${t.length}).`;
  if (form.description.trim().length > maxDescription) errors.description = `Descriptions have at most ${maxDescription} characters.`;
  const topics = form.topics.map((x) => x.trim()).filter((x) => x.length > 0);
  if (topics.length > maxTopics) errors.topics = `Pick at most ${maxTopics} topics.`;
  else if (topics.some((x) => x.length > maxTopicLength)) errors.topics = `Topics have at most ${maxTopicLength} characters.`;
  else if (new Set(topics.map((x) => x.toLowerCase())).size !== topics.length) errors.topics = "Each topic only once.";
  if (form.visibility === "") errors.visibility = "Choose who can join.";
  const bad = parseUserNames(form.invitees).find((u) => validateUserName(u) !== undefined);
  if (bad) errors.invitees = `"${bad}" isn't a valid user name.`;
  return errors;
}

export function hasErrors(errors: object): boolean {
  return Object.values(errors).some((v) => v !== undefined);
}
