// Cached reads of the public event pages' data, in Next's data cache (the process's own, or
// Redis shared by every app server when REDIS_URL is set: next.config.ts). Each read carries tags
// (lib/cache/tags.ts) that organizer actions expire after a change (lib/cache/invalidate.ts),
// and a revalidate of a few seconds, because the data includes how many tickets are left.
// These work inside Next (pages, route handlers, actions); `unstable_cache` needs its cache.
import "server-only";
import { unstable_cache } from "next/cache";
import { isEventSlug } from "@/lib/events/slug";
import {
  getPublishedEventBySlug,
  listEventCities,
  listEvents,
  MAX_PAGE_SIZE,
  searchWords,
  type EventPage,
  type PublishedEvent,
  type UpcomingEvent,
} from "@/lib/events/queries";
import { getCancelledEventBySlug } from "@/lib/event-cancellation/queries";
import { AVAILABILITY_REVALIDATE_S, CITIES_REVALIDATE_S, EVENTS_TAG, eventTag } from "./tags";

/** What JSON makes of a value: the cache stores results as JSON, so Dates come back as strings. */
type Stored<T> = T extends Date ? string : T extends (infer U)[] ? Stored<U>[] : T extends object ? { [K in keyof T]: Stored<T[K]> } : T;

const date = (value: string) => new Date(value);
const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

export function reviveEventPage(stored: Stored<EventPage>): EventPage {
  return { ...stored, events: stored.events.map(reviveCard) };
}

function reviveCard(stored: Stored<UpcomingEvent>): UpcomingEvent {
  return { ...stored, startsAt: date(stored.startsAt), endsAt: date(stored.endsAt) };
}

export function revivePublishedEvent(stored: Stored<PublishedEvent> | null): PublishedEvent | null {
  if (stored === null) return null;
  return {
    ...stored,
    startsAt: date(stored.startsAt),
    endsAt: date(stored.endsAt),
    ticketTypes: stored.ticketTypes.map((type) => ({
      ...type,
      salesStartAt: dateOrNull(type.salesStartAt),
      salesEndAt: dateOrNull(type.salesEndAt),
    })),
  };
}

/**
 * The event list's arguments in one canonical form, so that "  Jazz " and "jazz" with other
 * spacing share an entry where the query treats them alike, and a page number from the address
 * bar cannot make more than one entry per page.
 */
export type ListArguments = { query: string | null; city: string | null; page: number; pageSize: number };

export function listArguments({
  query = null,
  city = null,
  page = 1,
  pageSize = 12,
}: {
  query?: string | null;
  city?: string | null;
  page?: number;
  pageSize?: number;
}): ListArguments {
  const words = searchWords(query);
  const cityName = city?.trim() || null;
  return {
    query: words.length > 0 ? words.join(" ") : null,
    city: cityName,
    page: Math.max(1, Math.trunc(page) || 1),
    pageSize: Math.max(1, Math.min(Math.trunc(pageSize) || 1, MAX_PAGE_SIZE)),
  };
}

const listEventsCached = unstable_cache(async (args: ListArguments) => listEvents(args), ["biljett", "events", "list"], {
  tags: [EVENTS_TAG],
  revalidate: AVAILABILITY_REVALIDATE_S,
});

/**
 * One page of upcoming published events, as listEvents() (lib/events/queries.ts) gives it, from
 * the cache: the unfiltered first page, other pages, searches and city filters alike. Stale at
 * most a few seconds (sold-out marks and lowest prices), and at once after an organizer's change.
 */
export async function cachedEventList(options: Parameters<typeof listArguments>[0] = {}): Promise<EventPage> {
  const stored = (await listEventsCached(listArguments(options))) as unknown as Stored<EventPage>;
  return reviveEventPage(stored);
}

const listCitiesCached = unstable_cache(async () => listEventCities(), ["biljett", "events", "cities"], {
  tags: [EVENTS_TAG],
  revalidate: CITIES_REVALIDATE_S,
});

/** The cities with upcoming published events (listEventCities()), from the cache. */
export async function cachedEventCities(): Promise<string[]> {
  return listCitiesCached();
}

const readEventPage = async (slug: string) => getPublishedEventBySlug(slug);

/**
 * A published event with its ticket types (getPublishedEventBySlug()), from the cache, tagged
 * with the event's tag so that an edit shows at once; ticket counts are at most a few seconds
 * old. A slug that cannot be an event's is answered without a cache entry.
 */
export async function cachedPublishedEvent(slug: string): Promise<PublishedEvent | null> {
  if (!isEventSlug(slug)) return null;
  const read = unstable_cache(readEventPage, ["biljett", "event", "page"], {
    tags: [eventTag(slug)],
    revalidate: AVAILABILITY_REVALIDATE_S,
  });
  return revivePublishedEvent((await read(slug)) as unknown as Stored<PublishedEvent> | null);
}

const readCancelledEvent = async (slug: string) => getCancelledEventBySlug(slug);

/**
 * An event its organizer cancelled (getCancelledEventBySlug()), from the cache under the same
 * tag as the published one, so the cancellation shows at once: its page says so instead of a 404.
 */
export async function cachedCancelledEvent(slug: string): Promise<(PublishedEvent & { cancelled: true }) | null> {
  if (!isEventSlug(slug)) return null;
  const read = unstable_cache(readCancelledEvent, ["biljett", "event", "cancelled"], {
    tags: [eventTag(slug)],
    revalidate: AVAILABILITY_REVALIDATE_S,
  });
  const stored = (await read(slug)) as unknown as Stored<PublishedEvent> | null;
  const event = revivePublishedEvent(stored);
  return event ? { ...event, cancelled: true } : null;
}
