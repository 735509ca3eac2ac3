// Whether a ticket is still with its order's holder: the part of the ownership rule
// (lib/ownership/holdings.ts, which re-exports it) that the email sender needs too, kept free of
// "server-only" so the worker process can import it.
import type { Prisma } from "../db/client";

/** Whether the ticket is still with whoever holds its order (it was never passed on). */
export function ticketStillWithBuyer(ticket: { holderEmail: string | null }): boolean {
  return ticket.holderEmail === null;
}

/** Prisma's where clause for the tickets of an order that its buyer still holds. */
export const STILL_WITH_BUYER = { holderEmail: null } as const satisfies Prisma.TicketWhereInput;
