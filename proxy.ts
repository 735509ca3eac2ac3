// Runs before every page and route: refuses cross-site writes and oversized bodies with a
// short page (lib/security/request-guard.ts), hands pages to next-intl's middleware, which
// reads the language from the address (lib/i18n/routing.ts: "/en/…" English, the rest
// Swedish), and adds the headers that depend on SITE_URL, which a build does not know. It is
// never the authorization boundary: every action and route checks who is asking itself.
import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { signedInHintChange, signedInHintHeader } from "./lib/auth/cookie-names";
import { env } from "./lib/env";
import { browseRoute } from "./lib/events/browse-route";
import { isLocalizedPath, parseLocalePath } from "./lib/i18n/paths";
import { routing } from "./lib/i18n/routing";
import { guardRequest, securityHeaders } from "./lib/security/request-guard";
import { refusalPage } from "./lib/security/refusal-page";

const localize = createMiddleware(routing);

export function proxy(request: NextRequest): Response {
  const { SITE_URL } = env();
  const { pathname } = request.nextUrl;
  const refusal = guardRequest({
    method: request.method,
    pathname,
    headers: request.headers,
    siteOrigin: new URL(SITE_URL).origin,
  });
  let response: Response;
  if (refusal) response = refusalPage(refusal, parseLocalePath(pathname).locale);
  else if (isLocalizedPath(pathname)) response = browse(request) ?? localize(request);
  else response = NextResponse.next();
  for (const [name, value] of Object.entries(securityHeaders(SITE_URL))) response.headers.set(name, value);
  keepSignedInHint(request, response, SITE_URL);
  return response;
}

/**
 * /events with a query string is rendered by another page than the bare, cached /events
 * (lib/events/browse-route.ts); the visitor's address stays the same.
 */
function browse(request: NextRequest): Response | undefined {
  const route = browseRoute(request.nextUrl.pathname, request.nextUrl.search);
  if (!route) return undefined;
  const url = request.nextUrl.clone();
  url.pathname = route.pathname;
  return route.kind === "rewrite" ? NextResponse.rewrite(url) : NextResponse.redirect(url, 308);
}

/**
 * The readable "signed in" hint follows the http-only session cookie, however the session
 * began or ended (sign-in, sign-out, expiry, another device signing this one out). A visitor
 * with neither gets no cookie, so public pages stay the same for everyone.
 */
function keepSignedInHint(request: NextRequest, response: Response, siteUrl: string): void {
  const change = signedInHintChange(request.cookies);
  if (change) response.headers.append("set-cookie", signedInHintHeader(change, siteUrl));
}

export const config = {
  // Static build files and the public folder's files need neither check nor page headers.
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|icons/|sw\\.js|offline\\.html).*)"],
};
