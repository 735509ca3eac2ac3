// Reads of published events for the public pages.
import "server-only";
import { isEventSlug } from "./slug";
import { db, type Db } from "@/lib/db/client";

/** Prisma's filter on events (the generated client's own types stay private to lib/db). */
type EventWhere = NonNullable<NonNullable<Parameters<Db["event"]["findMany"]>[0]>["where"]>;

export type UpcomingEvent = {
  id: string;
  slug: string;
  title: string;
  city: string;
  venue: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  imageUrl: string | null;
  organizerName: string;
  /** The cheapest ticket still to be had (the cheapest of all once sold out); null without ticket types. */
  lowestPrice: { minor: number; currency: string } | null;
  soldOut: boolean;
};

export type EventPage = {
  events: UpcomingEvent[];
  /** How many events match, on all pages. */
  total: number;
  /** The page returned, 1-based; a page past the last one gives the last one. */
  page: number;
  /** At least 1, so that "page 1 of 1" reads right for an empty result. */
  pageCount: number;
};

export const MAX_PAGE_SIZE = 100;
/** Words of a search beyond these are ignored; each word adds a condition on five columns. */
export const MAX_SEARCH_WORDS = 8;

const cardSelect = {
  id: true,
  slug: true,
  title: true,
  city: true,
  venue: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  imageUrl: true,
  organizer: { select: { name: true } },
  ticketTypes: { select: { priceMinor: true, currency: true, capacity: true, sold: true, held: true } },
} as const;

function findCards(where: EventWhere, skip: number, take: number) {
  return db.event.findMany({
    where,
    // The id breaks ties between events starting together, so no event sits on two pages.
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    skip,
    take,
    select: cardSelect,
  });
}

type CardRow = Awaited<ReturnType<typeof findCards>>[number];

/**
 * An event as a card shows it. It counts as sold out when every ticket type is sold or held;
 * one with no ticket types yet is not.
 */
function toUpcomingEvent({ organizer, ticketTypes, ...event }: CardRow): UpcomingEvent {
  const available = ticketTypes.filter((type) => type.sold + type.held < type.capacity);
  const soldOut = ticketTypes.length > 0 && available.length === 0;
  const candidates = soldOut ? ticketTypes : available;
  const cheapest = candidates.reduce<(typeof candidates)[number] | null>(
    (best, type) => (best === null || type.priceMinor < best.priceMinor ? type : best),
    null,
  );
  return {
    ...event,
    organizerName: organizer.name,
    lowestPrice: cheapest ? { minor: cheapest.priceMinor, currency: cheapest.currency } : null,
    soldOut,
  };
}

/** Published events that have not yet ended at `now` (an event under way still counts). */
function upcoming(now: Date): EventWhere {
  return { status: "PUBLISHED", endsAt: { gt: now } };
}

/** The words of a search, in the form the database stores text (NFC), at most MAX_SEARCH_WORDS. */
export function searchWords(query: string | null | undefined): string[] {
  return (query ?? "").normalize("NFC").trim().split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
}

/**
 * Every word must appear, in any letter case, in the title, description, venue, city or
 * organizer name (one word may match the title and the next the venue).
 */
function matching(query: string | null | undefined): EventWhere[] {
  return searchWords(query).map((word) => {
    // Prisma passes `contains` into ILIKE as it is: escape the pattern characters, or a search
    // for "%" would match everything.
    const contains = { contains: word.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" } as const;
    return {
      OR: [{ title: contains }, { description: contains }, { venue: contains }, { city: contains }, { organizer: { name: contains } }],
    };
  });
}

/**
 * One page of the upcoming published events, soonest first, optionally narrowed by a text
 * search and an exact city. `page` is clamped to the pages there are.
 */
export async function listEvents({
  query = null,
  city = null,
  page = 1,
  pageSize = 12,
  now = new Date(),
}: {
  query?: string | null;
  city?: string | null;
  page?: number;
  pageSize?: number;
  now?: Date;
} = {}): Promise<EventPage> {
  const size = Math.max(1, Math.min(Math.trunc(pageSize) || 1, MAX_PAGE_SIZE));
  const where: EventWhere = {
    AND: [upcoming(now), ...(city ? [{ city }] : []), ...matching(query)],
  };

  const total = await db.event.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  const rows = total === 0 ? [] : await findCards(where, (current - 1) * size, size);

  return { events: rows.map(toUpcomingEvent), total, page: current, pageCount };
}

const swedishOrder = new Intl.Collator("sv");

/** The cities with upcoming published events, once each, in Swedish alphabetical order (Å, Ä, Ö last). */
export async function listEventCities({ now = new Date() }: { now?: Date } = {}): Promise<string[]> {
  const rows = await db.event.findMany({
    where: upcoming(now),
    distinct: ["city"],
    select: { city: true },
  });
  return rows.map((row) => row.city).sort(swedishOrder.compare);
}

export type PublishedEvent = {
  id: string;
  slug: string;
  title: string;
  /** Paragraphs separated by a blank line. */
  description: string;
  venue: string;
  address: string | null;
  city: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  imageUrl: string | null;
  organizer: { name: string; slug: string; website: string | null };
  ticketTypes: EventTicketType[];
};

export type EventTicketType = {
  id: string;
  name: string;
  description: string | null;
  priceMinor: number;
  currency: string;
  capacity: number;
  sold: number;
  held: number;
  maxPerOrder: number;
  salesStartAt: Date | null;
  salesEndAt: Date | null;
};

/** What an event's public page shows of it, apart from its ticket types (a Prisma `select`). */
export const PUBLIC_EVENT_SELECT = {
  id: true,
  slug: true,
  title: true,
  description: true,
  venue: true,
  address: true,
  city: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  imageUrl: true,
  organizer: { select: { name: true, slug: true, website: true } },
} as const;

/**
 * A published event by its slug, past or upcoming, with its organizer and ticket types in the
 * organizer's order; null for drafts, cancelled events and slugs that do not exist.
 */
export async function getPublishedEventBySlug(slug: string): Promise<PublishedEvent | null> {
  if (!isEventSlug(slug)) return null;
  const event = await db.event.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: {
      ...PUBLIC_EVENT_SELECT,
      ticketTypes: {
        orderBy: [{ sortOrder: "asc" }, { priceMinor: "desc" }, { name: "asc" }],
        select: {
          id: true,
          name: true,
          description: true,
          priceMinor: true,
          currency: true,
          capacity: true,
          sold: true,
          held: true,
          maxPerOrder: true,
          salesStartAt: true,
          salesEndAt: true,
        },
      },
    },
  });
  if (!event) return null;
  return { ...event, ticketTypes: await withExpiredHoldsFree(event.ticketTypes, new Date()) };
}

/**
 * The ticket types with what expired holds keep counted as free (the SQL function
 * expired_held, the rule checkout applies too), so an abandoned cart never shows a type as
 * sold out to the next buyer. Asked only for types where it could change what the page shows:
 * holds, and fewer left than one order may take.
 */
async function withExpiredHoldsFree<T extends EventTicketType>(types: T[], now: Date): Promise<T[]> {
  const tight = types.filter((type) => type.held > 0 && type.capacity - type.sold - type.held < type.maxPerOrder).map((type) => type.id);
  if (tight.length === 0) return types;
  const rows = await db.$queryRaw<{ id: string; expired: number }[]>`
    SELECT "id", "expired_held"("id", ${now}::timestamptz) AS "expired" FROM unnest(${tight}::uuid[]) AS "id"`;
  const expired = new Map(rows.map((row) => [row.id, Number(row.expired)]));
  return types.map((type) => ({ ...type, held: type.held - (expired.get(type.id) ?? 0) }));
}
