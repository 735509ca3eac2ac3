// Expiring cached public data from inside a request, after a change. Organizer actions call
// these right after their transaction commits (never inside it: a reader could refill the cache
// with the old rows before the commit).
import "server-only";
import { revalidateTag, updateTag } from "next/cache";
import { tagsForEvents, tagsForOrganizer } from "./event-tags";

/**
 * In a server action, after an organizer edited, published or unpublished an event: its page
 * and the event list are read fresh by the next request, the organizer's own included
 * (`updateTag`: read-your-writes). Pass `previousSlug` when the edit changed the slug, so the
 * old address stops showing the event at once rather than within seconds.
 */
export async function eventChanged(eventId: string, { previousSlug }: { previousSlug?: string } = {}): Promise<void> {
  for (const tag of await tagsForEvents([eventId], previousSlug ? [previousSlug] : [])) updateTag(tag);
}

/** In a server action, after an organizer's name or website changed: every page showing them. */
export async function organizerChanged(organizerId: string): Promise<void> {
  for (const tag of await tagsForOrganizer(organizerId)) updateTag(tag);
}

/**
 * In a route handler (or an action that must not re-render its page), after tickets of these
 * events came back on sale or ran out: the next request reads them fresh. Not for every sale: in
 * a rush that would leave the page never cached; the few seconds' revalidate covers those.
 */
export async function availabilityChanged(eventIds: readonly string[]): Promise<void> {
  for (const tag of await tagsForEvents(eventIds)) revalidateTag(tag, { expire: 0 });
}
