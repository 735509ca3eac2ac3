// The /api/auth/* route: Auth.js's handlers behind one extra rule for the sign-in link callback.
//
// Auth.js uses up an email token on a GET of /api/auth/callback/email and on a POST from
// anywhere. Either would let a page elsewhere sign a visitor in as somebody else (the
// attacker's own link in an <img> or an auto-submitted form: "login CSRF"), after which a
// password, a claimed order or a liked event would land in the attacker's account. So a GET
// is sent to /login/confirm, which asks for a click, and a POST must come from a page of ours.
import { NextRequest, NextResponse } from "next/server";
import { SIGN_IN_LINK_CALLBACK_PATH } from "../accounts/sign-in-links";
import { env } from "../env";
import { safeReturnPath } from "../navigation/return-path";
import { handlers } from "./index";
import { isSameOriginPost } from "./same-origin";

const CALLBACK_COOKIES = new Set(["authjs.callback-url", "__Secure-authjs.callback-url"]);

function siteOrigin(request: NextRequest): string {
  return env().SITE_URL ?? request.nextUrl.origin;
}

/**
 * The request with its callbackUrl (query parameter and cookie) replaced by a path on this site.
 * Auth.js checks only that these are http(s) URLs and answers a POST with any other value
 * ("javascript:…") with a 500; the redirect callback then decides where a valid one may lead.
 * The form field is left as posted: it goes through that callback (lib/auth/redirect.ts).
 */
export function withSafeCallbackUrl(request: NextRequest): NextRequest {
  const url = new URL(request.url);
  let changed = false;
  const query = url.searchParams.get("callbackUrl");
  if (query !== null) {
    const safe = safeReturnPath(query, "/");
    if (safe !== query) {
      url.searchParams.set("callbackUrl", safe);
      changed = true;
    }
  }
  const headers = new Headers(request.headers);
  const cookie = headers.get("cookie");
  if (cookie) {
    const parts = cookie.split(";").map((part) => {
      const [name, ...value] = part.trim().split("=");
      if (!CALLBACK_COOKIES.has(name)) return part;
      let decoded: string | null;
      try {
        decoded = decodeURIComponent(value.join("="));
      } catch {
        decoded = null;
      }
      if (safeReturnPath(decoded, null) !== null) return part;
      changed = true;
      return ` ${name}=${encodeURIComponent("/")}`;
    });
    headers.set("cookie", parts.join(";"));
  }
  if (!changed) return request;
  return new NextRequest(url, {
    method: request.method,
    headers,
    body: request.body,
    signal: request.signal,
    // A streamed body must say so to be passed on.
    ...(request.body ? { duplex: "half" } : {}),
  } as ConstructorParameters<typeof NextRequest>[1]);
}

export async function GET(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname === SIGN_IN_LINK_CALLBACK_PATH) {
    return NextResponse.redirect(new URL(`/login/confirm${request.nextUrl.search}`, siteOrigin(request)), 303);
  }
  return handlers.GET(withSafeCallbackUrl(request));
}

export async function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname === SIGN_IN_LINK_CALLBACK_PATH && !isSameOriginPost(request.headers, siteOrigin(request))) {
    return new NextResponse(null, { status: 403 });
  }
  return handlers.POST(withSafeCallbackUrl(request));
}
