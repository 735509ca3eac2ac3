// Runs before every page and route: refuses cross-site writes and oversized bodies with a
// short page (lib/security/request-guard.ts), and adds the headers that depend on SITE_URL,
// which a build does not know. It is never the authorization boundary: every action and route
// checks who is asking itself.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "./lib/env";
import { guardRequest, securityHeaders } from "./lib/security/request-guard";
import { localeCookie } from "./lib/i18n/locales";
import { refusalPage } from "./lib/security/refusal-page";

export function proxy(request: NextRequest): Response {
  const { SITE_URL } = env();
  const refusal = guardRequest({
    method: request.method,
    pathname: request.nextUrl.pathname,
    headers: request.headers,
    siteOrigin: new URL(SITE_URL).origin,
  });
  const response = refusal ? refusalPage(refusal, request.headers, request.cookies.get(localeCookie)?.value) : NextResponse.next();
  for (const [name, value] of Object.entries(securityHeaders(SITE_URL))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static build files and the public folder's files need neither check nor page headers.
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|icons/|sw\\.js|offline\\.html).*)"],
};
