// Membership checks for everything under /organizer. Every page, route handler and server
// action of the organizer area calls one of these itself, with the ids it was given; a
// visitor who is not a member of that organizer gets the same 404 as for an id that does
// not exist, so ids of other organizers reveal nothing. The lookups themselves live in
// membership.ts as functions of a user id, which tests call directly.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import type { SessionUser } from "@/lib/auth/callbacks";
import type { OrganizerRole } from "@/lib/db/types";
import { findMemberEvent, findMembership } from "./membership";
import type { OrganizerPermission } from "./roles";

export { findMembership, isOrganizerMember, isUuid, organizersOf } from "./membership";
export { can, type OrganizerPermission } from "./roles";

export type OrganizerAccess = {
  user: SessionUser;
  role: OrganizerRole;
  organizer: { id: string; slug: string; name: string; email: string };
};

/** Every guard names the row of the role matrix (roles.ts) its page, route or action needs. */
type AccessOptions = { permission: OrganizerPermission; returnPath?: string };

/** The signed-in user, or a redirect to sign in that comes back to `returnPath`. */
export async function requireSignedIn(returnPath: string): Promise<SessionUser> {
  const session = await auth();
  const user = session?.user as Partial<SessionUser> | undefined;
  if (!user?.id) redirect(`/login?callbackUrl=${encodeURIComponent(returnPath)}`);
  return { id: user.id, name: user.name ?? null, email: user.email ?? "", image: user.image ?? null };
}

/**
 * For pages and actions of one organizer: the signed-in member, or a sign-in redirect for a
 * visitor, or notFound() for a signed-in user who is not a member or whose role does not allow
 * `permission`: a staff member asking for an owner's page learns no more than a stranger.
 */
export async function requireOrganizerMember(organizerId: string, options: AccessOptions): Promise<OrganizerAccess> {
  const user = await requireSignedIn(options.returnPath ?? "/organizer");
  const membership = await findMembership(user.id, organizerId, options.permission);
  if (!membership) notFound();
  const { role, ...organizer } = membership;
  return { user, role, organizer };
}

/** An event of the organizer the caller is a member of, or notFound(). */
export async function requireOrganizerEvent(organizerId: string, eventId: string, options: AccessOptions) {
  const user = await requireSignedIn(options.returnPath ?? "/organizer");
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
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) {
    const location = `/login?callbackUrl=${encodeURIComponent(returnPath)}`;
    return { ok: false, response: new Response(null, { status: 303, headers: { Location: location } }) };
  }
  if (!(await findMembership(userId, organizerId, permission))) {
    return { ok: false, response: new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } }) };
  }
  return { ok: true, userId };
}
