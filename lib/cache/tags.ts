// Names of the cache tags the public pages' data carries. Pure, so the web server, the worker
// and tests agree on them.
import { isEventSlug } from "../events/slug";

/** The event list: every page of it, every search and filter, and the list of cities. */
export const EVENTS_TAG = "events";

const EVENT_PREFIX = "event:";

/**
 * One event's public page data. By slug, because the page reads the event by its slug and a
 * tag must be known before the read; lib/cache/invalidate.ts turns an event's id into its slug.
 */
export function eventTag(slug: string): string {
  return `${EVENT_PREFIX}${slug}`;
}

/** Whether `tag` is one of ours (the internal revalidation route refuses any other). */
export function isCacheTag(tag: unknown): tag is string {
  if (typeof tag !== "string") return false;
  if (tag === EVENTS_TAG) return true;
  return tag.startsWith(EVENT_PREFIX) && isEventSlug(tag.slice(EVENT_PREFIX.length));
}

/**
 * How long a cached read of ticket availability (sold, held, "sold out") may be served before
 * it is read again: a sale that sells a type out, or tickets coming back, show within this
 * (plus the one request that refreshes it in the background). Checkout always re-checks, so
 * a stale "available" never sells what is gone.
 */
export const AVAILABILITY_REVALIDATE_S = 5;

/** The cities with upcoming events change only when events are published or end. */
export const CITIES_REVALIDATE_S = 300;
