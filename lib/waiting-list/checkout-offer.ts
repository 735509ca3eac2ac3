// A checkout through an offer's link: the form carries the entry and its signed key, and only
// then may it buy the offer's held tickets (the offered type, at most the offered quantity).
import { db } from "../db/client";
import { getOpenOffer, type OpenOffer } from "./offers";
import { isValidWaitingListKey } from "./links";

export const OFFER_ENTRY_FIELD = "waitingListEntry";
export const OFFER_KEY_FIELD = "waitingListKey";

/**
 * The open offer a posted checkout (or the offer page's query) names: undefined when it names
 * none, null when the link is not ours or the offer is no longer open.
 */
export async function offerForCheckout(fields: Record<string, unknown>, now = new Date()): Promise<OpenOffer | null | undefined> {
  const entryId = fields[OFFER_ENTRY_FIELD];
  if (entryId === undefined || entryId === "") return undefined;
  const key = fields[OFFER_KEY_FIELD];
  if (typeof entryId !== "string" || typeof key !== "string" || !/^[0-9a-f-]{36}$/i.test(entryId)) return null;
  const offer = await getOpenOffer(entryId, now);
  if (!offer || !isValidWaitingListKey("offer", { id: offer.entryId, email: offer.email }, key)) return null;
  return offer;
}

/** The checkout's ticket types for an offer: only the offered one, up to the offered quantity. */
export function offerTicketTypes<T extends { id: string; maxQuantity: number }>(types: T[], offer: OpenOffer): T[] {
  return types.filter((type) => type.id === offer.ticketTypeId).map((type) => ({ ...type, maxQuantity: offer.quantity }));
}

/**
 * The order an offer's link was used for (the entry is CLAIMED), with what its page's link needs;
 * null otherwise. The offer page shows it only to the browser that bought it (ordersOfThisBrowser).
 */
export async function orderOfUsedOffer(fields: Record<string, unknown>): Promise<{ id: string; buyerEmail: string } | null> {
  const entryId = fields[OFFER_ENTRY_FIELD];
  const key = fields[OFFER_KEY_FIELD];
  if (typeof entryId !== "string" || typeof key !== "string" || !/^[0-9a-f-]{36}$/i.test(entryId)) return null;
  const entry = await db.waitingListEntry.findUnique({ where: { id: entryId } });
  if (!entry || entry.status !== "CLAIMED" || !entry.orderId) return null;
  if (!isValidWaitingListKey("offer", { id: entry.id, email: entry.email }, key)) return null;
  return db.order.findUnique({ where: { id: entry.orderId }, select: { id: true, buyerEmail: true } });
}
