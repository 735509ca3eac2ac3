// What the organizer pages show. Every function takes the asking user's id and returns null
// when that user is not a member of the organizer (or the event is not the organizer's), so a
// page can answer 404 and a test can prove the check without a request.
import "server-only";
import { isSingleLineText } from "../free-text";
import { db } from "@/lib/db/client";
import type { EventStatus } from "@/lib/db/types";
import { findMemberEvent, findMembership } from "./membership";
import { ticketHolderListing } from "../ownership/holdings";
import { formatKronor, toLocalDateTime, type EventFormValues } from "./event-form";

export type DashboardEvent = {
  id: string;
  title: string;
  slug: string;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  city: string;
  venue: string;
  sold: number;
  capacity: number;
};

/** The organizer's events in three groups: drafts, upcoming (published or cancelled) and past. */
export async function getOrganizerDashboard(userId: string, organizerId: string, now = new Date()) {
  const membership = await findMembership(userId, organizerId, "viewEvents");
  if (!membership) return null;
  const rows = await db.event.findMany({
    where: { organizerId: membership.id },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      city: true,
      venue: true,
      ticketTypes: { select: { sold: true, capacity: true } },
    },
  });
  const events: DashboardEvent[] = rows.map(({ ticketTypes, ...event }) => ({
    ...event,
    sold: ticketTypes.reduce((sum, type) => sum + type.sold, 0),
    capacity: ticketTypes.reduce((sum, type) => sum + type.capacity, 0),
  }));
  return {
    organizer: membership,
    drafts: events.filter((event) => event.status === "DRAFT"),
    upcoming: events.filter((event) => event.status !== "DRAFT" && event.endsAt >= now),
    past: events.filter((event) => event.status !== "DRAFT" && event.endsAt < now).reverse(),
  };
}

/** The event as the edit form shows it: local times in the event's zone, prices in kronor. */
export async function getEventForEditing(userId: string, organizerId: string, eventId: string) {
  const found = await findMemberEvent(userId, organizerId, eventId, "editEvents");
  if (!found) return null;
  const event = await db.event.findUniqueOrThrow({
    where: { id: found.event.id },
    select: {
      id: true,
      title: true,
      slug: true,
      description: true,
      venue: true,
      address: true,
      city: true,
      timeZone: true,
      startsAt: true,
      endsAt: true,
      status: true,
      ticketTypes: {
        orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
        select: {
          id: true,
          name: true,
          priceMinor: true,
          capacity: true,
          sold: true,
          held: true,
          salesStartAt: true,
          salesEndAt: true,
          maxPerOrder: true,
          sortOrder: true,
          _count: { select: { orderItems: true } },
        },
      },
    },
  });
  const zone = event.timeZone;
  const values: EventFormValues = {
    title: event.title,
    slug: event.slug,
    description: event.description,
    venue: event.venue,
    address: event.address ?? "",
    city: event.city,
    timeZone: zone,
    startsAt: toLocalDateTime(event.startsAt, zone),
    endsAt: toLocalDateTime(event.endsAt, zone),
    ticketTypes: event.ticketTypes.map((type) => ({
      id: type.id,
      name: type.name,
      price: formatKronor(type.priceMinor),
      capacity: String(type.capacity),
      salesStartAt: toLocalDateTime(type.salesStartAt, zone),
      salesEndAt: toLocalDateTime(type.salesEndAt, zone),
      maxPerOrder: String(type.maxPerOrder),
      sortOrder: String(type.sortOrder),
      remove: false,
    })),
  };
  // Which rows may be removed: only those nobody has ordered.
  const locked = Object.fromEntries(event.ticketTypes.map((type) => [type.id, type.sold + type.held > 0 || type._count.orderItems > 0]));
  return { organizer: found.membership, event: { id: event.id, title: event.title, status: event.status }, values, locked };
}

export type TicketTypeSales = {
  id: string;
  name: string;
  priceMinor: number;
  currency: string;
  capacity: number;
  sold: number;
  held: number;
  left: number;
  revenueMinor: number;
};

/**
 * Sales per ticket type: counters from the ticket type, revenue summed in öre from the items
 * of PAID orders only (pending, failed, cancelled and refunded orders bring in nothing).
 */
export async function getEventSales(userId: string, organizerId: string, eventId: string) {
  const found = await findMemberEvent(userId, organizerId, eventId, "viewEvents");
  if (!found) return null;
  const [types, revenue] = await Promise.all([
    db.ticketType.findMany({
      where: { eventId: found.event.id },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true, priceMinor: true, currency: true, capacity: true, sold: true, held: true },
    }),
    db.$queryRaw<{ ticketTypeId: string; revenue: bigint | number | string }[]>`
      SELECT i."ticketTypeId"::text AS "ticketTypeId", SUM(i."quantity"::bigint * i."unitPriceMinor") AS "revenue"
        FROM "OrderItem" i JOIN "Order" o ON o."id" = i."orderId"
       WHERE o."eventId" = ${found.event.id}::uuid AND o."status" = 'PAID'
       GROUP BY i."ticketTypeId"`,
  ]);
  const revenueByType = new Map(revenue.map((row) => [row.ticketTypeId, Number(row.revenue)]));
  const rows: TicketTypeSales[] = types.map((type) => ({
    ...type,
    left: Math.max(0, type.capacity - type.sold - type.held),
    revenueMinor: revenueByType.get(type.id) ?? 0,
  }));
  const totals = rows.reduce(
    (sum, row) => ({
      capacity: sum.capacity + row.capacity,
      sold: sum.sold + row.sold,
      held: sum.held + row.held,
      left: sum.left + row.left,
      revenueMinor: sum.revenueMinor + row.revenueMinor,
    }),
    { capacity: 0, sold: 0, held: 0, left: 0, revenueMinor: 0 },
  );
  return { organizer: found.membership, event: found.event, rows, totals, currency: rows[0]?.currency ?? "SEK" };
}

export const ATTENDEES_PAGE_SIZE = 50;

export type AttendeeRow = {
  ticketId: string;
  code: string;
  /** The ticket's current holder (lib/ownership/holdings.ts: ticketHolderListing). */
  holderName: string;
  holderEmail: string;
  ticketTypeName: string;
  orderId: string;
  orderNumber: string;
  orderedAt: Date;
  checkedInAt: Date | null;
};

const escapeLike = (word: string) => word.replace(/[\\%_]/g, "\\$&");

function attendeeWhere(eventId: string, query: string) {
  // No stored name, address, number or code holds a control character: such a search matches
  // nothing (and a NUL would make PostgreSQL refuse the query).
  const q = isSingleLineText(query) ? query.trim().slice(0, 200) : "\u{FFFD}";
  const contains = { contains: escapeLike(q), mode: "insensitive" } as const;
  return {
    eventId,
    status: "VALID" as const,
    order: { status: "PAID" as const },
    ...(q
      ? {
          OR: [
            { order: { buyerName: contains } },
            { order: { buyerEmail: contains } },
            { holderName: contains },
            { holderEmail: contains },
            { order: { number: contains } },
            { code: q.toUpperCase().replace(/[\s-]/g, "") },
          ],
        }
      : {}),
  };
}

const attendeeSelect = {
  id: true,
  code: true,
  checkedInAt: true,
  holderName: true,
  holderEmail: true,
  ticketType: { select: { name: true } },
  order: { select: { id: true, number: true, buyerName: true, buyerEmail: true, createdAt: true, paidAt: true } },
} as const;

type AttendeeRecord = {
  id: string;
  code: string;
  checkedInAt: Date | null;
  holderName: string | null;
  holderEmail: string | null;
  ticketType: { name: string };
  order: { id: string; number: string; buyerName: string; buyerEmail: string; createdAt: Date; paidAt: Date | null };
};

const holderColumns = ({ name, email }: { name: string; email: string }) => ({ holderName: name, holderEmail: email });

const toAttendee = (ticket: AttendeeRecord): AttendeeRow => ({
  ticketId: ticket.id,
  code: ticket.code,
  ...holderColumns(ticketHolderListing(ticket)),
  ticketTypeName: ticket.ticketType.name,
  orderId: ticket.order.id,
  orderNumber: ticket.order.number,
  orderedAt: ticket.order.paidAt ?? ticket.order.createdAt,
  checkedInAt: ticket.checkedInAt,
});

const attendeeOrder = [{ order: { createdAt: "asc" as const } }, { createdAt: "asc" as const }, { id: "asc" as const }];

/**
 * One page of the event's attendees: a row per valid ticket of a paid order, searchable by the
 * holder's or the buyer's name or email, the order number or the ticket code.
 */
export async function listAttendees(
  userId: string,
  organizerId: string,
  eventId: string,
  { query = "", page = 1 }: { query?: string; page?: number } = {},
) {
  const found = await findMemberEvent(userId, organizerId, eventId, "viewAttendees");
  if (!found) return null;
  const where = attendeeWhere(found.event.id, query);
  const total = await db.ticket.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / ATTENDEES_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  const tickets = await db.ticket.findMany({
    where,
    orderBy: attendeeOrder,
    skip: (current - 1) * ATTENDEES_PAGE_SIZE,
    take: ATTENDEES_PAGE_SIZE,
    select: attendeeSelect,
  });
  return { organizer: found.membership, event: found.event, attendees: tickets.map(toAttendee), total, page: current, pageCount };
}

/** Every attendee (the same rows, unpaged), for the CSV export. */
export async function listAllAttendees(userId: string, organizerId: string, eventId: string, query = "") {
  const found = await findMemberEvent(userId, organizerId, eventId, "exportAttendees");
  if (!found) return null;
  const tickets = await db.ticket.findMany({ where: attendeeWhere(found.event.id, query), orderBy: attendeeOrder, select: attendeeSelect });
  return { organizer: found.membership, event: found.event, attendees: tickets.map(toAttendee) };
}

export type MarketingContact = { id: string; email: string; name: string | null; givenAt: Date; source: string };

/**
 * The organizer's marketing list: consents given to this organizer and not withdrawn. The
 * name comes from the order the consent was given with, else from the buyer's account.
 */
export async function listMarketingContacts(userId: string, organizerId: string) {
  const membership = await findMembership(userId, organizerId, "marketingContacts");
  if (!membership) return null;
  const consents = await db.marketingConsent.findMany({
    where: { organizerId: membership.id, withdrawnAt: null },
    orderBy: [{ givenAt: "desc" }, { email: "asc" }],
    select: { id: true, email: true, givenAt: true, source: true, orderId: true, user: { select: { name: true } } },
  });
  const orderIds = consents.flatMap((consent) => (consent.orderId ? [consent.orderId] : []));
  // Only orders of this organizer's events can lend a name.
  const orders = orderIds.length
    ? await db.order.findMany({
        where: { id: { in: orderIds }, event: { organizerId: membership.id } },
        select: { id: true, buyerName: true },
      })
    : [];
  const names = new Map(orders.map((order) => [order.id, order.buyerName]));
  const contacts: MarketingContact[] = consents.map((consent) => ({
    id: consent.id,
    email: consent.email,
    name: (consent.orderId ? names.get(consent.orderId) : undefined) ?? consent.user?.name ?? null,
    givenAt: consent.givenAt,
    source: consent.source,
  }));
  return { organizer: membership, contacts };
}
