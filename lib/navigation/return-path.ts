// Where a form, a link or a sign-in may send the visitor back to: a path on this site, never
// another origin. Every return path (language switcher, like button, sign-in callbackUrl,
// Auth.js's redirect callback) goes through safeReturnPath, so there is one rule to get right.
import { env } from "../env";

const MAX_LENGTH = 2048;

// C0 controls and DEL: browsers strip tab and newline before resolving ("/\t/evil.example"
// is "//evil.example" to them); none of them belongs in a path we hand back.
const CONTROL = /[\u0000-\u001f\u007f]/;

// Two slashes or backslashes in a row at the start: protocol-relative to a browser.
const NETWORK_PATH = /^[/\\]{2}/;

function decodedOnce(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * The path, query and fragment `value` leads to, when that is a page of this site; otherwise
 * `fallback`. `value` is a path ("/events?city=Lund") or an absolute URL on SITE_URL (Auth.js's
 * default callbackUrl is the Referer).
 *
 * The value is resolved as a browser would resolve it (dot segments, "%2e", backslashes), and
 * the result must start with one "/" followed by neither "/" nor "\": "/.//evil.example"
 * resolves to "//evil.example" and is refused. So is a result that would become one when
 * percent-decoded once more ("/%2e/%2f/evil.example" → "/%2f/evil.example"), in case something
 * on the way decodes it again.
 */
export function safeReturnPath<F extends string | null>(
  value: unknown,
  fallback: F,
  { siteUrl = env().SITE_URL }: { siteUrl?: string } = {},
): string | F {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  if (CONTROL.test(value)) return fallback;
  const site = new URL(siteUrl);
  // A bare relative path ("events") or a scheme other than the site's is never meant.
  if (!value.startsWith("/") && !value.toLowerCase().startsWith(`${site.protocol}//`)) return fallback;

  let url: URL;
  try {
    url = new URL(value, site.origin);
  } catch {
    return fallback;
  }
  if (url.origin !== site.origin) return fallback;

  const path = url.pathname;
  if (!path.startsWith("/") || NETWORK_PATH.test(path)) return fallback;
  const decoded = decodedOnce(path);
  if (NETWORK_PATH.test(decoded) || CONTROL.test(decoded)) return fallback;
  try {
    if (NETWORK_PATH.test(new URL(decoded, site.origin).pathname)) return fallback;
  } catch {
    return fallback;
  }
  return `${path}${url.search}${url.hash}`;
}
