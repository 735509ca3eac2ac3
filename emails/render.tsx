// Turns an outbox row into the email a recipient receives: subject, HTML, plain text and
// attachments (QR codes shown inline by Content-ID, and the tickets as a PDF).
import { render, toPlainText } from "react-email";
import type { OutboxEmail } from "../lib/db/types";
import type { AppLocale } from "../lib/i18n/locales";
import type { EmailPayloads, RenderedEmail } from "../lib/outbox/templates";
import { isEmailTemplate } from "../lib/outbox/templates";
import { ticketPdfForOrder, ticketQrPng } from "../lib/tickets/documents";
import { EmailChangeEmail, emailChangeSubject } from "./email-change";
import { EmailChangedEmail, emailChangedSubject } from "./email-changed";
import { MagicLinkEmail, magicLinkSubject } from "./magic-link";
import { OrderConfirmationEmail, orderConfirmationSubject, qrContentId } from "./order-confirmation";
import { OrderCorrectionEmail, orderCorrectionSubject } from "./order-correction";
import { OrderMovedEmail, orderMovedSubject } from "./order-moved";
import { OrganizerMessageEmail, organizerMessageSubject } from "./organizer-message";
import { PasswordSetEmail, passwordSetSubject } from "./password-set";
import { WelcomeEmail, welcomeSubject } from "./welcome";

async function html(element: React.ReactElement): Promise<{ html: string; text: string }> {
  const markup = await render(element);
  return { html: markup, text: toPlainText(markup) };
}

export async function renderOrderConfirmation(
  locale: AppLocale,
  payload: EmailPayloads["order-confirmation"],
  options: { inlineImages: "cid" | "data-url" } = { inlineImages: "cid" },
): Promise<RenderedEmail> {
  const pngs = await Promise.all(payload.tickets.map(async (ticket) => ({ code: ticket.code, png: await ticketQrPng(ticket.code, 240) })));
  const qrSrc = Object.fromEntries(
    pngs.map(({ code, png }) => [
      code,
      options.inlineImages === "cid" ? `cid:${qrContentId(code)}` : `data:image/png;base64,${png.toString("base64")}`,
    ]),
  );
  const body = await html(<OrderConfirmationEmail {...payload} locale={locale} qrSrc={qrSrc} />);
  const pdf = await ticketPdfForOrder(locale, {
    orderNumber: payload.orderNumber,
    holder: payload.buyerName,
    event: payload.event,
    tickets: payload.tickets,
  });
  return {
    subject: orderConfirmationSubject(locale, payload),
    ...body,
    attachments: [
      ...(options.inlineImages === "cid"
        ? pngs.map(({ code, png }) => ({ filename: `${code}.png`, contentType: "image/png", content: png, cid: qrContentId(code) }))
        : []),
      { filename: pdf.filename, contentType: "application/pdf", content: pdf.body },
    ],
  };
}

export async function renderWelcome(locale: AppLocale, payload: EmailPayloads["welcome"]): Promise<RenderedEmail> {
  return { subject: welcomeSubject(locale), ...(await html(<WelcomeEmail {...payload} locale={locale} />)), attachments: [] };
}

export async function renderMagicLink(locale: AppLocale, payload: EmailPayloads["magic-link"]): Promise<RenderedEmail> {
  return { subject: magicLinkSubject(locale), ...(await html(<MagicLinkEmail {...payload} locale={locale} />)), attachments: [] };
}

export async function renderPasswordSet(locale: AppLocale, payload: EmailPayloads["password-set"]): Promise<RenderedEmail> {
  return { subject: passwordSetSubject(locale), ...(await html(<PasswordSetEmail {...payload} locale={locale} />)), attachments: [] };
}

export async function renderEmailChange(locale: AppLocale, payload: EmailPayloads["email-change"]): Promise<RenderedEmail> {
  return { subject: emailChangeSubject(locale), ...(await html(<EmailChangeEmail {...payload} locale={locale} />)), attachments: [] };
}

export async function renderEmailChanged(locale: AppLocale, payload: EmailPayloads["email-changed"]): Promise<RenderedEmail> {
  return { subject: emailChangedSubject(locale), ...(await html(<EmailChangedEmail {...payload} locale={locale} />)), attachments: [] };
}

/** Replies go to the organizer, who wrote the message, not to our no-reply sender. */
export async function renderOrganizerMessage(locale: AppLocale, payload: EmailPayloads["organizer-message"]): Promise<RenderedEmail> {
  return {
    subject: organizerMessageSubject(locale, payload),
    ...(await html(<OrganizerMessageEmail {...payload} locale={locale} />)),
    attachments: [],
    replyTo: payload.replyTo,
  };
}

export async function renderOrderMoved(locale: AppLocale, payload: EmailPayloads["order-moved"]): Promise<RenderedEmail> {
  return { subject: orderMovedSubject(locale, payload), ...(await html(<OrderMovedEmail {...payload} locale={locale} />)), attachments: [] };
}

export async function renderOrderCorrection(locale: AppLocale, payload: EmailPayloads["order-correction"]): Promise<RenderedEmail> {
  return {
    subject: orderCorrectionSubject(locale, payload),
    ...(await html(<OrderCorrectionEmail {...payload} locale={locale} />)),
    attachments: [],
  };
}

/** The subject alone, without rendering the body, QR codes or PDF (for lists of emails). */
export function outboxEmailSubject(email: Pick<OutboxEmail, "template" | "locale" | "payload">): string {
  if (!isEmailTemplate(email.template)) throw new Error(`unknown email template ${email.template}`);
  switch (email.template) {
    case "order-confirmation":
      return orderConfirmationSubject(email.locale, email.payload as EmailPayloads["order-confirmation"]);
    case "welcome":
      return welcomeSubject(email.locale);
    case "magic-link":
      return magicLinkSubject(email.locale);
    case "password-set":
      return passwordSetSubject(email.locale);
    case "email-change":
      return emailChangeSubject(email.locale);
    case "email-changed":
      return emailChangedSubject(email.locale);
    case "organizer-message":
      return organizerMessageSubject(email.locale, email.payload as EmailPayloads["organizer-message"]);
    case "order-moved":
      return orderMovedSubject(email.locale, email.payload as EmailPayloads["order-moved"]);
    case "order-correction":
      return orderCorrectionSubject(email.locale, email.payload as EmailPayloads["order-correction"]);
  }
}

export async function renderOutboxEmail(
  email: Pick<OutboxEmail, "template" | "locale" | "payload">,
  options?: { inlineImages: "cid" | "data-url" },
): Promise<RenderedEmail> {
  if (!isEmailTemplate(email.template)) throw new Error(`unknown email template ${email.template}`);
  switch (email.template) {
    case "order-confirmation":
      return renderOrderConfirmation(email.locale, email.payload as EmailPayloads["order-confirmation"], options);
    case "welcome":
      return renderWelcome(email.locale, email.payload as EmailPayloads["welcome"]);
    case "magic-link":
      return renderMagicLink(email.locale, email.payload as EmailPayloads["magic-link"]);
    case "password-set":
      return renderPasswordSet(email.locale, email.payload as EmailPayloads["password-set"]);
    case "email-change":
      return renderEmailChange(email.locale, email.payload as EmailPayloads["email-change"]);
    case "email-changed":
      return renderEmailChanged(email.locale, email.payload as EmailPayloads["email-changed"]);
    case "organizer-message":
      return renderOrganizerMessage(email.locale, email.payload as EmailPayloads["organizer-message"]);
    case "order-moved":
      return renderOrderMoved(email.locale, email.payload as EmailPayloads["order-moved"]);
    case "order-correction":
      return renderOrderCorrection(email.locale, email.payload as EmailPayloads["order-correction"]);
  }
}
