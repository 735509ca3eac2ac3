// Public handles (/u/<handle>): what they may look like and which words are kept for the site.

export const HANDLE_MIN_LENGTH = 3;
export const HANDLE_MAX_LENGTH = 30;

export type HandleProblem = "too_short" | "too_long" | "invalid_characters" | "reserved" | "taken";

// Letters, digits and underscore, starting with a letter or digit: the database's own rule
// (User_guard) allows a-z, 0-9 and _ only, so a hyphen is refused here too.
const HANDLE_PATTERN = /^[a-z0-9][a-z0-9_]*$/;

// Paths of the site and words that would let a profile pass for the site itself.
const RESERVED = new Set([
  "about",
  "account",
  "accounts",
  "admin",
  "administrator",
  "api",
  "app",
  "auth",
  "biljett",
  "checkout",
  "contact",
  "dev",
  "events",
  "help",
  "home",
  "info",
  "login",
  "logout",
  "mail",
  "mailbox",
  "me",
  "media",
  "moderator",
  "null",
  "orders",
  "organizer",
  "organizers",
  "owner",
  "payments",
  "privacy",
  "profile",
  "root",
  "security",
  "settings",
  "signin",
  "signup",
  "staff",
  "static",
  "support",
  "system",
  "terms",
  "tickets",
  "undefined",
  "user",
  "users",
  "webmaster",
  "www",
]);

export type ParsedHandle = { ok: true; handle: string } | { ok: false; problem: Exclude<HandleProblem, "taken"> };

/** The stored (lower-case) form of a typed handle, or why it cannot be one. */
export function parseHandle(raw: string): ParsedHandle {
  const handle = raw.trim().replace(/^@/, "").toLowerCase();
  if (handle.length < HANDLE_MIN_LENGTH) return { ok: false, problem: "too_short" };
  if (handle.length > HANDLE_MAX_LENGTH) return { ok: false, problem: "too_long" };
  if (!HANDLE_PATTERN.test(handle)) return { ok: false, problem: "invalid_characters" };
  if (RESERVED.has(handle) || RESERVED.has(handle.replace(/_/g, ""))) return { ok: false, problem: "reserved" };
  return { ok: true, handle };
}

/** A handle from a URL, in its stored form, when it could be one at all (else no lookup). */
export function handleFromPath(segment: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return null;
  }
  const handle = decoded.toLowerCase();
  return handle.length >= HANDLE_MIN_LENGTH && handle.length <= HANDLE_MAX_LENGTH && HANDLE_PATTERN.test(handle) ? handle : null;
}
