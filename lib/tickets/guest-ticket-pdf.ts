// The PDFs a buyer downloads from the order's own page, signed in or not: the whole order, or
// one ticket. The caller has checked the order's signed link (isValidOrderKey) first; the
// document is lib/tickets/documents', the same as the account's and the email's.
import "server-only";
import type { AppLocale } from "../i18n/locales";
import type { OrderConfirmation } from "../orders/queries";
import { ticketPdfForOrder, ticketPdfForTicket, type TicketPdfFile } from "./documents";

type GuestOrder = Pick<OrderConfirmation, "number" | "status" | "buyerName" | "event" | "tickets">;

function documentOrder(order: GuestOrder) {
  const { event } = order;
  return {
    orderNumber: order.number,
    holder: order.buyerName,
    event: { ...event, startsAt: event.startsAt.toISOString(), endsAt: event.endsAt.toISOString() },
  };
}

/** The order's valid tickets as one PDF; null when it is not paid or none is valid any more. */
export async function guestOrderPdf(order: GuestOrder, locale: AppLocale): Promise<TicketPdfFile | null> {
  const tickets = order.status === "PAID" ? order.tickets.filter((ticket) => ticket.valid) : [];
  if (tickets.length === 0) return null;
  return ticketPdfForOrder(locale, {
    ...documentOrder(order),
    tickets: tickets.map(({ code, typeName }) => ({ code, typeName })),
  });
}

/** One valid ticket of the order as a PDF; null when the code is not the order's or cannot be used. */
export async function guestTicketPdf(order: GuestOrder, code: string, locale: AppLocale): Promise<TicketPdfFile | null> {
  const ticket = order.status === "PAID" ? order.tickets.find((candidate) => candidate.code === code && candidate.valid) : undefined;
  if (!ticket) return null;
  return ticketPdfForTicket(locale, documentOrder(order), { code: ticket.code, typeName: ticket.typeName });
}

/** Where the order's page links for the PDFs; the signed key travels along, as on the page. */
export function guestOrderPdfPath(orderId: string, key: string): string {
  return `/orders/${orderId}/pdf?key=${encodeURIComponent(key)}`;
}

export function guestTicketPdfPath(orderId: string, code: string, key: string): string {
  return `/orders/${orderId}/tickets/${encodeURIComponent(code)}/pdf?key=${encodeURIComponent(key)}`;
}
