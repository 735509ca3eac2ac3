// Where signing in returns to after a signed-out visitor pressed a heart: saves the like if the
// pending-like cookie names this event, then shows the event with its heart pressed.
import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/lib/auth";
import { env } from "@/lib/env";
import { type AppLocale, asLocale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { completePendingLike } from "@/lib/likes/complete-pending-like";
import { PENDING_LIKE_COOKIE, PENDING_LIKE_COOKIE_PATH, pendingLikeCompletionPath } from "@/lib/likes/pending-like";

// Redirects are built on SITE_URL, never on the Host header the client chose.
// They stay in the language of this address.
function redirectTo(path: string, locale: AppLocale): NextResponse {
  return NextResponse.redirect(new URL(localizePath(path, locale), env().SITE_URL), 303);
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ locale: string }> }): Promise<NextResponse> {
  const requested = (await params).locale;
  const locale = asLocale(requested);
  const slug = request.nextUrl.searchParams.get("event");
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) {
    // Not signed in (yet, or any more): sign in first and come back here, the cookie kept.
    const back = localizePath(slug ? pendingLikeCompletionPath(slug) : "/events", locale);
    return redirectTo(`/login?${new URLSearchParams({ callbackUrl: back }).toString()}`, locale);
  }

  const cookieValue = request.cookies.get(PENDING_LIKE_COOKIE)?.value;
  const outcome = await completePendingLike({ userId, slug, cookieValue });
  const response = redirectTo(outcome.slug ? `/events/${encodeURIComponent(outcome.slug)}#like` : "/events", locale);
  if (outcome.clearCookie) {
    response.cookies.set(PENDING_LIKE_COOKIE, "", { path: PENDING_LIKE_COOKIE_PATH, maxAge: 0, httpOnly: true, sameSite: "lax" });
  }
  return response;
}
