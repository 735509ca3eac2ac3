// What the emails about a cancelled event need to be drawn (emails/registry.ts pairs them with
// emails/event-cancelled.tsx and emails/waiting-list-cancelled.tsx): snapshots taken when the
// worker cancels the order the first is about, and when the event is cancelled for the second.
import { z } from "zod";
import { eventSnapshot, eventSnapshotOf, type EventSnapshotRow } from "../outbox/templates";

/**
 * What becomes of the money, as this recipient sees it: "refund" (they paid: the whole amount
 * goes back to the card), "free" (nothing was paid), "buyer" (a ticket passed on to them: the
 * money goes back to whoever bought it).
 */
export const CANCELLED_MONEY = ["refund", "free", "buyer"] as const;

/** The event as both cancellation emails show it: every email's snapshot, without the street address. */
const cancelledEventSchema = eventSnapshot.omit({ address: true });

export const eventCancelledPayloadSchema = z.object({
  organizerName: z.string(),
  /** The organizer's contact address, the email's Reply-To. */
  replyTo: z.string(),
  holderName: z.string(),
  orderNumber: z.string(),
  event: cancelledEventSchema,
  /** The organizer's words to the ticket holders; paragraphs separated by blank lines. */
  message: z.string(),
  money: z.enum(CANCELLED_MONEY),
  /** What goes back for the order (minor units); 0 for free tickets. */
  refundMinor: z.number(),
  currency: z.string(),
  /** The holder's own signed link: the order's for the buyer, the ticket's for someone it was passed on to. */
  link: z.string(),
});

/**
 * To an address that was in line for the event when it was cancelled (queued in the cancelling
 * transaction, one per address): the list is closed, with the organizer's words.
 */
export const waitingListCancelledPayloadSchema = z.object({
  organizerName: z.string(),
  replyTo: z.string(),
  event: cancelledEventSchema,
  message: z.string(),
});

export type CancelledEvent = z.infer<typeof cancelledEventSchema>;
export type EventCancelledPayload = z.infer<typeof eventCancelledPayloadSchema>;
export type WaitingListCancelledPayload = z.infer<typeof waitingListCancelledPayloadSchema>;

/** The columns of an event's row that the cancellation emails show. */
export type CancelledEventRow = Omit<EventSnapshotRow, "address">;

/** The event as the cancellation emails' payloads keep it, from its row (eventSnapshotOf's, without the address). */
export function cancelledEventSnapshot(event: CancelledEventRow): CancelledEvent {
  const { address: _address, ...snapshot } = eventSnapshotOf({ ...event, address: null });
  return snapshot;
}
