// The PDFs a signed-in buyer downloads from "My tickets": the whole order, or one ticket. The
// document itself is lib/tickets/documents', the same as attached to the confirmation email.
import "server-only";
import { db } from "../db/client";
import type { AppLocale } from "../i18n/locales";
import { findAccountOrder, findAccountTicket, isUsableTicket, type AccountEvent } from "./account-tickets";
import { ticketPdfForOrder, ticketPdfForTicket, type TicketDocumentOrder, type TicketPdfFile } from "./documents";

/** The event as the printed ticket shows it: with its street address (and its organizer, which AccountEvent has). */
async function documentEvent(event: AccountEvent): Promise<Pick<TicketDocumentOrder, "event">> {
  const row = await db.event.findUnique({ where: { slug: event.slug }, select: { address: true } });
  return { event: { ...event, address: row?.address ?? null } };
}

/**
 * The valid tickets of one of the user's paid orders as a PDF; null when the order is not
 * theirs, not paid (cancelled, refunded) or has no valid ticket left.
 */
export async function accountOrderPdf(userId: string, orderId: string, locale: AppLocale): Promise<TicketPdfFile | null> {
  const order = await findAccountOrder(userId, orderId);
  if (!order) return null;
  const tickets = order.tickets.filter((ticket) => isUsableTicket(ticket, order));
  if (tickets.length === 0) return null;
  return ticketPdfForOrder(locale, {
    ...(await documentEvent(order.event)),
    orderNumber: order.number,
    holder: tickets[0].holderName,
    tickets,
  });
}

/** One valid ticket of the user's as a PDF; null when it is not theirs or cannot be used. */
export async function accountTicketPdf(userId: string, code: string, locale: AppLocale): Promise<TicketPdfFile | null> {
  const ticket = await findAccountTicket(userId, code);
  if (!ticket || !isUsableTicket(ticket, ticket.order)) return null;
  return ticketPdfForTicket(
    locale,
    { ...(await documentEvent(ticket.event)), orderNumber: ticket.order.number, holder: ticket.holderName },
    { code: ticket.code, typeName: ticket.typeName },
  );
}
