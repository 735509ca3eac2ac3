// Reads of published events for the public pages.
import "server-only";
import { db } from "@/lib/db/client";

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

/**
 * Published events that have not yet ended, soonest first. An event counts as sold out when
 * every ticket type is sold or held; one with no ticket types yet is not.
 */
export async function listUpcomingEvents({
  limit = 12,
  now = new Date(),
}: { limit?: number; now?: Date } = {}): Promise<UpcomingEvent[]> {
  const events = await db.event.findMany({
    where: { status: "PUBLISHED", endsAt: { gt: now } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: Math.max(0, Math.min(limit, 100)),
    select: {
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
    },
  });

  return events.map(({ organizer, ticketTypes, ...event }) => {
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
  });
}
