// The signed-in buyer's orders and tickets: those the account holds, by the one rule in
// lib/ownership/holdings.ts. Everything returned is plain, JSON-serialisable data (times as
// ISO 8601 strings) for pages and the API alike.
import "server-only";
import { db } from "../db/client";
import type { OrderStatus, TicketStatus } from "../db/types";
import { findHolder, heldOrderIds, heldTicketIds, type HeldOrderStatus } from "../ownership/holdings";

/** Orders a buyer sees: those the account holds (paid, or paid and then cancelled or refunded). */
export type AccountOrderStatus = HeldOrderStatus;

export type AccountEvent = {
  slug: string;
  title: string;
  venue: string;
  city: string;
  /** ISO 8601, UTC. */
  startsAt: string;
  endsAt: string;
  /** IANA zone the event happens in; show times in it. */
  timeZone: string;
  organizerName: string;
};

export type AccountTicket = {
  code: string;
  typeName: string;
  status: TicketStatus;
  /** ISO 8601, UTC; null until scanned at the door. */
  checkedInAt: string | null;
};

export type AccountOrder = {
  id: string;
  number: string;
  status: AccountOrderStatus;
  buyerName: string;
  totalMinor: number;
  currency: string;
  /** ISO 8601, UTC. */
  paidAt: string | null;
  createdAt: string;
  event: AccountEvent;
  tickets: AccountTicket[];
};

export type AccountTicketDetail = AccountTicket & {
  order: { id: string; number: string; status: AccountOrderStatus; buyerName: string };
  event: AccountEvent;
};

// Ticket codes are short base32-ish strings; anything far off is not worth a query.
const CODE = /^[A-Za-z0-9-]{1,64}$/;

/** Ids of the orders the user holds, or of the one with `orderId` if they hold it. */
async function accountOrderIds(userId: string, orderId?: string): Promise<string[]> {
  const holder = await findHolder(userId);
  if (!holder) return [];
  return heldOrderIds(holder, orderId === undefined ? {} : { orderIds: [orderId] });
}

type OrderRow = {
  id: string;
  number: string;
  status: OrderStatus;
  buyerName: string;
  totalMinor: number;
  currency: string;
  paidAt: Date | null;
  createdAt: Date;
  event: {
    slug: string;
    title: string;
    venue: string;
    city: string;
    startsAt: Date;
    endsAt: Date;
    timeZone: string;
    organizer: { name: string };
  };
  tickets: { code: string; status: TicketStatus; checkedInAt: Date | null; ticketType: { name: string; sortOrder: number } }[];
};

async function loadOrders(ids: string[]): Promise<OrderRow[]> {
  if (ids.length === 0) return [];
  return db.order.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      number: true,
      status: true,
      buyerName: true,
      totalMinor: true,
      currency: true,
      paidAt: true,
      createdAt: true,
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
      tickets: {
        orderBy: [{ createdAt: "asc" }, { code: "asc" }],
        select: { code: true, status: true, checkedInAt: true, ticketType: { select: { name: true, sortOrder: true } } },
      },
    },
  });
}

function toAccountEvent(event: OrderRow["event"]): AccountEvent {
  return {
    slug: event.slug,
    title: event.title,
    venue: event.venue,
    city: event.city,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.timeZone,
    organizerName: event.organizer.name,
  };
}

function toAccountOrder(row: OrderRow): AccountOrder {
  return {
    id: row.id,
    number: row.number,
    status: row.status as AccountOrderStatus,
    buyerName: row.buyerName,
    totalMinor: row.totalMinor,
    currency: row.currency,
    paidAt: row.paidAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    event: toAccountEvent(row.event),
    // Sorted as the email and PDF list them: by ticket type, then in the order they were made.
    tickets: [...row.tickets]
      .sort((a, b) => a.ticketType.sortOrder - b.ticketType.sortOrder)
      .map((ticket) => ({
        code: ticket.code,
        typeName: ticket.ticketType.name,
        status: ticket.status,
        checkedInAt: ticket.checkedInAt?.toISOString() ?? null,
      })),
  };
}

/** Every order of the account, soonest event first (ties: newest order first). */
export async function listAccountOrders(userId: string): Promise<AccountOrder[]> {
  const rows = await loadOrders(await accountOrderIds(userId));
  return rows
    .map(toAccountOrder)
    .sort((a, b) => a.event.startsAt.localeCompare(b.event.startsAt) || b.createdAt.localeCompare(a.createdAt));
}

/**
 * Splits orders into those whose event has not ended yet (soonest first) and past ones
 * (most recent first).
 */
export function groupAccountOrders(orders: AccountOrder[], now = new Date()): { upcoming: AccountOrder[]; past: AccountOrder[] } {
  const nowIso = now.toISOString();
  const upcoming = orders
    .filter((order) => order.event.endsAt > nowIso)
    .sort((a, b) => a.event.startsAt.localeCompare(b.event.startsAt) || b.createdAt.localeCompare(a.createdAt));
  const past = orders
    .filter((order) => order.event.endsAt <= nowIso)
    .sort((a, b) => b.event.startsAt.localeCompare(a.event.startsAt) || b.createdAt.localeCompare(a.createdAt));
  return { upcoming, past };
}

/** One order of the account, or null when it is unknown or someone else's. */
export async function findAccountOrder(userId: string, orderId: string): Promise<AccountOrder | null> {
  const [row] = await loadOrders(await accountOrderIds(userId, orderId));
  return row ? toAccountOrder(row) : null;
}

/** One ticket of the account by its code, or null when it is unknown or someone else's. */
export async function findAccountTicket(userId: string, code: string): Promise<AccountTicketDetail | null> {
  if (!CODE.test(code)) return null;
  const holder = await findHolder(userId);
  if (!holder || (await heldTicketIds(holder, { codes: [code] })).length === 0) return null;
  const ticket = await db.ticket.findUnique({ where: { code }, select: { orderId: true } });
  if (!ticket) return null;
  const [row] = await loadOrders([ticket.orderId]);
  const order = row ? toAccountOrder(row) : null;
  const found = order?.tickets.find((candidate) => candidate.code === code);
  if (!order || !found) return null;
  return {
    ...found,
    order: { id: order.id, number: order.number, status: order.status, buyerName: order.buyerName },
    event: order.event,
  };
}

/** Whether an order's tickets can be shown, scanned and downloaded: paid, not cancelled. */
export function orderHasUsableTickets(order: Pick<AccountOrder, "status">): boolean {
  return order.status === "PAID";
}

/** Whether one ticket can be shown, scanned and downloaded. */
export function isUsableTicket(ticket: Pick<AccountTicket, "status">, order: Pick<AccountOrder, "status">): boolean {
  return orderHasUsableTickets(order) && ticket.status === "VALID";
}
