// Claiming admissions. Every change is one conditional UPDATE of the ticket type's counters, so
// PostgreSQL serialises buyers of the same type on its row lock and re-checks the condition
// after waiting: the last ticket goes to exactly one of them. The TicketType guard trigger
// refuses any write that would oversell even if this code were wrong. The checkout itself
// claims, converts and releases inside its SQL functions (checkout_reserve, checkout_complete,
// checkout_fail), with the same conditions and the same order of ticket types.
import type { DbTransaction } from "../db/client";

export type Claim = { ticketTypeId: string; quantity: number };

export class SoldOutError extends Error {
  constructor(readonly ticketTypeId: string) {
    super("sold out");
    this.name = "SoldOutError";
  }
}

// Claims in a fixed order so that two orders for the same two types cannot deadlock.
function inLockOrder(claims: Claim[]): Claim[] {
  return [...claims].sort((a, b) => a.ticketTypeId.localeCompare(b.ticketTypeId));
}

/** Reserves admissions while a payment is pending; throws SoldOutError if any type lacks them. */
export async function holdAdmissions(tx: DbTransaction, claims: Claim[]): Promise<void> {
  for (const { ticketTypeId, quantity } of inLockOrder(claims)) {
    const rows = await tx.$executeRaw`
      UPDATE "TicketType" SET "held" = "held" + ${quantity}, "updatedAt" = now()
       WHERE "id" = ${ticketTypeId}::uuid AND "sold" + "held" + ${quantity} <= "capacity"`;
    if (rows !== 1) throw new SoldOutError(ticketTypeId);
  }
}
