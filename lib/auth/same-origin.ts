// Cross-site request forgery check for /logout and the sign-in link callback: a POST counts
// only when the browser says it came from a page of this site. Browsers send Origin with every POST; Referer is the fallback
// for the few that leave it out, and a request with neither is refused.

export function isSameOriginPost(headers: Headers, siteOrigin: string): boolean {
  const claimed = headers.get("origin") ?? headers.get("referer");
  if (!claimed || claimed === "null") return false;
  try {
    return new URL(claimed).origin === new URL(siteOrigin).origin;
  } catch {
    return false;
  }
}
