// Reads for the checkout and the order pages, shaped for them: plain objects, no password hash.
import "server-only";
import { isEventSlug } from "../events/slug";
import { db } from "../db/client";
import type { OrderStatus } from "../db/types";
import { availability, isPurchasable, maxQuantity, type AvailabilityState } from "../events/availability";
import { isUuid } from "@/lib/ids";
import { ticketStillWithBuyer } from "../ownership/holdings";

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

type CheckoutEventRow = {
  id: string;
  slug: string;
  title: string;
  venue: string;
  city: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  status: string;
  organizerName: string;
  ticketTypes: {
    id: string;
    name: string;
    description: string | null;
    priceMinor: number;
    currency: string;
    capacity: number;
    sold: number;
    held: number;
    /** Of `held`, what pending orders hold whose hold has ended: free stock. */
    expiredHeld: number;
    salesStartAt: string | null;
    salesEndAt: string | null;
    maxPerOrder: number;
  }[];
};

/**
 * A published event that has not ended, with the ticket types one can buy now; null otherwise.
 * One statement, as it is read on every checkout post. Admissions held by pending orders whose
 * hold ended before `now` count as free (checkout_reserve sells them; housekeeping releases them
 * within a minute), so the form never caps a quantity by them; they are summed only for a type
 * where they could change the answer (holds, and fewer left than one order may take).
 */
export async function getCheckoutEventBySlug(slug: string, now = new Date()): Promise<CheckoutEvent | null> {
  if (!isEventSlug(slug)) return null;
  const [event] = await db.$queryRaw<CheckoutEventRow[]>`
    SELECT e."id", e."slug", e."title", e."venue", e."city", e."startsAt", e."endsAt", e."timeZone", e."status"::text AS "status",
           org."name" AS "organizerName",
           coalesce((
             SELECT json_agg(json_build_object(
                      'id', t."id", 'name', t."name", 'description', t."description", 'priceMinor', t."priceMinor",
                      'currency', t."currency", 'capacity', t."capacity", 'sold', t."sold", 'held', t."held",
                      'expiredHeld', CASE WHEN t."held" > 0 AND t."capacity" - t."sold" - t."held" < t."maxPerOrder"
                                          THEN "expired_held"(t."id", ${now}::timestamptz) ELSE 0 END,
                      'salesStartAt', t."salesStartAt", 'salesEndAt', t."salesEndAt", 'maxPerOrder', t."maxPerOrder")
                    ORDER BY t."sortOrder", t."id")
               FROM "TicketType" t WHERE t."eventId" = e."id"), '[]'::json) AS "ticketTypes"
      FROM "Event" e JOIN "Organizer" org ON org."id" = e."organizerId"
     WHERE e."slug" = ${slug}`;
  if (!event || event.status !== "PUBLISHED" || event.endsAt <= now) return null;

  const stock = event.ticketTypes.map((type) => ({
    ...type,
    held: type.held - Number(type.expiredHeld),
    salesStartAt: type.salesStartAt ? new Date(type.salesStartAt) : null,
    salesEndAt: type.salesEndAt ? new Date(type.salesEndAt) : null,
  }));
  const ticketTypes = stock
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
    organizerName: event.organizerName,
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
  /** The tickets the buyer still holds: passed-on ones (lib/transfers) are their holders' now, codes and all. */
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
        select: {
          code: true,
          status: true,
          checkedInAt: true,
          holderEmail: true,
          ticketType: { select: { name: true, sortOrder: true } },
        },
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
    tickets: tickets
      .filter(ticketStillWithBuyer)
      .sort((a, b) => a.ticketType.sortOrder - b.ticketType.sortOrder)
      .map((ticket) => ({ code: ticket.code, typeName: ticket.ticketType.name, valid: ticket.status === "VALID" })),
    anyCheckedIn: tickets.some((ticket) => ticket.checkedInAt !== null),
    account: user ? { email: user.email, hasPassword: user.passwordHash !== null } : null,
  };
}
