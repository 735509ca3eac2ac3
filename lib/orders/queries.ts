// Reads for the checkout and the order pages, shaped for them: plain objects, no password hash.
import "server-only";
import { isEventSlug } from "../events/slug";
import { db } from "../db/client";
import type { OrderStatus } from "../db/types";
import { availability, isPurchasable, maxQuantity, type AvailabilityState } from "../events/availability";
import { isUuid } from "@/lib/ids";

export type CheckoutTicketType = {
  id: string;
  name: string;
  description: string | null;
  priceMinor: number;
  currency: string;
  /** The most one order may take right now: the per-order limit or what is left. */
  maxQuantity: number;
  state: AvailabilityState;
};

export type CheckoutEvent = {
  id: string;
  slug: string;
  title: string;
  venue: string;
  city: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  organizerName: string;
  /** Ticket types a buyer can see at checkout: on sale, or on sale but sold out. */
  ticketTypes: CheckoutTicketType[];
};

/**
 * Admissions held by pending orders whose hold ended before `now`, per ticket type. They are
 * free stock (checkout_reserve sells them; housekeeping releases them within a minute), so the
 * form must not cap a quantity by them. Asked only when they could change an answer: a type
 * with holds and fewer left than one order may take.
 */
async function expiredHolds(
  types: { id: string; capacity: number; sold: number; held: number; maxPerOrder: number }[],
  now: Date,
): Promise<Map<string, number>> {
  const tight = types.filter((type) => type.held > 0 && type.capacity - type.sold - type.held < type.maxPerOrder).map((type) => type.id);
  if (tight.length === 0) return new Map();
  const rows = await db.$queryRaw<{ ticketTypeId: string; quantity: number }[]>`
    SELECT i."ticketTypeId", sum(i."quantity")::integer AS "quantity"
      FROM "OrderItem" i JOIN "Order" o ON o."id" = i."orderId"
     WHERE o."status" = 'PENDING' AND o."holdExpiresAt" < ${now}::timestamptz AND i."ticketTypeId" = ANY(${tight}::uuid[])
     GROUP BY i."ticketTypeId"`;
  return new Map(rows.map((row) => [row.ticketTypeId, Number(row.quantity)]));
}

/** A published event that has not ended, with the ticket types one can buy now; null otherwise. */
export async function getCheckoutEventBySlug(slug: string, now = new Date()): Promise<CheckoutEvent | null> {
  if (!isEventSlug(slug)) return null;
  const event = await db.event.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      venue: true,
      city: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      status: true,
      organizer: { select: { name: true } },
      ticketTypes: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: {
          id: true,
          name: true,
          description: true,
          priceMinor: true,
          currency: true,
          capacity: true,
          sold: true,
          held: true,
          salesStartAt: true,
          salesEndAt: true,
          maxPerOrder: true,
        },
      },
    },
  });
  if (!event || event.status !== "PUBLISHED" || event.endsAt <= now) return null;

  const expired = await expiredHolds(event.ticketTypes, now);
  const ticketTypes = event.ticketTypes
    .map((type) => ({ ...type, held: type.held - (expired.get(type.id) ?? 0) }))
    .map((type) => ({ type, state: availability(type, event.endsAt, now).state }))
    .filter(({ state }) => isPurchasable(state) || state === "sold_out")
    .map(({ type, state }) => ({
      id: type.id,
      name: type.name,
      description: type.description,
      priceMinor: type.priceMinor,
      currency: type.currency,
      maxQuantity: maxQuantity(type, event.endsAt, now),
      state,
    }));

  return {
    id: event.id,
    slug: event.slug,
    title: event.title,
    venue: event.venue,
    city: event.city,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    organizerName: event.organizer.name,
    ticketTypes,
  };
}

export type OrderConfirmation = {
  id: string;
  number: string;
  status: OrderStatus;
  failureReason: string | null;
  buyerName: string;
  buyerEmail: string;
  totalMinor: number;
  currency: string;
  cardBrand: string | null;
  cardLast4: string | null;
  paidAt: Date | null;
  event: {
    slug: string;
    title: string;
    venue: string;
    city: string;
    startsAt: Date;
    endsAt: Date;
    timeZone: string;
    organizerName: string;
  };
  lines: { name: string; quantity: number; unitPriceMinor: number }[];
  tickets: { code: string; typeName: string; valid: boolean }[];
  /** Whether any ticket has been let in at the door. */
  anyCheckedIn: boolean;
  /** The buyer's account: whether it has a password decides the invitation to set one. */
  account: { email: string; hasPassword: boolean } | null;
};

/** Everything the confirmation page shows about one order; null when there is no such order. */
/** What an order link is checked against: the order and the address it now belongs to. */
export async function findOrderLinkTarget(orderId: string): Promise<{ id: string; buyerEmail: string } | null> {
  if (!isUuid(orderId)) return null;
  return db.order.findUnique({ where: { id: orderId }, select: { id: true, buyerEmail: true } });
}

export async function getOrderForConfirmation(orderId: string): Promise<OrderConfirmation | null> {
  // The column is a uuid: anything else would make PostgreSQL refuse the query, not miss.
  if (!isUuid(orderId)) return null;
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      number: true,
      status: true,
      failureReason: true,
      buyerName: true,
      buyerEmail: true,
      totalMinor: true,
      currency: true,
      cardBrand: true,
      cardLast4: true,
      paidAt: true,
      event: {
        select: {
          slug: true,
          title: true,
          venue: true,
          city: true,
          startsAt: true,
          endsAt: true,
          timeZone: true,
          organizer: { select: { name: true } },
        },
      },
      items: {
        select: { quantity: true, unitPriceMinor: true, ticketType: { select: { name: true, sortOrder: true } } },
      },
      tickets: {
        orderBy: [{ createdAt: "asc" }, { code: "asc" }],
        select: { code: true, status: true, checkedInAt: true, ticketType: { select: { name: true, sortOrder: true } } },
      },
      // Only whether a password is set travels further; the hash itself stays in this function.
      user: { select: { email: true, passwordHash: true } },
    },
  });
  if (!order) return null;

  const { event, items, tickets, user, ...rest } = order;
  return {
    ...rest,
    event: {
      slug: event.slug,
      title: event.title,
      venue: event.venue,
      city: event.city,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      timeZone: event.timeZone,
      organizerName: event.organizer.name,
    },
    lines: [...items]
      .sort((a, b) => a.ticketType.sortOrder - b.ticketType.sortOrder)
      .map((item) => ({ name: item.ticketType.name, quantity: item.quantity, unitPriceMinor: item.unitPriceMinor })),
    tickets: [...tickets]
      .sort((a, b) => a.ticketType.sortOrder - b.ticketType.sortOrder)
      .map((ticket) => ({ code: ticket.code, typeName: ticket.ticketType.name, valid: ticket.status === "VALID" })),
    anyCheckedIn: tickets.some((ticket) => ticket.checkedInAt !== null),
    account: user ? { email: user.email, hasPassword: user.passwordHash !== null } : null,
  };
}
