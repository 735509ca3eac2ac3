// Every email the app sends, in one table: the payload schema its outbox row is parsed with,
// the react-email component that draws it, and its subject in the recipient's language. The
// template names (and so what enqueueEmails accepts) are this table's keys. A row may instead
// name what it is about (a checkout's confirmation names its order): resolveStoredEmail reads
// the snapshot when the email is sent.
import { createElement, type ReactElement } from "react";
import type { z } from "zod";
import type { AppLocale } from "../lib/i18n/locales";
import {
  emailChangedPayloadSchema,
  emailChangePayloadSchema,
  magicLinkPayloadSchema,
  myTicketsPayloadSchema,
  refundBuyerPayloadSchema,
  refundOrganizerPayloadSchema,
  refundFailedOrganizerPayloadSchema,
  orderConfirmationPayloadSchema,
  orderConfirmationReferenceSchema,
  orderCorrectionPayloadSchema,
  orderMovedPayloadSchema,
  organizerMessagePayloadSchema,
  passwordSetPayloadSchema,
  ticketPassedOnPayloadSchema,
  ticketReceivedPayloadSchema,
  welcomePayloadSchema,
  type OrderConfirmationPayload,
  type OrderConfirmationReference,
  type RenderedEmail,
  type TicketReceivedPayload,
} from "../lib/outbox/templates";
import { eventCalendarFile } from "../lib/calendar/event-calendar";
import { db } from "../lib/db/client";
import { orderConfirmationPayload } from "../lib/tickets/order-confirmation-payload";
import { ticketPdfForOrder, ticketQrPng } from "../lib/tickets/documents";
import { EmailChangeEmail, emailChangeSubject } from "./email-change";
import { EmailChangedEmail, emailChangedSubject } from "./email-changed";
import { MagicLinkEmail, magicLinkSubject } from "./magic-link";
import { MyTicketsEmail, myTicketsSubject } from "./my-tickets";
import { RefundBuyerEmail, refundBuyerSubject } from "./refund-buyer";
import { RefundOrganizerEmail, refundOrganizerSubject } from "./refund-organizer";
import { RefundFailedOrganizerEmail, refundFailedOrganizerSubject } from "./refund-failed-organizer";
import { OrderConfirmationEmail, orderConfirmationSubject, qrContentId } from "./order-confirmation";
import { OrderCorrectionEmail, orderCorrectionSubject } from "./order-correction";
import { OrderMovedEmail, orderMovedSubject } from "./order-moved";
import { OrganizerMessageEmail, organizerMessageSubject } from "./organizer-message";
import { PasswordSetEmail, passwordSetSubject } from "./password-set";
import { TicketPassedOnEmail, ticketPassedOnSubject } from "./ticket-passed-on";
import { TicketReceivedEmail, ticketReceivedSubject } from "./ticket-received";
import { WelcomeEmail, welcomeSubject } from "./welcome";
import { WaitingListJoinedEmail, waitingListJoinedSubject } from "./waiting-list-joined";
import { WaitingListOfferEmail, waitingListOfferSubject } from "./waiting-list-offer";
import {
  waitingListJoinedPayloadSchema,
  waitingListOfferPayloadSchema,
  waitingListOfferReferenceSchema,
} from "../lib/waiting-list/email-payloads";
import { loadWaitingListOffer } from "../lib/waiting-list/offers";
import { eventCancelledPayloadSchema, waitingListCancelledPayloadSchema } from "../lib/event-cancellation/email-payload";
import { EventCancelledEmail, eventCancelledSubject } from "./event-cancelled";
import { WaitingListCancelledEmail, waitingListCancelledSubject } from "./waiting-list-cancelled";
import { eventReminderPayloadSchema } from "../lib/reminders/email-payload";
import { EventReminderEmail, eventReminderSubject } from "./event-reminder";

export type RenderOptions = {
  /** cid: references to attached images when sent; data: URLs in the demo's mailbox. */
  inlineImages: "cid" | "data-url";
};

type Attachment = RenderedEmail["attachments"][number];

/**
 * An outbox row that can never be sent as queued (its order is gone, or was moved to another
 * address since): the sender gives it up at once instead of retrying.
 */
export class EmailObsoleteError extends Error {
  readonly permanent = true;
  constructor(template: string, reason: string) {
    super(`email template ${template} is obsolete: ${reason}`);
    this.name = "EmailObsoleteError";
  }
}

/** One registered email, with the payload type P its schema yields. */
export type EmailDefinition<P> = {
  schema: z.ZodType<P>;
  subject: (locale: AppLocale, payload: P) => string;
  /** The component drawn with the payload, and the files the message carries. */
  body: (locale: AppLocale, payload: P, options: RenderOptions) => Promise<{ element: ReactElement; attachments: Attachment[] }>;
  /** Where replies go, when not to our no-reply sender (undefined: nowhere but that sender). */
  replyTo?: (payload: P) => string | undefined;
};

type EmailParts<P, Extra> = {
  schema: z.ZodType<P>;
  component: (props: P & { locale: AppLocale } & Extra) => ReactElement;
  subject: (locale: AppLocale, payload: P) => string;
  /** Props the component needs beyond the payload, and the attachments they refer to. */
  extras: (locale: AppLocale, payload: P, options: RenderOptions) => Promise<{ props: Extra; attachments: Attachment[] }>;
  replyTo?: (payload: P) => string | undefined;
};

function defineEmailWithExtras<P extends object, Extra extends object>(parts: EmailParts<P, Extra>): EmailDefinition<P> {
  const { schema, component, subject, extras, replyTo } = parts;
  return {
    schema,
    subject,
    ...(replyTo ? { replyTo } : {}),
    async body(locale, payload, options) {
      const extra = await extras(locale, payload, options);
      return { element: createElement(component, { ...payload, locale, ...extra.props }), attachments: extra.attachments };
    },
  };
}

/** An email drawn from its payload alone, without attachments. */
function defineEmail<P extends object>(parts: Omit<EmailParts<P, object>, "extras">): EmailDefinition<P> {
  return defineEmailWithExtras({ ...parts, extras: async () => ({ props: {}, attachments: [] }) });
}

/** The order confirmation carries each ticket's QR code (inline), the tickets as a PDF and the event as a calendar file. */
async function orderConfirmationExtras(locale: AppLocale, payload: OrderConfirmationPayload, options: RenderOptions) {
  const pngs = await Promise.all(payload.tickets.map(async (ticket) => ({ code: ticket.code, png: await ticketQrPng(ticket.code, 240) })));
  const qrSrc = Object.fromEntries(
    pngs.map(({ code, png }) => [
      code,
      options.inlineImages === "cid" ? `cid:${qrContentId(code)}` : `data:image/png;base64,${png.toString("base64")}`,
    ]),
  );
  const pdf = await ticketPdfForOrder(locale, {
    orderNumber: payload.orderNumber,
    holder: payload.buyerName,
    organizerName: payload.organizerName,
    event: payload.event,
    tickets: payload.tickets,
  });
  // The calendar entry links to the order's page: the signed link the email's button opens.
  const calendar = eventCalendarFile(locale, {
    orderNumber: payload.orderNumber,
    organizerName: payload.organizerName,
    event: payload.event,
    link: payload.orderUrl,
  });
  return {
    props: { qrSrc },
    attachments: [
      ...(options.inlineImages === "cid"
        ? pngs.map(({ code, png }) => ({ filename: `${code}.png`, contentType: "image/png", content: png, cid: qrContentId(code) }))
        : []),
      { filename: pdf.filename, contentType: "application/pdf", content: pdf.body },
      {
        filename: calendar.filename,
        contentType: "text/calendar; charset=utf-8; method=PUBLISH",
        content: Buffer.from(calendar.body, "utf8"),
      },
    ],
  };
}

/** A passed-on ticket carries its QR code (inline), the ticket as a PDF and the event as a calendar file. */
async function ticketReceivedExtras(locale: AppLocale, payload: TicketReceivedPayload, options: RenderOptions) {
  const { code } = payload.ticket;
  const png = await ticketQrPng(code, 240);
  const pdf = await ticketPdfForOrder(locale, {
    orderNumber: payload.orderNumber,
    holder: payload.toName,
    organizerName: payload.organizerName,
    event: payload.event,
    tickets: [payload.ticket],
  });
  const calendar = eventCalendarFile(locale, {
    orderNumber: payload.orderNumber,
    organizerName: payload.organizerName,
    event: payload.event,
    link: payload.ticketUrl,
  });
  return {
    props: { qrSrc: options.inlineImages === "cid" ? `cid:${qrContentId(code)}` : `data:image/png;base64,${png.toString("base64")}` },
    attachments: [
      ...(options.inlineImages === "cid"
        ? [{ filename: `${code}.png`, contentType: "image/png", content: png, cid: qrContentId(code) }]
        : []),
      { filename: pdf.filename, contentType: "application/pdf", content: pdf.body },
      {
        filename: calendar.filename,
        contentType: "text/calendar; charset=utf-8; method=PUBLISH",
        content: Buffer.from(calendar.body, "utf8"),
      },
    ],
  };
}

const definitions = {
  "order-confirmation": defineEmailWithExtras({
    schema: orderConfirmationPayloadSchema,
    component: OrderConfirmationEmail,
    subject: orderConfirmationSubject,
    extras: orderConfirmationExtras,
    // Emails about an order answer to its organizer (organizerReplyTo), as their footer says.
    replyTo: (payload) => payload.replyTo,
  }),
  welcome: defineEmail({ schema: welcomePayloadSchema, component: WelcomeEmail, subject: welcomeSubject }),
  "magic-link": defineEmail({ schema: magicLinkPayloadSchema, component: MagicLinkEmail, subject: magicLinkSubject }),
  "password-set": defineEmail({ schema: passwordSetPayloadSchema, component: PasswordSetEmail, subject: passwordSetSubject }),
  "email-change": defineEmail({ schema: emailChangePayloadSchema, component: EmailChangeEmail, subject: emailChangeSubject }),
  "email-changed": defineEmail({ schema: emailChangedPayloadSchema, component: EmailChangedEmail, subject: emailChangedSubject }),
  "organizer-message": defineEmail({
    schema: organizerMessagePayloadSchema,
    component: OrganizerMessageEmail,
    subject: organizerMessageSubject,
    // Replies go to the organizer, who wrote the message, not to our no-reply sender.
    replyTo: (payload) => payload.replyTo,
  }),
  "order-moved": defineEmail({
    schema: orderMovedPayloadSchema,
    component: OrderMovedEmail,
    subject: orderMovedSubject,
    replyTo: (payload) => payload.replyTo,
  }),
  "order-correction": defineEmail({
    schema: orderCorrectionPayloadSchema,
    component: OrderCorrectionEmail,
    subject: orderCorrectionSubject,
    replyTo: (payload) => payload.replyTo,
  }),
  "ticket-received": defineEmailWithExtras({
    schema: ticketReceivedPayloadSchema,
    component: TicketReceivedEmail,
    subject: ticketReceivedSubject,
    extras: ticketReceivedExtras,
    replyTo: (payload) => payload.replyTo,
  }),
  "ticket-passed-on": defineEmail({
    schema: ticketPassedOnPayloadSchema,
    component: TicketPassedOnEmail,
    subject: ticketPassedOnSubject,
    replyTo: (payload) => payload.replyTo,
  }),
  // Goes only to the account's own address; several organizers' orders, so no Reply-To.
  "my-tickets": defineEmail({ schema: myTicketsPayloadSchema, component: MyTicketsEmail, subject: myTicketsSubject }),
  "refund-buyer": defineEmail({
    schema: refundBuyerPayloadSchema,
    component: RefundBuyerEmail,
    subject: refundBuyerSubject,
    replyTo: (payload) => payload.replyTo,
  }),
  // To the organizer's own contact address: about their account, no Reply-To.
  "refund-organizer": defineEmail({
    schema: refundOrganizerPayloadSchema,
    component: RefundOrganizerEmail,
    subject: refundOrganizerSubject,
  }),
  "refund-failed-organizer": defineEmail({
    schema: refundFailedOrganizerPayloadSchema,
    component: RefundFailedOrganizerEmail,
    subject: refundFailedOrganizerSubject,
  }),
  "waiting-list-joined": defineEmail({
    schema: waitingListJoinedPayloadSchema,
    component: WaitingListJoinedEmail,
    subject: waitingListJoinedSubject,
  }),
  "waiting-list-offer": defineEmail({
    schema: waitingListOfferPayloadSchema,
    component: WaitingListOfferEmail,
    subject: waitingListOfferSubject,
  }),
  // From the organizer who cancelled the event: replies go to them.
  "event-cancelled": defineEmail({
    schema: eventCancelledPayloadSchema,
    component: EventCancelledEmail,
    subject: eventCancelledSubject,
    replyTo: (payload) => payload.replyTo,
  }),
  // To those in line when the event was cancelled, from the organizer too.
  "waiting-list-cancelled": defineEmail({
    schema: waitingListCancelledPayloadSchema,
    component: WaitingListCancelledEmail,
    subject: waitingListCancelledSubject,
    replyTo: (payload) => payload.replyTo,
  }),
  // About a day before the start, to each ticket holder; replies go to the organizer.
  "event-reminder": defineEmail({
    schema: eventReminderPayloadSchema,
    component: EventReminderEmail,
    subject: eventReminderSubject,
    replyTo: (payload) => payload.replyTo,
  }),
};

export type EmailTemplate = keyof typeof definitions;
export type EmailPayloads = { [K in EmailTemplate]: (typeof definitions)[K] extends EmailDefinition<infer P> ? P : never };

/** Typed per name, so that looking up a template yields the definition of its own payload. */
export const emailRegistry: { readonly [K in EmailTemplate]: EmailDefinition<EmailPayloads[K]> } = definitions;

export const emailTemplates = Object.keys(emailRegistry).filter(isEmailTemplate);

export function isEmailTemplate(value: string): value is EmailTemplate {
  return Object.hasOwn(emailRegistry, value);
}

/**
 * The confirmation of a completed checkout stores only the order's id and the address it was
 * made for; the order, its tickets and its link are read when the email is sent, so the
 * checkout request renders nothing. If the order has moved to another address since, this
 * email would carry the tickets and a working link to the old one: it is given up instead (the
 * move sends its own confirmation to the new address).
 */
async function loadOrderConfirmation({ orderId, buyerEmail }: OrderConfirmationReference): Promise<OrderConfirmationPayload> {
  // One snapshot: the address checked is the address the tickets and link are read with.
  const payload = await db.$transaction(
    async (tx) => {
      const order = await tx.order.findUnique({ where: { id: orderId }, select: { buyerEmail: true } });
      if (order && order.buyerEmail !== buyerEmail)
        throw new EmailObsoleteError("order-confirmation", "the order moved to another address");
      return order ? orderConfirmationPayload(tx, orderId) : null;
    },
    { isolationLevel: "RepeatableRead" },
  );
  if (!payload) throw new EmailObsoleteError("order-confirmation", "the order no longer exists");
  return payload;
}

/**
 * Templates whose outbox row may name what the email is about instead of carrying its
 * snapshot: the reference's schema, and how the snapshot is read when the email is sent.
 */
const references: {
  readonly [K in EmailTemplate]?: { schema: z.ZodType<unknown>; load: (reference: never) => Promise<EmailPayloads[K]> };
} = {
  "order-confirmation": { schema: orderConfirmationReferenceSchema, load: loadOrderConfirmation },
  // An offer is read (and its links signed) when sent; one no longer open is not sent.
  "waiting-list-offer": { schema: waitingListOfferReferenceSchema, load: loadWaitingListOffer },
};

/**
 * The outbox row as the renderer takes it: a row that names its order gets the order's snapshot
 * read now (the sender, the demo's mailbox); any other row is returned as it is.
 */
export async function resolveStoredEmail<E extends { template: string; payload: unknown }>(email: E): Promise<E> {
  if (!isEmailTemplate(email.template)) return email;
  const reference = references[email.template];
  const parsed = reference?.schema.safeParse(email.payload);
  if (!reference || !parsed?.success) return email;
  return { ...email, payload: await (reference.load as (value: unknown) => Promise<unknown>)(parsed.data) };
}
