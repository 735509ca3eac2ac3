// The /api/auth/* route: Auth.js's handlers behind one extra rule for the sign-in link callback.
//
// Auth.js uses up an email token on a GET of /api/auth/callback/email and on a POST from
// anywhere. Either would let a page elsewhere sign a visitor in as somebody else (the
// attacker's own link in an <img> or an auto-submitted form: "login CSRF"), after which a
// password, a claimed order or a liked event would land in the attacker's account. So a GET
// is sent to /login/confirm, which asks for a click, and a POST must come from a page of ours.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "../env";
import { handlers } from "./index";
import { isSameOriginPost } from "./same-origin";

const EMAIL_CALLBACK = "/api/auth/callback/email";

function siteOrigin(request: NextRequest): string {
  return env().SITE_URL ?? request.nextUrl.origin;
}

export async function GET(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname === EMAIL_CALLBACK) {
    return NextResponse.redirect(new URL(`/login/confirm${request.nextUrl.search}`, siteOrigin(request)), 303);
  }
  return handlers.GET(request);
}

export async function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname === EMAIL_CALLBACK && !isSameOriginPost(request.headers, siteOrigin(request))) {
    return new NextResponse(null, { status: 403 });
  }
  return handlers.POST(request);
}
