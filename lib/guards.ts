// Who is asking: the one module every page, route handler and server action asks (server
// actions through lib/actions.ts). A visitor gets a sign-in redirect that comes back to the
// page; a signed-in user without the right gets the same 404 as for an id that does not
// exist, so ids of other people and other organizers reveal nothing. What an organizer role
// may do is the matrix in lib/organizers/roles.ts; the lookups are plain functions of a user
// id in lib/organizers/membership.ts, which the domain functions call again.
import "server-only";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { sessionTokenFromCookies } from "@/lib/accounts/change-password";
import type { SessionUser } from "@/lib/auth/callbacks";
import { sessionIfCookie } from "@/lib/cache/session-cookie";
import type { OrganizerRole } from "@/lib/db/types";
import { env } from "@/lib/env";
import { localizedPath, redirectLocalized } from "@/lib/i18n/server";
import { findMemberEvent, findMembership } from "@/lib/organizers/membership";
import type { OrganizerPermission } from "@/lib/organizers/roles";

export { can, type OrganizerPermission } from "@/lib/organizers/roles";

/**
 * The signed-in user, or null. Auth.js is loaded on first use, not with this module: tests
 * import server actions (to check lib/actions.ts built them), and Auth.js ships only ES modules.
 * A request without a session cookie gets null before Auth.js is even loaded; the lookup runs
 * once per request (React `cache()` here and in lib/auth).
 */
export const signedInUser = cache(async (): Promise<SessionUser | null> => {
  const session = await sessionIfCookie(cookies, async () => {
    const { auth } = await import("@/lib/auth");
    return auth();
  });
  const user = session?.user;
  return user?.id ? user : null;
});

/** Where a visitor is sent to sign in, coming back to `returnPath` (one of our own paths) afterwards. */
export function signInPath(returnPath: string): string {
  return `/login?callbackUrl=${encodeURIComponent(returnPath)}`;
}

/** The signed-in user, or a redirect to sign in that comes back to `returnPath`. */
export async function requireUser(returnPath: string): Promise<SessionUser> {
  const user = await signedInUser();
  // Both the sign-in page and the way back are in the language of the page asked for.
  if (!user) return redirectLocalized(signInPath(await localizedPath(returnPath)));
  return user;
}

/** This browser's session token, for changes that sign out every session but this one. */
export async function currentSessionToken(): Promise<string | null> {
  return sessionTokenFromCookies(await cookies(), env().SITE_URL);
}

export type OrganizerAccess = {
  user: SessionUser;
  role: OrganizerRole;
  organizer: { id: string; slug: string; name: string; email: string };
};

/** Every organizer guard names the row of the role matrix its page, route or action needs. */
type AccessOptions = { permission: OrganizerPermission; returnPath?: string };

/**
 * For pages of one organizer: the signed-in member, or a sign-in redirect for a visitor, or
 * notFound() for a signed-in user who is not a member or whose role does not allow
 * `permission`: a staff member asking for an owner's page learns no more than a stranger.
 */
export async function requireOrganizerMember(organizerId: string, options: AccessOptions): Promise<OrganizerAccess> {
  const user = await requireUser(options.returnPath ?? "/organizer");
  const membership = await findMembership(user.id, organizerId, options.permission);
  if (!membership) notFound();
  const { role, ...organizer } = membership;
  return { user, role, organizer };
}

/** An event of the organizer the caller is a member of with `permission`, or notFound(). */
export async function requireOrganizerEvent(organizerId: string, eventId: string, options: AccessOptions) {
  const user = await requireUser(options.returnPath ?? "/organizer");
  const found = await findMemberEvent(user.id, organizerId, eventId, options.permission);
  if (!found) notFound();
  const { role, ...organizer } = found.membership;
  return { user, role, organizer, event: found.event };
}

/**
 * For route handlers, which answer with their own responses: the signed-in user's id, or the
 * response to send instead (a sign-in redirect for a visitor, 404 for anyone whose role in
 * this organizer does not allow `permission`). The handler's query checks the same again.
 */
export async function organizerRouteAccess(
  organizerId: string,
  permission: OrganizerPermission,
  returnPath: string,
): Promise<{ ok: true; userId: string } | { ok: false; response: Response }> {
  const user = await signedInUser();
  if (!user) return { ok: false, response: new Response(null, { status: 303, headers: { Location: signInPath(returnPath) } }) };
  if (!(await findMembership(user.id, organizerId, permission))) {
    return { ok: false, response: new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } }) };
  }
  return { ok: true, userId: user.id };
}
