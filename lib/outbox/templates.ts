// What each email needs to be rendered. The payload is a snapshot taken when the email is
// queued, so a later edit (an event renamed) does not rewrite history; only the confirmation
// of a checkout names its order instead, read moments later when the sender renders it. Each is a zod schema that
// emails/registry.ts pairs with its template, and rendering parses the stored JSON with it.
import { z } from "zod";
import type { EmailTemplate } from "../../emails/registry";
import type { Prisma } from "../db/client";

export const eventSnapshot = z.object({
  title: z.string(),
  venue: z.string(),
  /** Street address, for the ticket PDF; absent in rows queued before it and when none was given. */
  address: z.string().nullish(),
  city: z.string(),
  /** ISO 8601 UTC. */
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
});

export type EventSnapshot = z.infer<typeof eventSnapshot>;

/** The columns of an Event an email's snapshot of it is taken from (a Prisma `select`). */
export const EVENT_SNAPSHOT_SELECT = {
  title: true,
  venue: true,
  address: true,
  city: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
} as const;

export type EventSnapshotRow = Prisma.EventGetPayload<{ select: typeof EVENT_SNAPSHOT_SELECT }>;

/** An email's (or a ticket file's) snapshot of an event read with EVENT_SNAPSHOT_SELECT. */
export function eventSnapshotOf(event: EventSnapshotRow): EventSnapshot {
  return {
    title: event.title,
    venue: event.venue,
    address: event.address,
    city: event.city,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.timeZone,
  };
}

export const orderConfirmationPayloadSchema = z.object({
  orderNumber: z.string(),
  buyerName: z.string(),
  organizerName: z.string(),
  event: eventSnapshot,
  lines: z.array(z.object({ name: z.string(), quantity: z.number(), unitPriceMinor: z.number() })),
  tickets: z.array(z.object({ code: z.string(), typeName: z.string() })),
  totalMinor: z.number(),
  currency: z.string(),
  orderUrl: z.string(),
  /** The organizer's contact address, the email's Reply-To (organizerReplyTo); absent in rows queued before it. */
  replyTo: z.string().optional(),
});

/**
 * What a completed checkout queues: the order's id and the address the order had then. The
 * sender reads the rest (lib/tickets/order-confirmation-payload.ts) when it renders the email.
 * A resend or a correction still queues the whole snapshot.
 */
export const orderConfirmationReferenceSchema = z.object({
  orderId: z.uuid(),
  buyerEmail: z.string(),
});

export const welcomePayloadSchema = z.object({
  name: z.string(),
  setPasswordUrl: z.string(),
});

/**
 * What a sign-in link is for, which its email says: signing in, or signing in to choose a
 * password (the link lands on the set-password page: "Forgot password?"), a new one when the
 * account has one already, else its first. Rows queued before this field mean sign-in.
 */
export const magicLinkPurposes = ["sign-in", "new-password", "first-password"] as const;
export type MagicLinkPurpose = (typeof magicLinkPurposes)[number];

/** A single-use sign-in link (the raw token is only in the link, never stored elsewhere). */
export const magicLinkPayloadSchema = z.object({
  url: z.string(),
  expiresInMinutes: z.number(),
  purpose: z.enum(magicLinkPurposes).optional(),
});

/** Tells the owner of an account that its password was set or changed. */
export const passwordSetPayloadSchema = z.object({
  name: z.string().nullable(),
  /** When it happened, ISO 8601 UTC. */
  setAt: z.string(),
  /** Where to go if it was not them: signing in by email link lets them choose a new one. */
  signInUrl: z.string(),
  /**
   * The account had no password before: the email confirms the choice instead of warning of
   * a change. Rows queued before this field are changes.
   */
  firstPassword: z.boolean().optional(),
});

/** Sent to the new address when a signed-in user asks to change their email. */
export const emailChangePayloadSchema = z.object({
  name: z.string().nullable(),
  newEmail: z.string(),
  /** Single-use link; the change happens only when it is followed. */
  confirmUrl: z.string(),
  expiresInMinutes: z.number(),
});

/** Sent to the old address after the change is confirmed, so a hijack does not go unnoticed. */
export const emailChangedPayloadSchema = z.object({
  name: z.string().nullable(),
  newEmail: z.string(),
  /** When it happened, ISO 8601 UTC. */
  changedAt: z.string(),
  signInUrl: z.string(),
});

/** "Important information" from an organizer to one ticket holder of an event. */
export const organizerMessagePayloadSchema = z.object({
  organizerName: z.string(),
  /** Where replies should go: the organizer's contact address. */
  replyTo: z.string(),
  buyerName: z.string(),
  orderNumber: z.string(),
  event: eventSnapshot,
  subject: z.string(),
  /** Plain text as the organizer wrote it; paragraphs are separated by blank lines. */
  body: z.string(),
  orderUrl: z.string(),
});

/**
 * To the address an order was moved away from. Deliberately no link to the tickets and no new
 * address: the old mailbox may be a stranger's.
 */
export const orderMovedPayloadSchema = z.object({
  orderNumber: z.string(),
  eventTitle: z.string(),
  organizerName: z.string(),
  /** At whose request: the buyer (a correction or a claim) or the organizer. */
  movedBy: z.enum(["buyer", "organizer"]),
  /** The organizer's contact address, the email's Reply-To (organizerReplyTo); absent in rows queued before it. */
  replyTo: z.string().optional(),
});

/** To the address a buyer asked, from the browser that bought the order, to move it to. */
export const orderCorrectionPayloadSchema = z.object({
  buyerName: z.string(),
  orderNumber: z.string(),
  eventTitle: z.string(),
  /** Single-use link; the order moves only when it is followed. */
  confirmUrl: z.string(),
  expiresInMinutes: z.number(),
  /** Who answers questions about the order; absent in rows queued before it. */
  organizerName: z.string().optional(),
  /** The organizer's contact address, the email's Reply-To (organizerReplyTo); absent in rows queued before it. */
  replyTo: z.string().optional(),
});

/** To whoever a ticket was passed on to: the ticket itself, and its signed link. */
export const ticketReceivedPayloadSchema = z.object({
  /** Who passed it on, as the sender's holding names them. */
  fromName: z.string(),
  toName: z.string(),
  organizerName: z.string(),
  replyTo: z.string(),
  orderNumber: z.string(),
  event: eventSnapshot,
  ticket: z.object({ code: z.string(), typeName: z.string() }),
  /** The ticket's page for its new holder (lib/transfers/ticket-links.ts). */
  ticketUrl: z.string(),
});

/** To whoever passed a ticket on: a short notice, without the ticket's new code or link. */
export const ticketPassedOnPayloadSchema = z.object({
  fromName: z.string(),
  toName: z.string(),
  organizerName: z.string(),
  replyTo: z.string(),
  orderNumber: z.string(),
  eventTitle: z.string(),
  typeName: z.string(),
});

/**
 * "Send my tickets": the orders an account holds for upcoming events, each with its signed
 * link (lib/tickets/send-my-tickets.ts). A snapshot, like the other emails about orders.
 */
export const myTicketsPayloadSchema = z.object({
  name: z.string().nullable(),
  orders: z
    .array(
      z.object({
        orderNumber: z.string(),
        organizerName: z.string(),
        event: eventSnapshot,
        tickets: z.array(z.object({ typeName: z.string(), count: z.number() })),
        orderUrl: z.string(),
      }),
    )
    .min(1),
});

/** To the buyer, once the payment provider has taken a refund (lib/refunds). */
export const refundBuyerPayloadSchema = z.object({
  buyerName: z.string(),
  orderNumber: z.string(),
  organizerName: z.string(),
  event: eventSnapshot,
  /** The tickets cancelled by this refund. */
  tickets: z.array(z.object({ code: z.string(), typeName: z.string() })),
  /** What the tickets cost, the fee kept, and what comes back (minor units). */
  amountMinor: z.number(),
  feeMinor: z.number(),
  refundMinor: z.number(),
  currency: z.string(),
  /** Tickets of the order still valid after this; 0 when the whole order is cancelled. */
  remainingTickets: z.number(),
  orderUrl: z.string(),
  replyTo: z.string(),
});

/** To the organizer's contact address about the same refund. */
export const refundOrganizerPayloadSchema = z.object({
  organizerName: z.string(),
  orderNumber: z.string(),
  buyerName: z.string(),
  eventTitle: z.string(),
  ticketCount: z.number(),
  refundMinor: z.number(),
  feeMinor: z.number(),
  currency: z.string(),
  /** The organizer's page of the order. */
  orderUrl: z.string(),
});

/** The provider refused a refund (at once or later, by its webhook): the organizer pays it back by hand. */
export const refundFailedOrganizerPayloadSchema = z.object({
  organizerName: z.string(),
  orderNumber: z.string(),
  buyerName: z.string(),
  eventTitle: z.string(),
  refundMinor: z.number(),
  currency: z.string(),
  /** The provider's reason, as it gave it ("expired_or_canceled_card"). */
  reason: z.string(),
  /** The organizer's page of the order. */
  orderUrl: z.string(),
});

export type OrderConfirmationPayload = z.infer<typeof orderConfirmationPayloadSchema>;
export type OrderConfirmationReference = z.infer<typeof orderConfirmationReferenceSchema>;
export type WelcomePayload = z.infer<typeof welcomePayloadSchema>;
export type MagicLinkPayload = z.infer<typeof magicLinkPayloadSchema>;
export type PasswordSetPayload = z.infer<typeof passwordSetPayloadSchema>;
export type EmailChangePayload = z.infer<typeof emailChangePayloadSchema>;
export type EmailChangedPayload = z.infer<typeof emailChangedPayloadSchema>;
export type OrganizerMessagePayload = z.infer<typeof organizerMessagePayloadSchema>;
export type OrderMovedPayload = z.infer<typeof orderMovedPayloadSchema>;
export type OrderCorrectionPayload = z.infer<typeof orderCorrectionPayloadSchema>;
export type TicketReceivedPayload = z.infer<typeof ticketReceivedPayloadSchema>;
export type TicketPassedOnPayload = z.infer<typeof ticketPassedOnPayloadSchema>;
export type MyTicketsPayload = z.infer<typeof myTicketsPayloadSchema>;
export type RefundBuyerPayload = z.infer<typeof refundBuyerPayloadSchema>;
export type RefundOrganizerPayload = z.infer<typeof refundOrganizerPayloadSchema>;
export type RefundFailedOrganizerPayload = z.infer<typeof refundFailedOrganizerPayloadSchema>;

// The names of the templates come from the registry, which pairs each schema with its email.
export type { EmailPayloads, EmailTemplate } from "../../emails/registry";

/**
 * The payload field of each template that holds a secret link. Once such an email has left
 * for a real mail server, the copy in the outbox is blanked; only the recipient keeps it.
 * (The demo's mailbox shows the outbox itself, so there the link stays.)
 */
export const secretLinkFields: Readonly<Record<string, string>> = {
  "magic-link": "url",
  welcome: "setPasswordUrl",
  "email-change": "confirmUrl",
  "order-correction": "confirmUrl",
} satisfies Partial<Record<EmailTemplate, string>>;

export function withoutSecretLink(template: string, payload: unknown): object | null {
  const field = Object.hasOwn(secretLinkFields, template) ? secretLinkFields[template] : undefined;
  if (!field || typeof payload !== "object" || payload === null) return null;
  return { ...(payload as Record<string, unknown>), [field]: "" };
}

export type RenderedEmail = {
  subject: string;
  html: string;
  text: string;
  attachments: { filename: string; contentType: string; content: Buffer; cid?: string }[];
  /** Where replies go, when not to the sender (an organizer's own address). */
  replyTo?: string;
};
