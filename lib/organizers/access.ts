// Membership checks for everything under /organizer. Every page, route handler and server
// action of the organizer area calls one of these itself, with the ids it was given; a
// visitor who is not a member of that organizer gets the same 404 as for an id that does
// not exist, so ids of other organizers reveal nothing.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import type { SessionUser } from "@/lib/auth/callbacks";
import { db } from "@/lib/db/client";
import type { OrganizerRole } from "@/lib/db/types";

export type OrganizerAccess = {
  user: SessionUser;
  role: OrganizerRole;
  organizer: { id: string; slug: string; name: string; email: string };
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && uuidPattern.test(value);
}

/** The signed-in user, or a redirect to sign in that comes back to `returnPath`. */
export async function requireSignedIn(returnPath: string): Promise<SessionUser> {
  const session = await auth();
  const user = session?.user as Partial<SessionUser> | undefined;
  if (!user?.id) redirect(`/login?callbackUrl=${encodeURIComponent(returnPath)}`);
  return { id: user.id, name: user.name ?? null, email: user.email ?? "", image: user.image ?? null };
}

/** The membership of `userId` in `organizerId`, or null (also for a malformed id). */
export async function findMembership(userId: string, organizerId: string): Promise<OrganizerAccess["organizer"] & { role: OrganizerRole } | null> {
  if (!isUuid(organizerId)) return null;
  const member = await db.organizerMember.findUnique({
    where: { organizerId_userId: { organizerId, userId } },
    select: { role: true, organizer: { select: { id: true, slug: true, name: true, email: true } } },
  });
  return member ? { ...member.organizer, role: member.role } : null;
}

/**
 * For pages and actions of one organizer: the signed-in member, or a sign-in redirect for a
 * visitor, or notFound() for a signed-in user who is not a member (or whose role is not in
 * `roles`, when given).
 */
export async function requireOrganizerMember(
  organizerId: string,
  options: { returnPath?: string; roles?: readonly OrganizerRole[] } = {},
): Promise<OrganizerAccess> {
  const user = await requireSignedIn(options.returnPath ?? "/organizer");
  const membership = await findMembership(user.id, organizerId);
  if (!membership || (options.roles && !options.roles.includes(membership.role))) notFound();
  const { role, ...organizer } = membership;
  return { user, role, organizer };
}

/** An event of the organizer the caller is a member of, or notFound(). */
export async function requireOrganizerEvent(organizerId: string, eventId: string, options: { returnPath?: string; roles?: readonly OrganizerRole[] } = {}) {
  const access = await requireOrganizerMember(organizerId, options);
  if (!isUuid(eventId)) notFound();
  const event = await db.event.findFirst({
    where: { id: eventId, organizerId: access.organizer.id },
    select: { id: true, slug: true, title: true, status: true, startsAt: true, endsAt: true, timeZone: true, venue: true, city: true },
  });
  if (!event) notFound();
  return { ...access, event };
}

/** Every organizer the user is a member of, for the /organizer start page and the menu. */
export async function organizersOf(userId: string) {
  const rows = await db.organizerMember.findMany({
    where: { userId },
    select: { role: true, organizer: { select: { id: true, slug: true, name: true } } },
    orderBy: { organizer: { name: "asc" } },
  });
  return rows.map((row) => ({ ...row.organizer, role: row.role }));
}
