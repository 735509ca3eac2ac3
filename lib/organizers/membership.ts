// Who is a member of which organizer, and whether their role allows what they ask (the matrix
// in roles.ts). Plain functions of a user id (no session, no request), used by the page guards
// in lib/guards.ts and again by every domain function of lib/organizers, so
// a page or action that forgot a check still cannot reach another organizer's data.
import "server-only";
import { db } from "@/lib/db/client";
import type { OrganizerRole } from "@/lib/db/types";
import { isUuid } from "@/lib/ids";
import { can, type OrganizerPermission } from "./roles";

export type Membership = { id: string; slug: string; name: string; email: string; contactEmail: string | null; role: OrganizerRole };

/**
 * The membership of `userId` in `organizerId` if its role allows `permission`, else null (also
 * for a malformed id): a member without the right and a stranger get the same answer.
 */
export async function findMembership(userId: string, organizerId: string, permission: OrganizerPermission): Promise<Membership | null> {
  if (!isUuid(organizerId) || !isUuid(userId)) return null;
  const member = await db.organizerMember.findUnique({
    where: { organizerId_userId: { organizerId, userId } },
    select: { role: true, organizer: { select: { id: true, slug: true, name: true, email: true, contactEmail: true } } },
  });
  if (!member || !can(member.role, permission)) return null;
  return { ...member.organizer, role: member.role };
}

/** The event `eventId` if it belongs to `organizerId` and the user's role there allows `permission`. */
export async function findMemberEvent(userId: string, organizerId: string, eventId: string, permission: OrganizerPermission) {
  if (!isUuid(eventId)) return null;
  const membership = await findMembership(userId, organizerId, permission);
  if (!membership) return null;
  const event = await db.event.findFirst({
    where: { id: eventId, organizerId: membership.id },
    select: { id: true, slug: true, title: true, status: true, startsAt: true, endsAt: true, timeZone: true, venue: true, city: true },
  });
  return event ? { membership, event } : null;
}

/** Every organizer the user is a member of, for the /organizer start page. */
export async function organizersOf(userId: string) {
  if (!isUuid(userId)) return [];
  const rows = await db.organizerMember.findMany({
    where: { userId },
    select: { role: true, organizer: { select: { id: true, slug: true, name: true } } },
    orderBy: { organizer: { name: "asc" } },
  });
  return rows.map((row) => ({ ...row.organizer, role: row.role }));
}

/** Whether the user belongs to any organizer: the header shows the organizer link only then. */
export async function isOrganizerMember(userId: string): Promise<boolean> {
  if (!isUuid(userId)) return false;
  return (await db.organizerMember.count({ where: { userId } })) > 0;
}
