// Where a form may send the visitor back to: a path on this site, never another origin.

const maxLength = 2048;
const probeOrigin = "http://same-site.invalid";

/**
 * The path, query and fragment of `value` when it is a path on this site; otherwise null.
 * Refuses absolute URLs, protocol-relative ones ("//evil.example") and the tricks browsers
 * turn into them: backslashes ("/\evil.example") and control characters, which browsers
 * strip before resolving ("/\t/evil.example").
 */
export function sameSitePath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > maxLength) return null;
  if (!value.startsWith("/") || value.startsWith("//")) return null;
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, probeOrigin);
  } catch {
    return null;
  }
  if (url.origin !== probeOrigin) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
