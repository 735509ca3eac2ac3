// What the reminder before an event needs to be drawn (emails/registry.ts pairs it with
// emails/event-reminder.tsx): a snapshot taken when the reminders are queued.
import { z } from "zod";
import { eventSnapshot } from "../outbox/templates";

export const eventReminderPayloadSchema = z.object({
  organizerName: z.string(),
  /** The organizer's contact address, the email's Reply-To. */
  replyTo: z.string(),
  holderName: z.string(),
  orderNumber: z.string(),
  /** The event with its street address, when the organizer gave one. */
  event: eventSnapshot,
  /** The holder's own signed link: the order's for a buyer, the ticket's for someone it was passed on to. */
  link: z.string(),
  /** What the link opens, for the button's words. */
  linkTo: z.enum(["order", "ticket"]),
});

export type EventReminderPayload = z.infer<typeof eventReminderPayloadSchema>;
