// Which cache tags a change to some events touches: the event list, and each event's own page
// under its current slug (and a former one, when the change renamed it).
import { db } from "@/lib/db/client";
import { isEventSlug } from "@/lib/events/slug";
import { isUuid } from "@/lib/ids";
import { EVENTS_TAG, eventTag } from "./tags";

export async function tagsForEvents(eventIds: readonly string[], previousSlugs: readonly string[] = []): Promise<string[]> {
  const ids = [...new Set(eventIds.filter(isUuid))];
  const rows = ids.length === 0 ? [] : await db.event.findMany({ where: { id: { in: ids } }, select: { slug: true } });
  const slugs = [...rows.map((row) => row.slug), ...previousSlugs.filter(isEventSlug)];
  return [...new Set([EVENTS_TAG, ...slugs.map(eventTag)])];
}

/** The tags of an organizer's events (its name and website show on their pages and cards). */
export async function tagsForOrganizer(organizerId: string): Promise<string[]> {
  if (!isUuid(organizerId)) return [EVENTS_TAG];
  const rows = await db.event.findMany({ where: { organizerId }, select: { slug: true } });
  return [...new Set([EVENTS_TAG, ...rows.map((row) => eventTag(row.slug))])];
}
