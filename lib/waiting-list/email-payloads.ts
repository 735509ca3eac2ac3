// What the waiting list's emails need to be drawn (emails/registry.ts pairs them with their
// templates). An offer's outbox row names only its entry: the sender reads the offer, and signs
// its links, when it sends (loadWaitingListOffer), so an offer already gone is never mailed.
import { z } from "zod";

/** To a new entry: you are in line, and how to leave. */
export const waitingListJoinedPayloadSchema = z.object({
  eventTitle: z.string(),
  ticketTypeName: z.string(),
  quantity: z.number(),
  eventUrl: z.string(),
  leaveUrl: z.string(),
});

/** To the entry an offer is for: the held tickets, until when, the checkout and the way out. */
export const waitingListOfferPayloadSchema = z.object({
  eventTitle: z.string(),
  ticketTypeName: z.string(),
  quantity: z.number(),
  organizerName: z.string(),
  /** When the hold ends, ISO 8601 UTC; shown in the event's time zone. */
  offerExpiresAt: z.string(),
  timeZone: z.string(),
  offerUrl: z.string(),
  leaveUrl: z.string(),
});

export const waitingListOfferReferenceSchema = z.object({ entryId: z.uuid() });

export type WaitingListJoinedPayload = z.infer<typeof waitingListJoinedPayloadSchema>;
export type WaitingListOfferPayload = z.infer<typeof waitingListOfferPayloadSchema>;
export type WaitingListOfferReference = z.infer<typeof waitingListOfferReferenceSchema>;
