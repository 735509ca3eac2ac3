// One support route, said the same way everywhere: every email footer names who answers what.
// Emails about an order answer to its organizer (Reply-To, and the footer says so); account
// emails name the site's support (SUPPORT_EMAIL) and carry no Reply-To.
import { databaseKind, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { createTranslator } from "next-intl";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";
import { createEvent } from "../helpers/fixtures";
import { paidOrder } from "../organizer/helpers";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { messages } from "@/lib/i18n/messages";
import { enqueueEmails } from "@/lib/outbox/queue";
import { deliverDueEmails } from "@/lib/outbox/sender";
import { smtpTransport, type MailTransport } from "@/lib/outbox/transport";
import { renderOutboxEmail } from "@/emails/render";
import { emailTemplates, resolveStoredEmail, type EmailTemplate } from "@/emails/registry";
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

function payloadOf<P extends { locale: string }>(preview: P): Omit<P, "locale"> {
  const { locale: _locale, ...payload } = preview;
  return payload;
}

const previews: Record<EmailTemplate, object> = {
  "order-confirmation": payloadOf(OrderConfirmationEmail.PreviewProps),
  welcome: payloadOf(WelcomeEmail.PreviewProps),
  "magic-link": payloadOf(MagicLinkEmail.PreviewProps),
  "password-set": payloadOf(PasswordSetEmail.PreviewProps),
  "email-change": payloadOf(EmailChangeEmail.PreviewProps),
  "email-changed": payloadOf(EmailChangedEmail.PreviewProps),
  "organizer-message": payloadOf(OrganizerMessageEmail.PreviewProps),
  "order-moved": payloadOf(OrderMovedEmail.PreviewProps),
  "order-correction": payloadOf(OrderCorrectionEmail.PreviewProps),
  "ticket-received": payloadOf(TicketReceivedEmail.PreviewProps),
  "ticket-passed-on": payloadOf(TicketPassedOnEmail.PreviewProps),
  "my-tickets": payloadOf(MyTicketsEmail.PreviewProps),
  "refund-buyer": payloadOf(RefundBuyerEmail.PreviewProps),
  "refund-organizer": payloadOf(RefundOrganizerEmail.PreviewProps),
  "refund-failed-organizer": payloadOf(RefundFailedOrganizerEmail.PreviewProps),
  "waiting-list-joined": payloadOf(WaitingListJoinedEmail.PreviewProps),
  "waiting-list-offer": payloadOf(WaitingListOfferEmail.PreviewProps),
  "event-cancelled": payloadOf(EventCancelledEmail.PreviewProps),
  "waiting-list-cancelled": payloadOf(WaitingListCancelledEmail.PreviewProps),
  "event-reminder": payloadOf(EventReminderEmail.PreviewProps),
};

// "my-tickets" lists orders of several organizers and goes only to the account's own address;
// the waiting list's emails come from the site (nobody reads replies), as the account emails do.
const ACCOUNT: EmailTemplate[] = [
  "welcome",
  "magic-link",
  "password-set",
  "email-change",
  "email-changed",
  "my-tickets",
  "refund-organizer",
  "refund-failed-organizer",
  "waiting-list-joined",
  "waiting-list-offer",
];
const ORDER: EmailTemplate[] = [
  "order-confirmation",
  "organizer-message",
  "order-moved",
  "order-correction",
  "ticket-received",
  "ticket-passed-on",
  "refund-buyer",
  "event-cancelled",
  "waiting-list-cancelled",
  "event-reminder",
];

/** The help page's and the order page's sentences, as plain text. */
function support(locale: "sv" | "en") {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "Support" });
  return {
    site: t.markup("site", { email: env().SUPPORT_EMAIL, mail: (chunks) => chunks }),
    reply: (organizer: string) => t("organizerReply", { organizer }),
    contact: (organizer: string) => t("organizerContact", { organizer }),
  };
}

const organizerOf = (payload: object) => (payload as { organizerName: string }).organizerName;

describe("email footers", () => {
  it("cover every template, each either about an account or about an order", () => {
    expect([...ACCOUNT, ...ORDER].sort()).toEqual([...emailTemplates].sort());
  });

  it.each(ACCOUNT.flatMap((template) => (["sv", "en"] as const).map((locale) => [template, locale] as const)))(
    "%s (%s) names the site's support address and has no Reply-To",
    async (template, locale) => {
      const email = await renderOutboxEmail({ template, locale, payload: previews[template] });
      expect(email.text).toContain(support(locale).site);
      expect(email.html).toContain(`href="mailto:${env().SUPPORT_EMAIL}"`);
      expect(email.replyTo).toBeUndefined();
    },
  );

  it.each(ORDER.flatMap((template) => (["sv", "en"] as const).map((locale) => [template, locale] as const)))(
    "%s (%s) answers to the organizer, says that replying reaches them, and names the site's support too",
    async (template, locale) => {
      const payload = previews[template];
      const email = await renderOutboxEmail({ template, locale, payload });
      expect(email.replyTo).toBe((payload as { replyTo: string }).replyTo);
      expect(email.text).toContain(support(locale).reply(organizerOf(payload)));
      expect(email.text).toContain(support(locale).site);
    },
  );

  it("says the same sentences in Swedish as the help page: replying reaches the organizer, the site's support at its address", async () => {
    const email = await renderOutboxEmail({ template: "order-confirmation", locale: "sv", payload: previews["order-confirmation"] });
    expect(email.text).toContain(
      "Frågor om evenemanget eller din beställning: svara på det här mejlet, så når du Konserthuset i Göteborg.",
    );
    expect(email.text).toContain(
      `Frågor om ditt konto, inloggningen eller en betalning: skriv till Biljetts support på ${env().SUPPORT_EMAIL}.`,
    );
  });

  it("does not promise that replying works for a row queued before it carried the organizer's address", async () => {
    const { replyTo: _replyTo, ...older } = previews["order-moved"] as { replyTo: string };
    const email = await renderOutboxEmail({ template: "order-moved", locale: "sv", payload: older });
    expect(email.replyTo).toBeUndefined();
    expect(email.text).toContain(support("sv").contact("Stockholms Kammarkör"));
    expect(email.text).not.toContain("svara på det här mejlet");
  });
});

describe(`order emails over SMTP (${databaseKind})`, () => {
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    transport = smtpTransport(smtp.url);
  });
  afterAll(async () => {
    transport.close();
    await smtp.close();
  });
  beforeEach(async () => {
    await db.outboxEmail.deleteMany();
    smtp.received.length = 0;
  });

  const send = () =>
    deliverDueEmails({
      transport,
      // As lib/outbox/in-app.ts and the worker do: a checkout's row names its order.
      render: async (email) => renderOutboxEmail(await resolveStoredEmail(email)),
      from: "Biljett <biljetter@biljett.test>",
      messageIdDomain: "biljett.test",
    });

  it("a checkout's confirmation arrives with the organizer's contact address as Reply-To, else the organizer's own", async () => {
    const { event, ticketTypes, organizerId } = await createEvent();
    await db.organizer.update({ where: { id: organizerId }, data: { contactEmail: "publik@konserthuset.example.se" } });
    const order = await paidOrder({ eventId: event.id, ticketTypeId: ticketTypes[0].id, quantity: 1, unitPriceMinor: 25_000 });
    // As checkout queues it: the order's id, read when the email is sent.
    const reference = { orderId: order.id, buyerEmail: order.buyerEmail };
    await db.$transaction((tx) =>
      enqueueEmails(tx, [{ template: "order-confirmation", to: order.buyerEmail, locale: "sv", payload: reference as never }]),
    );
    expect(await send()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [mail] = await smtp.waitFor(1);
    expect(mail.replyTo?.value.map((address) => address.address)).toEqual(["publik@konserthuset.example.se"]);
    expect(mail.from?.text).toContain("biljetter@biljett.test");
    expect(mail.text).toContain("svara på det här mejlet, så når du");

    const organizer = await db.organizer.update({ where: { id: organizerId }, data: { contactEmail: null } });
    await db.outboxEmail.deleteMany();
    await db.$transaction((tx) =>
      enqueueEmails(tx, [{ template: "order-confirmation", to: order.buyerEmail, locale: "en", payload: reference as never }]),
    );
    expect(await send()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [, second] = await smtp.waitFor(2);
    expect(second.replyTo?.value.map((address) => address.address)).toEqual([organizer.email]);
  });

  it("an account email arrives without a Reply-To", async () => {
    await db.$transaction((tx) =>
      enqueueEmails(tx, [
        { template: "magic-link", to: "asa@example.se", locale: "sv", payload: { url: "http://localhost:3000/x", expiresInMinutes: 15 } },
      ]),
    );
    expect(await send()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [mail] = await smtp.waitFor(1);
    expect(mail.replyTo).toBeUndefined();
    expect(mail.text).toContain(`skriv till Biljetts support på ${env().SUPPORT_EMAIL}`);
  });
});
