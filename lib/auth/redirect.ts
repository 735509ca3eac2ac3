// Where Auth.js may send a browser after signing in or out: only to a path on this site.
import { safeReturnPath } from "../navigation/return-path";

/**
 * Auth.js's redirect callback: the requested path on this site, or the home page. `baseUrl`
 * is ignored: it comes from the Host header, which is the client's to choose; only SITE_URL
 * counts as this site.
 */
export function authRedirect({ url }: { url: string; baseUrl: string }): string {
  return safeReturnPath(url, "/");
}
