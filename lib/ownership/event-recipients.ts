// Who hears about an event from us: one recipient per address holding a valid ticket of a paid
// order of it, by the ownership rule. The organizer's messages and the reminders before the
// event both go to them. Free of server-only code: `npm run worker` (plain Node) reads it too.
import type { Db, DbTransaction } from "../db/client";
import type { Locale } from "../db/types";
import { orderUrl } from "../orders/order-links";
import { ticketLinkUrl } from "../transfers/ticket-links";
import { TICKET_HOLDER_SELECT, ticketHolderContact, ticketHolderLocale, ticketStillWithBuyer } from "./ticket-holder";

type Reader = Db | DbTransaction;

/**
 * `email` is the address an email about the event goes to (the ticket holder's, see ticketHolderContact)
 * and `name` the name for its To header and greeting; `link` is the holder's own signed link:
 * the order's for a buyer, the ticket's for someone a ticket was passed on to. `key` names
 * what the email is about in its dedupe key: the order (so correcting the order's address
 * stops it), or the passed-on ticket.
 */
export type EventRecipient = {
  email: string;
  name: string | null;
  holderName: string;
  orderNumber: string;
  link: string;
  key: string;
  locale: Locale;
};

/**
 * One recipient per address holding a valid ticket of a paid order of the event: a buyer with
 * two orders gets one email, about the newest order (its number, link and name), in the order the
 * addresses first bought. An order of an account goes to the account's current address and
 * language, not to the ones it was bought with; a ticket passed on goes to its holder instead
 * (ticketHolderContact, ticketHolderLocale).
 */
export async function eventRecipients(reader: Reader, eventId: string): Promise<EventRecipient[]> {
  const tickets = await reader.ticket.findMany({
    where: { eventId, status: "VALID", order: { status: "PAID" } },
    select: {
      ...TICKET_HOLDER_SELECT,
      id: true,
      order: { select: { ...TICKET_HOLDER_SELECT.order.select, id: true, number: true } },
      transfers: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true, toEmail: true } },
    },
    orderBy: [{ order: { createdAt: "asc" } }, { order: { id: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
  });
  const byAddress = new Map<string, EventRecipient>();
  for (const ticket of tickets) {
    const { email, name } = ticketHolderContact(ticket);
    const { order } = ticket;
    const transfer = ticket.transfers[0];
    const withBuyer = ticketStillWithBuyer(ticket) || !transfer;
    byAddress.set(email, {
      email,
      name,
      holderName: withBuyer ? order.buyerName : (ticket.holderName ?? order.buyerName),
      orderNumber: order.number,
      link: withBuyer ? orderUrl({ id: order.id, buyerEmail: order.buyerEmail }) : ticketLinkUrl(transfer),
      key: withBuyer ? order.id : `ticket:${ticket.id}`,
      locale: ticketHolderLocale(ticket),
    });
  }
  return [...byAddress.values()];
}
