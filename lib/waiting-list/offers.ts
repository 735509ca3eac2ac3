// Tickets coming back to a ticket type people wait for, and what becomes of an offer. The rules
// live in SQL (migration *_waiting_list): a trigger offers admissions to the list in the very
// statement that frees them (an expired hold, a failed payment, a cancellation, more capacity),
// so nobody outside the list can take them first; this module is the app's handle on it.
import { db, type DbTransaction } from "../db/client";
import { env } from "../env";
import { leavePath, offerPath } from "./links";
import type { WaitingListOfferPayload } from "./email-payloads";

/** How long an offer holds its tickets (the SQL function waiting_list_offer says the same). */
export const OFFER_MINUTES = 30;

type Sql = Pick<DbTransaction, "$queryRaw">;

/**
 * "Tickets came back for these types": offers whatever they have free to their waiting lists
 * now, first in line first, and queues the offer emails. Returns the number of offers made.
 * Safe to call at any time and more than once (it offers only what is free), inside the
 * caller's transaction (`client`) or on its own. A stock change of "TicketType" already calls
 * it by trigger; call it after work the trigger does not see.
 */
export async function offerReturnedTickets(
  ticketTypeIds: string[],
  { now = new Date(), client = db }: { now?: Date; client?: Sql } = {},
): Promise<number> {
  let offers = 0;
  // One statement per type, in id order: each locks only its own type.
  for (const id of [...new Set(ticketTypeIds)].sort()) {
    const [row] = await client.$queryRaw<{ offers: number }[]>`SELECT "waiting_list_offer"(${id}::uuid, ${now}::timestamptz) AS "offers"`;
    offers += Number(row.offers);
  }
  return offers;
}

/**
 * Housekeeping: offers whose 30 minutes ended lapse and pass to the next in line, and any type
 * that has free tickets and people waiting (say, a change the trigger could not offer because
 * sales had not opened) makes its offers. Returns the events whose stock changed.
 */
export async function sweepWaitingLists(now = new Date()): Promise<{ offers: number; eventIds: string[] }> {
  const types = await db.$queryRaw<{ id: string; eventId: string; lapsed: boolean }[]>`
    SELECT t."id", t."eventId", bool_or(w."status" = 'OFFERED') AS "lapsed"
      FROM "WaitingListEntry" w JOIN "TicketType" t ON t."id" = w."ticketTypeId"
     WHERE (w."status" = 'OFFERED' AND w."offerExpiresAt" <= ${now}::timestamptz)
        OR (w."status" = 'WAITING' AND t."capacity" - t."sold" - t."held" > 0)
     GROUP BY t."id", t."eventId"`;
  const offers = await offerReturnedTickets(
    types.map((type) => type.id),
    { now },
  );
  // Lapsed offers may have put tickets back on sale: those events' cached pages are told.
  return { offers, eventIds: [...new Set(types.filter((type) => type.lapsed).map((type) => type.eventId))] };
}

/** Fails an order and, if it was bought through a still open offer, gives the offer its tickets back. */
export async function failOrderOfOffer(orderId: string, reason: string, now = new Date()): Promise<boolean> {
  const [row] = await db.$queryRaw<{ failed: boolean }[]>`
    SELECT "waiting_list_fail_order"(${orderId}::uuid, ${reason}, ${now}::timestamptz) AS "failed"`;
  return row.failed;
}

export type OpenOffer = {
  entryId: string;
  email: string;
  ticketTypeId: string;
  ticketTypeName: string;
  quantity: number;
  offerExpiresAt: Date;
  eventSlug: string;
  eventTitle: string;
  organizerName: string;
  timeZone: string;
};

/** The entry's offer while it is open (offered and not yet ended), else null. */
export async function getOpenOffer(entryId: string, now = new Date()): Promise<OpenOffer | null> {
  const entry = await db.waitingListEntry.findUnique({
    where: { id: entryId },
    include: { ticketType: { include: { event: { include: { organizer: { select: { name: true } } } } } } },
  });
  if (!entry || entry.status !== "OFFERED" || !entry.offerExpiresAt || entry.offerExpiresAt <= now) return null;
  const { ticketType } = entry;
  return {
    entryId: entry.id,
    email: entry.email,
    ticketTypeId: ticketType.id,
    ticketTypeName: ticketType.name,
    quantity: entry.quantity,
    offerExpiresAt: entry.offerExpiresAt,
    eventSlug: ticketType.event.slug,
    eventTitle: ticketType.event.title,
    organizerName: ticketType.event.organizer.name,
    timeZone: ticketType.event.timeZone,
  };
}

/** Thrown when an offer's email is due but the offer is gone (bought, left, lapsed): the sender drops it. */
export class OfferGoneError extends Error {
  readonly permanent = true;
  constructor() {
    super("the waiting-list offer is no longer open");
    this.name = "OfferGoneError";
  }
}

/** The offer email's content, read when it is sent; its links are signed here, never stored. */
export async function loadWaitingListOffer({ entryId }: { entryId: string }): Promise<WaitingListOfferPayload> {
  const offer = await getOpenOffer(entryId);
  if (!offer) throw new OfferGoneError();
  const target = { id: offer.entryId, email: offer.email };
  return {
    eventTitle: offer.eventTitle,
    ticketTypeName: offer.ticketTypeName,
    quantity: offer.quantity,
    organizerName: offer.organizerName,
    offerExpiresAt: offer.offerExpiresAt.toISOString(),
    timeZone: offer.timeZone,
    offerUrl: `${env().SITE_URL}${offerPath(target, offer.eventSlug)}`,
    leaveUrl: `${env().SITE_URL}${leavePath(target)}`,
  };
}
