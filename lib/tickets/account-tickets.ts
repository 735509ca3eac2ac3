// The signed-in buyer's orders and tickets: those the account holds, by the one rule in
// lib/ownership/holdings.ts. An order is listed when the account holds it or any of its
// tickets, or passed one of them on; its `tickets` are only those the account holds now, and
// `passedOn` the ones it passed on (without their codes, which are their holders' now). Everything returned is plain, JSON-serialisable data (times as
// ISO 8601 strings) for pages and the API alike.
import "server-only";
import { db } from "../db/client";
import type { OrderStatus, TicketStatus } from "../db/types";
import { Prisma } from "../db/client";
import { isUuid } from "../ids";
import {
  findHolder,
  HELD_ORDER_STATUSES,
  heldOrderIds,
  heldTicketIds,
  ticketHeldBySql,
  ticketHolderName,
  type Holder,
  type HeldOrderStatus,
} from "../ownership/holdings";

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
  /** Whose name the ticket is in: the name it was passed on to, else the order's. */
  holderName: string;
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
  /** The tickets of the order the account holds now. */
  tickets: AccountTicket[];
  /** Tickets of the order the account passed on (lib/transfers): to whom, and when. */
  passedOn: AccountPassedOnTicket[];
  /** Whether the account holds the order itself (bought it), not only tickets passed on to it. */
  holdsOrder: boolean;
};

export type AccountPassedOnTicket = {
  typeName: string;
  toName: string;
  /** ISO 8601, UTC. */
  passedOnAt: string;
};

export type AccountTicketDetail = AccountTicket & {
  order: { id: string; number: string; status: AccountOrderStatus; buyerName: string };
  event: AccountEvent;
};

// Ticket codes are short base32-ish strings; anything far off is not worth a query.
const CODE = /^[A-Za-z0-9-]{1,64}$/;

type Holdings = { userId: string; orderIds: string[]; heldOrderIds: Set<string>; heldTicketIds: Set<string> };

/**
 * What the account holds among the orders (or the one with `orderId`): the orders it holds,
 * the tickets it holds, and the orders where it holds a ticket or passed one on.
 */
async function accountHoldings(userId: string, orderId?: string): Promise<Holdings> {
  const holder = await findHolder(userId);
  const none: Holdings = { userId, orderIds: [], heldOrderIds: new Set(), heldTicketIds: new Set() };
  if (!holder || (orderId !== undefined && !isUuid(orderId))) return none;
  const orders = await heldOrderIds(holder, orderId === undefined ? {} : { orderIds: [orderId] });
  const tickets = await ticketsOfAccount(holder, orderId);
  return {
    userId,
    orderIds: [...new Set([...orders, ...tickets.map((row) => row.orderId)])],
    heldOrderIds: new Set(orders),
    heldTicketIds: new Set(tickets.filter((row) => row.held).map((row) => row.id)),
  };
}

/** The tickets the account holds, and those it passed on, in orders of the statuses it sees. */
async function ticketsOfAccount(holder: Holder, orderId?: string): Promise<{ id: string; orderId: string; held: boolean }[]> {
  const among = orderId === undefined ? Prisma.sql`TRUE` : Prisma.sql`t."orderId" = ${orderId}::uuid`;
  return db.$queryRaw<{ id: string; orderId: string; held: boolean }[]>`
    SELECT t."id"::text AS "id", t."orderId"::text AS "orderId", ${ticketHeldBySql(holder, "t")} AS "held"
    FROM "Ticket" t JOIN "Order" o ON o."id" = t."orderId"
    WHERE ${among} AND o."status"::text IN (${Prisma.join([...HELD_ORDER_STATUSES])})
      AND (${ticketHeldBySql(holder, "t")}
        OR EXISTS (SELECT 1 FROM "TicketTransfer" tt WHERE tt."ticketId" = t."id" AND tt."fromUserId" = ${holder.userId}::uuid))`;
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
  tickets: {
    id: string;
    code: string;
    status: TicketStatus;
    checkedInAt: Date | null;
    holderName: string | null;
    holderEmail: string | null;
    ticketType: { name: string; sortOrder: number };
    transfers: { fromUserId: string | null; toName: string; createdAt: Date }[];
  }[];
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
        select: {
          id: true,
          code: true,
          status: true,
          checkedInAt: true,
          holderName: true,
          holderEmail: true,
          ticketType: { select: { name: true, sortOrder: true } },
          transfers: { orderBy: { createdAt: "asc" }, select: { fromUserId: true, toName: true, createdAt: true } },
        },
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

function toAccountOrder(row: OrderRow, holdings: Holdings): AccountOrder {
  // Sorted as the email and PDF list them: by ticket type, then in the order they were made.
  const tickets = [...row.tickets].sort((a, b) => a.ticketType.sortOrder - b.ticketType.sortOrder);
  const passedOn: AccountPassedOnTicket[] = [];
  for (const ticket of tickets) {
    if (holdings.heldTicketIds.has(ticket.id)) continue;
    // The account's own passing on, else (an order it holds) the buyer's, which came first.
    const own = ticket.transfers.findLast((transfer) => transfer.fromUserId === holdings.userId);
    const transfer = own ?? (holdings.heldOrderIds.has(row.id) ? ticket.transfers[0] : undefined);
    if (transfer)
      passedOn.push({ typeName: ticket.ticketType.name, toName: transfer.toName, passedOnAt: transfer.createdAt.toISOString() });
  }
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
    tickets: tickets
      .filter((ticket) => holdings.heldTicketIds.has(ticket.id))
      .map((ticket) => ({
        code: ticket.code,
        typeName: ticket.ticketType.name,
        holderName: ticketHolderName({ holderName: ticket.holderName, order: row }),
        status: ticket.status,
        checkedInAt: ticket.checkedInAt?.toISOString() ?? null,
      })),
    passedOn,
    holdsOrder: holdings.heldOrderIds.has(row.id),
  };
}

/** Every order of the account, soonest event first (ties: newest order first). */
export async function listAccountOrders(userId: string): Promise<AccountOrder[]> {
  const holdings = await accountHoldings(userId);
  const rows = await loadOrders(holdings.orderIds);
  return rows
    .map((row) => toAccountOrder(row, holdings))
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
  const holdings = await accountHoldings(userId, orderId);
  const [row] = await loadOrders(holdings.orderIds);
  return row ? toAccountOrder(row, holdings) : null;
}

/** One ticket of the account by its code, or null when it is unknown or someone else's. */
export async function findAccountTicket(userId: string, code: string): Promise<AccountTicketDetail | null> {
  if (!CODE.test(code)) return null;
  const holder = await findHolder(userId);
  if (!holder) return null;
  const [ticketId] = await heldTicketIds(holder, { codes: [code] });
  if (!ticketId) return null;
  const ticket = await db.ticket.findUnique({ where: { code }, select: { orderId: true } });
  if (!ticket) return null;
  const [row] = await loadOrders([ticket.orderId]);
  const order = row
    ? toAccountOrder(row, { userId, orderIds: [row.id], heldOrderIds: new Set(), heldTicketIds: new Set([ticketId]) })
    : null;
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
