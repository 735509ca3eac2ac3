// Where signing in returns to after a signed-out visitor pressed a heart: saves the like if the
// pending-like cookie names this event, then shows the event with its heart pressed.
import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/lib/auth";
import { env } from "@/lib/env";
import { completePendingLike } from "@/lib/likes/complete-pending-like";
import { PENDING_LIKE_COOKIE, PENDING_LIKE_COOKIE_PATH, pendingLikeCompletionPath } from "@/lib/likes/pending-like";

// Redirects are built on SITE_URL, never on the Host header the client chose.
function redirectTo(path: string): NextResponse {
  return NextResponse.redirect(new URL(path, env().SITE_URL), 303);
}

export async function GET(request: NextRequest): Promise<NextResponse> {
  const slug = request.nextUrl.searchParams.get("event");
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) {
    // Not signed in (yet, or any more): sign in first and come back here, the cookie kept.
    const back = slug ? pendingLikeCompletionPath(slug) : "/events";
    return redirectTo(`/login?${new URLSearchParams({ callbackUrl: back }).toString()}`);
  }

  const cookieValue = request.cookies.get(PENDING_LIKE_COOKIE)?.value;
  const outcome = await completePendingLike({ userId, slug, cookieValue });
  const response = redirectTo(outcome.slug ? `/events/${encodeURIComponent(outcome.slug)}#like` : "/events");
  if (outcome.clearCookie) {
    response.cookies.set(PENDING_LIKE_COOKIE, "", { path: PENDING_LIKE_COOKIE_PATH, maxAge: 0, httpOnly: true, sameSite: "lax" });
  }
  return response;
}
