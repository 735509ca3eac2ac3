// Who may do what in one organizer's operations. Every function in lib/organizer-ops asks
// here itself, with the acting user's id, so a page or action that forgot a check still
// cannot reach another organizer's data. (lib/organizers/access.ts does the same for pages,
// with redirects; it imports Auth.js, which these domain functions must not need.)
import { db } from "../db/client";
import type { OrganizerRole } from "../db/types";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuidString(value: unknown): value is string {
  return typeof value === "string" && uuidPattern.test(value);
}

/** Roles that may email every ticket holder and correct a buyer's address. */
export const MANAGER_ROLES: readonly OrganizerRole[] = ["OWNER", "ADMIN"];

export function isManager(role: OrganizerRole): boolean {
  return MANAGER_ROLES.includes(role);
}

export type OrganizerMembership = { role: OrganizerRole; organizer: { id: string; name: string; email: string } };

export async function membershipOf(userId: string, organizerId: string): Promise<OrganizerMembership | null> {
  if (!isUuidString(userId) || !isUuidString(organizerId)) return null;
  const member = await db.organizerMember.findUnique({
    where: { organizerId_userId: { organizerId, userId } },
    select: { role: true, organizer: { select: { id: true, name: true, email: true } } },
  });
  return member;
}

/** The event, if it belongs to the organizer and the user is a member (with one of `roles`). */
export async function eventOfMember(
  userId: string,
  organizerId: string,
  eventId: string,
  roles?: readonly OrganizerRole[],
) {
  const membership = await membershipOf(userId, organizerId);
  if (!membership || (roles && !roles.includes(membership.role))) return null;
  if (!isUuidString(eventId)) return null;
  const event = await db.event.findFirst({
    where: { id: eventId, organizerId },
    select: { id: true, title: true, venue: true, city: true, startsAt: true, endsAt: true, timeZone: true },
  });
  return event ? { membership, event } : null;
}
