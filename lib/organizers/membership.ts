// Who is a member of which organizer. Plain functions of a user id (no session, no request), so
// that every check the pages and actions make can be called from a test as it is.
import "server-only";
import { db } from "@/lib/db/client";
import type { OrganizerRole } from "@/lib/db/types";

export type Membership = { id: string; slug: string; name: string; email: string; role: OrganizerRole };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && uuidPattern.test(value);
}

/** The membership of `userId` in `organizerId`, or null (also for a malformed id). */
export async function findMembership(userId: string, organizerId: string): Promise<Membership | null> {
  if (!isUuid(organizerId) || !isUuid(userId)) return null;
  const member = await db.organizerMember.findUnique({
    where: { organizerId_userId: { organizerId, userId } },
    select: { role: true, organizer: { select: { id: true, slug: true, name: true, email: true } } },
  });
  return member ? { ...member.organizer, role: member.role } : null;
}

/** The event `eventId` if it belongs to `organizerId` and `userId` is a member there, else null. */
export async function findMemberEvent(userId: string, organizerId: string, eventId: string) {
  if (!isUuid(eventId)) return null;
  const membership = await findMembership(userId, organizerId);
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
