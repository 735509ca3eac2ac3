// Where Auth.js may send a browser after signing in or out: only to a path on this site.
import { env } from "../env";
import { sameSitePath } from "../i18n/return-path";

/**
 * The same-site path of `url`, which may be a path ("/account") or an absolute URL on SITE_URL
 * (next-auth's default callbackUrl is the Referer). Anything else, including URLs on the host
 * the request claims to be for (the Host header is the client's to choose), gives null.
 */
export function sameSiteAuthPath(url: unknown): string | null {
  const path = sameSitePath(url);
  if (path !== null || typeof url !== "string") return path;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== new URL(env().SITE_URL).origin) return null;
  return sameSitePath(`${parsed.pathname}${parsed.search}${parsed.hash}`);
}

/** Auth.js's redirect callback: the requested path on this site, or the home page. */
export function authRedirect({ url }: { url: string; baseUrl: string }): string {
  return sameSiteAuthPath(url) ?? "/";
}
