// Which ticket a wallet pass is made of, and for whom: a guest through the order's signed link
// (the caller has checked it with isValidOrderKey, as for the PDFs), an account through the
// ownership rule (findAccountTicket). Only a valid ticket of a paid order makes a pass.
import "server-only";
import { db } from "../db/client";
import { env } from "../env";
import type { AppLocale } from "../i18n/locales";
import { localizePath } from "../i18n/paths";
import { orderPath } from "../orders/order-links";
import type { OrderConfirmation } from "../orders/queries";
import { findAccountTicket, isUsableTicket } from "../tickets/account-tickets";
import type { WalletTicket } from "./apple-pass";

type GuestOrder = Pick<OrderConfirmation, "id" | "number" | "status" | "buyerName" | "buyerEmail" | "event" | "tickets">;

async function eventAddress(slug: string): Promise<string | null> {
  const row = await db.event.findUnique({ where: { slug }, select: { address: true } });
  return row?.address ?? null;
}

/** A ticket of the order for its wallet pass; null when the code is not the order's or cannot be used. */
export async function guestWalletTicket(order: GuestOrder, code: string, locale: AppLocale): Promise<WalletTicket | null> {
  const ticket = order.status === "PAID" ? order.tickets.find((candidate) => candidate.code === code && candidate.valid) : undefined;
  if (!ticket) return null;
  const { event } = order;
  return {
    orderNumber: order.number,
    holder: order.buyerName,
    organizerName: event.organizerName,
    event: {
      slug: event.slug,
      title: event.title,
      venue: event.venue,
      address: await eventAddress(event.slug),
      city: event.city,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      timeZone: event.timeZone,
    },
    ticket: { code: ticket.code, typeName: ticket.typeName },
    link: `${env().SITE_URL}${localizePath(orderPath(order), locale)}`,
  };
}

/** One of the user's usable tickets for its wallet pass; null when it is not theirs or cannot be used. */
export async function accountWalletTicket(userId: string, code: string, locale: AppLocale): Promise<WalletTicket | null> {
  const ticket = await findAccountTicket(userId, code);
  if (!ticket || !isUsableTicket(ticket, ticket.order)) return null;
  const { event } = ticket;
  return {
    orderNumber: ticket.order.number,
    holder: ticket.holderName,
    organizerName: event.organizerName,
    event: { ...event, address: await eventAddress(event.slug) },
    ticket: { code: ticket.code, typeName: ticket.typeName },
    link: `${env().SITE_URL}${localizePath(`/account/tickets/${encodeURIComponent(ticket.code)}`, locale)}`,
  };
}

/** Where the order page links for a ticket's wallet passes; the signed key travels along. */
export function guestWalletPath(orderId: string, code: string, key: string, wallet: "apple-wallet" | "google-wallet"): string {
  return `/orders/${orderId}/tickets/${encodeURIComponent(code)}/${wallet}?key=${encodeURIComponent(key)}`;
}

export function accountWalletPath(code: string, wallet: "apple-wallet" | "google-wallet"): string {
  return `/account/tickets/${encodeURIComponent(code)}/${wallet}`;
}
