// The names of the cookies that say who is signed in, without anything else, so proxy.ts and
// the browser can use them without loading the database or Auth.js.

/** Auth.js's session cookie: the __Secure- one when the site is served over https. */
export const SESSION_COOKIE = "authjs.session-token";
export const SECURE_SESSION_COOKIE = "__Secure-authjs.session-token";

/**
 * Readable by the page's scripts and holding nothing secret ("1"): it only tells the
 * browser that asking /api/viewer who is signed in is worth a request. proxy.ts keeps it in
 * step with the session cookie, which scripts cannot see (http-only).
 */
export const SIGNED_IN_HINT_COOKIE = "signed-in";

type CookieReader = { getAll(): { name: string }[]; has(name: string): boolean };

/** A cookie of either name Auth.js uses, or one of the parts (`<name>.0`, …) it splits a long one into. */
export function isSessionCookieName(name: string): boolean {
  return [SESSION_COOKIE, SECURE_SESSION_COOKIE].some(
    (base) => name === base || (name.startsWith(`${base}.`) && /^\d+$/.test(name.slice(base.length + 1))),
  );
}

/** What the hint cookie needs on this answer: set (a session but no hint), cleared (a hint but no session), or nothing. */
export function signedInHintChange(cookies: CookieReader): "set" | "clear" | null {
  const session = cookies.getAll().some(({ name }) => isSessionCookieName(name));
  const hint = cookies.has(SIGNED_IN_HINT_COOKIE);
  if (session && !hint) return "set";
  if (!session && hint) return "clear";
  return null;
}

/** The hint's attributes: the whole site, sent on top-level navigations, Secure on an https site. */
export function signedInHintOptions(siteUrl: string): { path: "/"; sameSite: "lax"; secure: boolean } {
  return { path: "/", sameSite: "lax", secure: siteUrl.startsWith("https://") };
}

/** The Set-Cookie header that sets ("1") or clears the hint. */
export function signedInHintHeader(change: "set" | "clear", siteUrl: string): string {
  const { secure } = signedInHintOptions(siteUrl);
  return `${SIGNED_IN_HINT_COOKIE}=${change === "set" ? "1" : ""}; Path=/; SameSite=Lax${secure ? "; Secure" : ""}${change === "clear" ? "; Max-Age=0" : ""}`;
}
