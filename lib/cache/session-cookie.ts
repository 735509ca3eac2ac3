// Whether a request carries an Auth.js session cookie. Without one there is no session to look
// up, so auth() answers null without starting Auth.js (which builds a CSRF token on every call),
// and a page can be served the same to every such visitor (deploy/nginx.conf caches on the same
// rule: no cookie whose name holds "authjs.session-token").
import { isSessionCookieName } from "@/lib/auth/cookie-names";

export { isSessionCookieName };

type CookieReader = { getAll(): { name: string }[] };

/**
 * True when a cookie by either name Auth.js uses is present: `__Secure-authjs.session-token`
 * on an https site, `authjs.session-token` otherwise, both looked for since a proxy may disagree
 * with SITE_URL. Auth.js splits a too-long cookie into `<name>.0`, `<name>.1`, …; those count too.
 */
export function hasSessionCookie(cookies: CookieReader): boolean {
  return cookies.getAll().some(({ name }) => isSessionCookieName(name));
}

/**
 * `read()` (a session lookup) when the request has a session cookie, null otherwise without
 * calling it. `cookies` is called first and alone, so the lookup's module need not even load.
 */
export async function sessionIfCookie<T>(cookies: () => Promise<CookieReader>, read: () => Promise<T | null>): Promise<T | null> {
  if (!hasSessionCookie(await cookies())) return null;
  return read();
}
