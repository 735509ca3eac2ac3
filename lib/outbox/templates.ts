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

export type EmailPayloads = {
  "order-confirmation": OrderConfirmationPayload;
  welcome: WelcomePayload;
};

export type EmailTemplate = keyof EmailPayloads;

export const emailTemplates = ["order-confirmation", "welcome"] as const satisfies readonly EmailTemplate[];

export function isEmailTemplate(value: string): value is EmailTemplate {
  return (emailTemplates as readonly string[]).includes(value);
}

export type RenderedEmail = {
  subject: string;
  html: string;
  text: string;
  attachments: { filename: string; contentType: string; content: Buffer; cid?: string }[];
};
