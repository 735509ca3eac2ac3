// What the email about a cancelled event needs to be drawn (emails/registry.ts pairs it with
// emails/event-cancelled.tsx): a snapshot taken when the worker cancels the order it is about.
import { z } from "zod";

/**
 * What becomes of the money, as this recipient sees it: "refund" (they paid: the whole amount
 * goes back to the card), "free" (nothing was paid), "buyer" (a ticket passed on to them: the
 * money goes back to whoever bought it).
 */
export const CANCELLED_MONEY = ["refund", "free", "buyer"] as const;

export const eventCancelledPayloadSchema = z.object({
  organizerName: z.string(),
  /** The organizer's contact address, the email's Reply-To. */
  replyTo: z.string(),
  holderName: z.string(),
  orderNumber: z.string(),
  event: z.object({
    title: z.string(),
    venue: z.string(),
    city: z.string(),
    /** ISO 8601 UTC. */
    startsAt: z.string(),
    endsAt: z.string(),
    timeZone: z.string(),
  }),
  /** The organizer's words to the ticket holders; paragraphs separated by blank lines. */
  message: z.string(),
  money: z.enum(CANCELLED_MONEY),
  /** What goes back for the order (minor units); 0 for free tickets. */
  refundMinor: z.number(),
  currency: z.string(),
  /** The holder's own signed link: the order's for the buyer, the ticket's for someone it was passed on to. */
  link: z.string(),
});

export type EventCancelledPayload = z.infer<typeof eventCancelledPayloadSchema>;
