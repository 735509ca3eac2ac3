// Whether a ticket is still with its order's holder, and where news about an order or a ticket
// reaches its holder: the parts of the ownership rule (lib/ownership/holdings.ts, which
// re-exports them) that the worker's emails need too, kept free of "server-only" so the worker
// process can import them.
import { ownerHasSignedIn, type AccountSignIns } from "../accounts/account-use";
import { normaliseEmail } from "../accounts/email-address";
import type { Prisma } from "../db/client";
import type { Locale } from "../db/types";
import { orderRecipient, type OrderForRecipient, type OrderRecipient } from "../orders/order-recipient";

/** Whether the ticket is still with whoever holds its order (it was never passed on). */
export function ticketStillWithBuyer(ticket: { holderEmail: string | null }): boolean {
  return ticket.holderEmail === null;
}

/** Prisma's where clause for the tickets of an order that its buyer still holds. */
export const STILL_WITH_BUYER = { holderEmail: null } as const satisfies Prisma.TicketWhereInput;

/** What an order's holder is read from: select these fields, then ask orderHolderContact and orderHolderLocale. */
export const ORDER_HOLDER_SELECT = {
  buyerEmail: true,
  buyerName: true,
  locale: true,
  user: { select: { email: true, name: true, locale: true, emailVerified: true, passwordSetAt: true } },
} as const satisfies Prisma.OrderSelect;

/**
 * Where news about an order reaches its holder: the account's current address and name, or
 * without an account the address and name typed at checkout.
 */
export function orderHolderContact(order: OrderForRecipient): OrderRecipient {
  return orderRecipient(order);
}

/** A ticket's own holder fields, for a query that reads its order's holder fields already. */
export const TICKET_HOLDER_FIELDS = {
  holderName: true,
  holderEmail: true,
  holderUser: { select: { email: true, name: true, locale: true } },
} as const satisfies Prisma.TicketSelect;

/** What a ticket's holder is read from: select these fields, then ask ticketHolderContact. */
export const TICKET_HOLDER_SELECT = {
  ...TICKET_HOLDER_FIELDS,
  order: { select: ORDER_HOLDER_SELECT },
} as const satisfies Prisma.TicketSelect;

type TicketForHolder = {
  holderName: string | null;
  holderEmail: string | null;
  holderUser?: { email: string; name: string | null } | null;
  order: OrderForRecipient;
};

/**
 * Where news about a ticket reaches its holder: once passed on, the holder's account at its
 * current address (or, without one, the address it was passed on to) and the name it was
 * passed on to; before that the order's holder (orderHolderContact).
 */
export function ticketHolderContact(ticket: TicketForHolder): OrderRecipient {
  if (ticket.holderEmail === null) return orderHolderContact(ticket.order);
  return {
    email: normaliseEmail(ticket.holderUser?.email ?? ticket.holderEmail),
    name: ticket.holderName ?? ticket.holderUser?.name ?? null,
  };
}

/** What orderHolderLocale reads of an account (ORDER_HOLDER_SELECT selects it). */
export type AccountForLocale = { locale: Locale } & AccountSignIns;
type OrderForLocale = { locale: Locale; user?: AccountForLocale | null };

/**
 * The language news about an order reaches its holder in: the account's, as with every email to
 * it, once its owner has signed in (where the language switcher and the profile save their
 * choice; until they change it, the language the account was made in); before that, the order's
 * own. An account nobody has signed in to holds only the language of the purchase that made it,
 * so a guest who bought once in Swedish and once in English hears about each order in the
 * language they chose for it.
 */
export function orderHolderLocale(order: OrderForLocale): Locale {
  return order.user && ownerHasSignedIn(order.user) ? order.user.locale : order.locale;
}

type TicketForLocale = {
  holderEmail: string | null;
  holderUser?: { locale: Locale } | null;
  order: OrderForLocale;
};

/**
 * The language news about a ticket reaches its holder in: the order holder's (orderHolderLocale)
 * while the buyer holds it; once passed on, the holder's account's (set when the ticket was
 * passed to them, in the language it was passed on in, or their own choice since), which the
 * order says nothing about.
 */
export function ticketHolderLocale(ticket: TicketForLocale): Locale {
  if (ticketStillWithBuyer(ticket)) return orderHolderLocale(ticket.order);
  return ticket.holderUser?.locale ?? ticket.order.locale;
}
