import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { db } from "@/lib/db/client";
import type { EmailPayloads, EmailTemplate } from "@/lib/outbox/templates";
import { deliverDueEmails } from "@/lib/outbox/sender";
import { mailboxTransport } from "@/lib/outbox/transport";
import { emailRegistry, emailTemplates } from "@/emails/registry";
import { EmailPayloadError, outboxEmailSubject, renderEmail, renderOutboxEmail } from "@/emails/render";
import { EmailChangeEmail } from "@/emails/email-change";
import { EmailChangedEmail } from "@/emails/email-changed";
import { MagicLinkEmail } from "@/emails/magic-link";
import { MyTicketsEmail } from "@/emails/my-tickets";
import { RefundBuyerEmail } from "@/emails/refund-buyer";
import { RefundOrganizerEmail } from "@/emails/refund-organizer";
import { RefundFailedOrganizerEmail } from "@/emails/refund-failed-organizer";
import { OrderConfirmationEmail } from "@/emails/order-confirmation";
import { OrderCorrectionEmail } from "@/emails/order-correction";
import { OrderMovedEmail } from "@/emails/order-moved";
import { OrganizerMessageEmail } from "@/emails/organizer-message";
import { PasswordSetEmail } from "@/emails/password-set";
import { TicketPassedOnEmail } from "@/emails/ticket-passed-on";
import { TicketReceivedEmail } from "@/emails/ticket-received";
import { WelcomeEmail } from "@/emails/welcome";
import { WaitingListJoinedEmail } from "@/emails/waiting-list-joined";
import { WaitingListOfferEmail } from "@/emails/waiting-list-offer";
import { EventCancelledEmail } from "@/emails/event-cancelled";
import { WaitingListCancelledEmail } from "@/emails/waiting-list-cancelled";
import { EventReminderEmail } from "@/emails/event-reminder";

useTestDatabase();

function withoutLocale<T extends { locale: string }>({ locale: _locale, ...payload }: T): Omit<T, "locale"> {
  return payload;
}

// A valid payload per template; a template added to the registry without one here fails to compile.
const { qrSrc: _qrSrc, ...orderConfirmation } = withoutLocale(OrderConfirmationEmail.PreviewProps);
const { qrSrc: _ticketQrSrc, ...ticketReceived } = withoutLocale(TicketReceivedEmail.PreviewProps);
const validPayloads: { [K in EmailTemplate]: EmailPayloads[K] } = {
  "order-confirmation": orderConfirmation,
  welcome: withoutLocale(WelcomeEmail.PreviewProps),
  "magic-link": withoutLocale(MagicLinkEmail.PreviewProps),
  "password-set": withoutLocale(PasswordSetEmail.PreviewProps),
  "email-change": withoutLocale(EmailChangeEmail.PreviewProps),
  "email-changed": withoutLocale(EmailChangedEmail.PreviewProps),
  "organizer-message": withoutLocale(OrganizerMessageEmail.PreviewProps),
  "order-moved": withoutLocale(OrderMovedEmail.PreviewProps),
  "order-correction": withoutLocale(OrderCorrectionEmail.PreviewProps),
  "ticket-received": ticketReceived,
  "ticket-passed-on": withoutLocale(TicketPassedOnEmail.PreviewProps),
  "my-tickets": withoutLocale(MyTicketsEmail.PreviewProps),
  "refund-buyer": withoutLocale(RefundBuyerEmail.PreviewProps),
  "refund-organizer": withoutLocale(RefundOrganizerEmail.PreviewProps),
  "refund-failed-organizer": withoutLocale(RefundFailedOrganizerEmail.PreviewProps),
  "waiting-list-joined": withoutLocale(WaitingListJoinedEmail.PreviewProps),
  "waiting-list-offer": withoutLocale(WaitingListOfferEmail.PreviewProps),
  "event-cancelled": withoutLocale(EventCancelledEmail.PreviewProps),
  "waiting-list-cancelled": withoutLocale(WaitingListCancelledEmail.PreviewProps),
  "event-reminder": withoutLocale(EventReminderEmail.PreviewProps),
};

describe("emailRegistry", () => {
  it("has a schema, a component and a subject for every template", () => {
    expect(Object.keys(validPayloads).sort()).toEqual([...emailTemplates].sort());
    for (const template of emailTemplates) {
      expect(emailRegistry[template].schema.safeParse(validPayloads[template]).success).toBe(true);
    }
  });

  it.each(emailTemplates.flatMap((template) => (["sv", "en"] as const).map((locale) => [template, locale] as const)))(
    "renders %s in %s from a payload stored as JSON",
    async (template, locale) => {
      const payload = JSON.parse(JSON.stringify(validPayloads[template]));
      const email = await renderOutboxEmail({ template, locale, payload });
      expect(email.subject.length).toBeGreaterThan(0);
      expect(email.subject).toBe(outboxEmailSubject({ template, locale, payload }));
      expect(email.html).toContain(`lang="${locale}"`);
      expect(email.text.trim().length).toBeGreaterThan(0);
    },
  );
});

describe("renderOutboxEmail with a payload that fails its schema", () => {
  it.each(emailTemplates.map((template) => [template]))("refuses an empty %s payload", async (template) => {
    await expect(renderOutboxEmail({ template, locale: "sv", payload: {} })).rejects.toThrow(EmailPayloadError);
    expect(() => outboxEmailSubject({ template, locale: "sv", payload: null })).toThrow(EmailPayloadError);
  });

  it("names the field and the problem, but not the value", async () => {
    const payload = { ...validPayloads["order-moved"], movedBy: "a stranger", orderNumber: 12345 };
    const refusal = renderEmail("order-moved", "en", payload);
    await expect(refusal).rejects.toThrow(/^payload of email template order-moved does not match its schema: .*orderNumber: .*movedBy: /);
    await expect(refusal).rejects.not.toThrow(/a stranger|12345/);
  });

  it("refuses a template that is not registered", async () => {
    await expect(renderOutboxEmail({ template: "newsletter", locale: "sv", payload: {} })).rejects.toThrow(
      "unknown email template newsletter",
    );
  });
});

describe(`deliverDueEmails with a payload that fails its schema (${databaseKind})`, () => {
  it("sends nothing and records why, like any other failed attempt", async () => {
    const row = await db.outboxEmail.create({
      data: { template: "welcome", to: "asa@example.se", locale: "sv", payload: { name: "Åsa" } },
    });
    const options = {
      transport: mailboxTransport(),
      render: renderOutboxEmail,
      from: "Biljett <biljetter@biljett.test>",
      messageIdDomain: "biljett.test",
    };

    expect(await deliverDueEmails(options)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const after = await db.outboxEmail.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.status).toBe("PENDING");
    expect(after.lastError).toContain("EmailPayloadError: payload of email template welcome does not match its schema: setPasswordUrl:");
  });
});
