// Reads for passing tickets on: the page a passed-on ticket's signed link opens, the order
// page's list of tickets its buyer passed on, and whether (and until when) an event's tickets
// may be passed on.
import "server-only";
import { db } from "../db/client";
import type { TicketStatus, OrderStatus } from "../db/types";
import { isUuid } from "../ids";
import { EVENT_SNAPSHOT_SELECT } from "../outbox/templates";
import { ORDER_HOLDER_SELECT, ticketStillWithBuyer } from "../ownership/holdings";
import { transferDeadline, transferRefusal } from "./rules";
import { isValidTicketKey } from "./ticket-links";

export type TransferWindow = { allowed: boolean; open: boolean; deadline: Date };

/** Whether the event's tickets may be passed on at all, and whether the window is still open. */
export function transferWindow(
  event: { transfersAllowed: boolean; transferCutoffMinutes: number; startsAt: Date },
  now = new Date(),
): TransferWindow {
  const deadline = transferDeadline(event);
  return { allowed: event.transfersAllowed, open: event.transfersAllowed && now < deadline, deadline };
}

/** The event's transfer window by the slug the order page has; null for an unknown event. */
export async function getTransferWindowBySlug(slug: string, now = new Date()): Promise<TransferWindow | null> {
  const event = await db.event.findUnique({
    where: { slug },
    select: { transfersAllowed: true, transferCutoffMinutes: true, startsAt: true },
  });
  return event ? transferWindow(event, now) : null;
}

export type OrderTransferPanel = {
  window: TransferWindow;
  /** The buyer's tickets that may be passed on now: valid, nobody let in on them. */
  passable: { code: string; typeName: string }[];
  passedOn: PassedOnTicket[];
};

/** What the order page's "pass a ticket on" part needs; null for an unknown or unpaid order. */
export async function getOrderTransferPanel(orderId: string, now = new Date()): Promise<OrderTransferPanel | null> {
  if (!isUuid(orderId)) return null;
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      status: true,
      event: { select: { transfersAllowed: true, transferCutoffMinutes: true, startsAt: true } },
      tickets: {
        where: { status: "VALID", checkedInAt: null, holderEmail: null },
        orderBy: [{ createdAt: "asc" }, { code: "asc" }],
        select: { code: true, ticketType: { select: { name: true, sortOrder: true } } },
      },
    },
  });
  if (!order || order.status !== "PAID") return null;
  const passable = [...order.tickets]
    .sort((a, b) => a.ticketType.sortOrder - b.ticketType.sortOrder)
    .map((ticket) => ({ code: ticket.code, typeName: ticket.ticketType.name }));
  return { window: transferWindow(order.event, now), passable, passedOn: await listPassedOnTickets(orderId) };
}

export type PassedOnTicket = { typeName: string; toName: string; passedOnAt: Date };

/** The tickets of an order its buyer passed on: to whom (the first transfer's recipient), and when. */
export async function listPassedOnTickets(orderId: string): Promise<PassedOnTicket[]> {
  if (!isUuid(orderId)) return [];
  const tickets = await db.ticket.findMany({
    where: { orderId, holderEmail: { not: null } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      holderEmail: true,
      ticketType: { select: { name: true } },
      transfers: { orderBy: { createdAt: "asc" }, take: 1, select: { toName: true, createdAt: true } },
    },
  });
  return tickets.flatMap((ticket) => {
    const first = ticket.transfers[0];
    if (ticketStillWithBuyer(ticket) || !first) return [];
    return [{ typeName: ticket.ticketType.name, toName: first.toName, passedOnAt: first.createdAt }];
  });
}

export type LinkedTicketEvent = {
  slug: string;
  title: string;
  venue: string;
  address: string | null;
  city: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  organizerName: string;
};

export type LinkedTicket =
  | {
      state: "held";
      transferId: string;
      code: string;
      typeName: string;
      holderName: string;
      holderEmail: string;
      fromName: string;
      status: TicketStatus;
      checkedInAt: Date | null;
      orderNumber: string;
      orderStatus: OrderStatus;
      usable: boolean;
      window: TransferWindow;
      /** Whether the holder may pass it on now (rules.ts). */
      passable: boolean;
      event: LinkedTicketEvent;
    }
  | { state: "passed_on"; toName: string; event: LinkedTicketEvent };

/**
 * What a passed-on ticket's signed link shows: the ticket, while the transfer it names is the
 * ticket's latest; once its holder passed it on again, only to whom. Null for a wrong key.
 */
export async function getTicketByLink(transferId: string, key: string, now = new Date()): Promise<LinkedTicket | null> {
  if (!isUuid(transferId)) return null;
  const transfer = await db.ticketTransfer.findUnique({
    where: { id: transferId },
    select: {
      id: true,
      toEmail: true,
      fromName: true,
      createdAt: true,
      ticket: {
        select: {
          id: true,
          code: true,
          status: true,
          checkedInAt: true,
          holderName: true,
          holderEmail: true,
          ticketType: { select: { name: true } },
          order: { select: { ...ORDER_HOLDER_SELECT, number: true, status: true } },
          event: {
            select: {
              slug: true,
              ...EVENT_SNAPSHOT_SELECT,
              transfersAllowed: true,
              transferCutoffMinutes: true,
              organizer: { select: { name: true } },
            },
          },
          transfers: { orderBy: { createdAt: "asc" }, select: { id: true, toName: true } },
        },
      },
    },
  });
  if (!transfer || !isValidTicketKey(transfer, key)) return null;
  const { ticket } = transfer;
  const { organizer, transfersAllowed, transferCutoffMinutes, ...eventFields } = ticket.event;
  const event = { ...eventFields, organizerName: organizer.name };
  const index = ticket.transfers.findIndex((candidate) => candidate.id === transfer.id);
  const next = ticket.transfers[index + 1];
  if (next) return { state: "passed_on", toName: next.toName, event };
  const window = transferWindow({ transfersAllowed, transferCutoffMinutes, startsAt: ticket.event.startsAt }, now);
  const usable = ticket.order.status === "PAID" && ticket.status === "VALID";
  return {
    state: "held",
    transferId: transfer.id,
    code: ticket.code,
    typeName: ticket.ticketType.name,
    holderName: ticket.holderName ?? ticket.order.buyerName,
    holderEmail: ticket.holderEmail ?? transfer.toEmail,
    fromName: transfer.fromName,
    status: ticket.status,
    checkedInAt: ticket.checkedInAt,
    orderNumber: ticket.order.number,
    orderStatus: ticket.order.status,
    usable,
    window,
    passable:
      transferRefusal(
        { event: { transfersAllowed, transferCutoffMinutes, startsAt: ticket.event.startsAt }, orderStatus: ticket.order.status, ticket },
        now,
      ) === null,
    event,
  };
}
