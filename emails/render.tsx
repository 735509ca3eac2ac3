// Turns an outbox row into the email a recipient receives: subject, HTML, plain text and
// attachments. What each template needs is in emails/registry.ts; the stored payload is parsed
// with its template's schema first, so a row that does not fit fails here, clearly.
import { render, toPlainText } from "react-email";
import type { OutboxEmail } from "../lib/db/types";
import { env } from "../lib/env";
import type { AppLocale } from "../lib/i18n/locales";
import { localizeSiteLinks } from "../lib/i18n/email-links";
import type { EmailPayloads, EmailTemplate, RenderedEmail } from "../lib/outbox/templates";
import { emailRegistry, isEmailTemplate, type RenderOptions } from "./registry";

/** An outbox row whose payload does not match its template's schema: retrying will not help. */
export class EmailPayloadError extends Error {
  constructor(template: string, issues: { path: PropertyKey[]; message: string }[]) {
    // Paths and zod's messages only: never the values, which may be personal data.
    const problems = issues.map((issue) => `${issue.path.map(String).join(".") || "payload"}: ${issue.message}`).join("; ");
    super(`payload of email template ${template} does not match its schema: ${problems}`);
    this.name = "EmailPayloadError";
  }
}

type StoredEmail = Pick<OutboxEmail, "template" | "locale" | "payload">;

function parsePayload<K extends EmailTemplate>(template: K, payload: unknown): EmailPayloads[K] {
  const result = emailRegistry[template].schema.safeParse(payload);
  if (!result.success) throw new EmailPayloadError(template, result.error.issues);
  return result.data;
}

function templateOf(email: StoredEmail): EmailTemplate {
  if (!isEmailTemplate(email.template)) throw new Error(`unknown email template ${email.template}`);
  return email.template;
}

/** Renders one template from a payload, which is checked against the template's schema. */
export async function renderEmail<K extends EmailTemplate>(
  template: K,
  locale: AppLocale,
  payload: unknown,
  options: RenderOptions = { inlineImages: "cid" },
): Promise<RenderedEmail> {
  const definition = emailRegistry[template];
  // Links are stored as plain addresses; they open in the reader's language.
  const data = localizeSiteLinks(parsePayload(template, payload), env().SITE_URL, locale);
  const { element, attachments } = await definition.body(locale, data, options);
  const html = await render(element);
  const replyTo = definition.replyTo?.(data);
  return {
    subject: definition.subject(locale, data),
    html,
    text: toPlainText(html),
    attachments,
    ...(replyTo ? { replyTo } : {}),
  };
}

export function renderOrderConfirmation(
  locale: AppLocale,
  payload: EmailPayloads["order-confirmation"],
  options?: RenderOptions,
): Promise<RenderedEmail> {
  return renderEmail("order-confirmation", locale, payload, options);
}

export function renderWelcome(locale: AppLocale, payload: EmailPayloads["welcome"]): Promise<RenderedEmail> {
  return renderEmail("welcome", locale, payload);
}

export function renderMagicLink(locale: AppLocale, payload: EmailPayloads["magic-link"]): Promise<RenderedEmail> {
  return renderEmail("magic-link", locale, payload);
}

export function renderPasswordSet(locale: AppLocale, payload: EmailPayloads["password-set"]): Promise<RenderedEmail> {
  return renderEmail("password-set", locale, payload);
}

export function renderOrganizerMessage(locale: AppLocale, payload: EmailPayloads["organizer-message"]): Promise<RenderedEmail> {
  return renderEmail("organizer-message", locale, payload);
}

/** The subject alone, without rendering the body, QR codes or PDF (for lists of emails). */
export function outboxEmailSubject(email: StoredEmail): string {
  return subjectOf(templateOf(email), email.locale, email.payload);
}

function subjectOf<K extends EmailTemplate>(template: K, locale: AppLocale, payload: unknown): string {
  return emailRegistry[template].subject(locale, parsePayload(template, payload));
}

export async function renderOutboxEmail(email: StoredEmail, options?: RenderOptions): Promise<RenderedEmail> {
  return renderEmail(templateOf(email), email.locale, email.payload, options);
}
