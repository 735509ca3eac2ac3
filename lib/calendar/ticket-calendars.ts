// The calendar files a buyer downloads: from the order's own page (whoever holds its signed
// link, which the caller has checked with isValidOrderKey) and from a ticket page of the account
// (by the ownership rule of lib/ownership, through findAccountTicket). The email's copy is
// drawn from its payload in emails/registry.ts.
import "server-only";
import { db } from "../db/client";
import { env } from "../env";
import type { AppLocale } from "../i18n/locales";
import { localizePath } from "../i18n/paths";
import { orderPath } from "../orders/order-links";
import type { OrderConfirmation } from "../orders/queries";
import { findAccountTicket, isUsableTicket } from "../tickets/account-tickets";
import { eventCalendarFile, type CalendarFile } from "./event-calendar";

type GuestOrder = Pick<OrderConfirmation, "id" | "number" | "status" | "buyerEmail" | "event" | "tickets">;

async function eventAddress(slug: string): Promise<string | null> {
  const row = await db.event.findUnique({ where: { slug }, select: { address: true } });
  return row?.address ?? null;
}

/** Whether the order page offers a calendar file: paid, with a ticket that still admits someone. */
export function guestOrderHasCalendar(order: Pick<GuestOrder, "status" | "tickets">): boolean {
  return order.status === "PAID" && order.tickets.some((ticket) => ticket.valid);
}

/** The order's event as an .ics file linking back to the order's signed page; null when not offered. */
export async function guestOrderCalendar(order: GuestOrder, locale: AppLocale): Promise<CalendarFile | null> {
  if (!guestOrderHasCalendar(order)) return null;
  const { event } = order;
  return eventCalendarFile(locale, {
    orderNumber: order.number,
    organizerName: event.organizerName,
    event: { ...event, address: await eventAddress(event.slug) },
    link: `${env().SITE_URL}${localizePath(orderPath(order), locale)}`,
  });
}

/** The event of one of the user's usable tickets as an .ics file linking to the ticket's page; null when not theirs. */
export async function accountTicketCalendar(userId: string, code: string, locale: AppLocale): Promise<CalendarFile | null> {
  const ticket = await findAccountTicket(userId, code);
  if (!ticket || !isUsableTicket(ticket, ticket.order)) return null;
  const { event } = ticket;
  return eventCalendarFile(locale, {
    orderNumber: ticket.order.number,
    organizerName: event.organizerName,
    event: { ...event, address: await eventAddress(event.slug) },
    link: `${env().SITE_URL}${localizePath(accountTicketPath(ticket.code), locale)}`,
  });
}

function accountTicketPath(code: string): string {
  return `/account/tickets/${encodeURIComponent(code)}`;
}

/** Where the order page links for the calendar file; the signed key travels along, as for the PDFs. */
export function guestOrderCalendarPath(orderId: string, key: string): string {
  return `/orders/${orderId}/calendar?key=${encodeURIComponent(key)}`;
}

export function accountTicketCalendarPath(code: string): string {
  return `${accountTicketPath(code)}/calendar`;
}
