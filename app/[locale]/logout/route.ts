// Signing out: POST only, from a form on this site. Auth.js deletes the Session row and the
// cookie; the browser then goes to the sign-in page, which says so, in its language.
import { NextResponse, type NextRequest } from "next/server";
import { signOut } from "@/lib/auth";
import { env } from "@/lib/env";
import { isSameOriginPost } from "@/lib/auth/same-origin";
import { asLocale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";

export async function POST(request: NextRequest, { params }: { params: Promise<{ locale: string }> }) {
  // Without this a page elsewhere could sign a visitor out with a hidden form. SameSite=Lax
  // cookies still travel on a top-level cross-site POST, so the cookie alone does not stop it.
  const siteOrigin = env().SITE_URL ?? request.nextUrl.origin;
  if (!isSameOriginPost(request.headers, siteOrigin)) {
    return new NextResponse(null, { status: 403 });
  }
  await signOut({ redirect: false });
  const { locale } = await params;
  // The sign-in page says "you are signed out", in the language the visitor was browsing in.
  // The message travels in the address: the public pages are the same for everybody.
  const response = NextResponse.redirect(new URL(localizePath("/login?notice=signed-out", asLocale(locale)), siteOrigin), 303);
  // Tickets kept for offline use (public/sw.js) are personal: the browser drops them, and
  // anything else the site stored, before the next visitor of this device signs in.
  response.headers.set("Clear-Site-Data", '"cache", "storage"');
  return response;
}

// A link or a crawler must not sign anyone out.
export function GET() {
  return new NextResponse(null, { status: 405, headers: { Allow: "POST" } });
}
