// The emails the app sends, and what each needs to be rendered. The payload is a snapshot
// taken when the email is queued, so a later edit (an event renamed) does not rewrite history.

export type OrderConfirmationPayload = {
  orderNumber: string;
  buyerName: string;
  organizerName: string;
  event: {
    title: string;
    venue: string;
    city: string;
    startsAt: string;
    endsAt: string;
    timeZone: string;
  };
  lines: { name: string; quantity: number; unitPriceMinor: number }[];
  tickets: { code: string; typeName: string }[];
  totalMinor: number;
  currency: string;
  orderUrl: string;
};

export type WelcomePayload = {
  name: string;
  setPasswordUrl: string;
};

/** A single-use sign-in link (the raw token is only in the link, never stored elsewhere). */
export type MagicLinkPayload = {
  url: string;
  expiresInMinutes: number;
};

/** Tells the owner of an account that its password was set or changed. */
export type PasswordSetPayload = {
  name: string | null;
  /** When it happened, ISO 8601 UTC. */
  setAt: string;
  /** Where to go if it was not them: signing in by email link lets them choose a new one. */
  signInUrl: string;
};

/** Sent to the new address when a signed-in user asks to change their email. */
export type EmailChangePayload = {
  name: string | null;
  newEmail: string;
  /** Single-use link; the change happens only when it is followed. */
  confirmUrl: string;
  expiresInMinutes: number;
};

/** Sent to the old address after the change is confirmed, so a hijack does not go unnoticed. */
export type EmailChangedPayload = {
  name: string | null;
  newEmail: string;
  /** When it happened, ISO 8601 UTC. */
  changedAt: string;
  signInUrl: string;
};

/** "Important information" from an organizer to one ticket holder of an event. */
export type OrganizerMessagePayload = {
  organizerName: string;
  /** Where replies should go: the organizer's contact address. */
  replyTo: string;
  buyerName: string;
  orderNumber: string;
  event: { title: string; startsAt: string; endsAt: string; timeZone: string; venue: string; city: string };
  subject: string;
  /** Plain text as the organizer wrote it; paragraphs are separated by blank lines. */
  body: string;
  orderUrl: string;
};

/**
 * To the address an order was moved away from. Deliberately no link to the tickets and no new
 * address: the old mailbox may be a stranger's.
 */
export type OrderMovedPayload = {
  orderNumber: string;
  eventTitle: string;
  organizerName: string;
  /** At whose request: the buyer (a correction or a claim) or the organizer. */
  movedBy: "buyer" | "organizer";
};

/** To the address a buyer asked, from the browser that bought the order, to move it to. */
export type OrderCorrectionPayload = {
  buyerName: string;
  orderNumber: string;
  eventTitle: string;
  /** Single-use link; the order moves only when it is followed. */
  confirmUrl: string;
  expiresInMinutes: number;
};

export type EmailPayloads = {
  "order-confirmation": OrderConfirmationPayload;
  welcome: WelcomePayload;
  "magic-link": MagicLinkPayload;
  "password-set": PasswordSetPayload;
  "email-change": EmailChangePayload;
  "email-changed": EmailChangedPayload;
  "organizer-message": OrganizerMessagePayload;
  "order-moved": OrderMovedPayload;
  "order-correction": OrderCorrectionPayload;
};

export type EmailTemplate = keyof EmailPayloads;

export const emailTemplates = ["order-confirmation", "welcome", "magic-link", "password-set", "email-change", "email-changed", "organizer-message", "order-moved", "order-correction"] as const satisfies readonly EmailTemplate[];

/**
 * The payload field of each template that holds a secret link. Once such an email has left
 * for a real mail server, the copy in the outbox is blanked; only the recipient keeps it.
 * (The demo's mailbox shows the outbox itself, so there the link stays.)
 */
export const secretLinkFields: Partial<Record<EmailTemplate, string>> = {
  "magic-link": "url",
  welcome: "setPasswordUrl",
  "email-change": "confirmUrl",
  "order-correction": "confirmUrl",
};

export function withoutSecretLink(template: string, payload: unknown): object | null {
  const field = isEmailTemplate(template) ? secretLinkFields[template] : undefined;
  if (!field || typeof payload !== "object" || payload === null) return null;
  return { ...(payload as Record<string, unknown>), [field]: "" };
}

export function isEmailTemplate(value: string): value is EmailTemplate {
  return (emailTemplates as readonly string[]).includes(value);
}

export type RenderedEmail = {
  subject: string;
  html: string;
  text: string;
  attachments: { filename: string; contentType: string; content: Buffer; cid?: string }[];
  /** Where replies go, when not to the sender (an organizer's own address). */
  replyTo?: string;
};
