import { randomUUID } from "node:crypto";
import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { createEvent } from "../helpers/fixtures";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";
import { db } from "@/lib/db/client";
import { placeOrder } from "@/lib/orders/place-order";
import { deliverDueEmails, type SenderOptions } from "@/lib/outbox/sender";
import { smtpTransport, type MailTransport } from "@/lib/outbox/transport";
import { testPaymentProvider } from "@/lib/payments/test-provider";
import { renderOutboxEmail } from "@/emails/render";
import { resolveStoredEmail } from "@/emails/registry";

useTestDatabase();

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
beforeEach(() => {
  smtp.received.length = 0;
  smtp.failing = false;
});

const sender = (): SenderOptions => ({
  transport,
  // As the app's sender does (lib/outbox/in-app.ts): the confirmation names its order, read now.
  render: async (email) => renderOutboxEmail(await resolveStoredEmail(email)),
  from: "Biljett <biljetter@biljett.test>",
  messageIdDomain: "biljett.test",
});

async function buy(email: string) {
  const { event, ticketTypes } = await createEvent({
    title: "Jazz på Glashuset",
    ticketTypes: [{ name: "Ordinarie", priceMinor: 24_000 }],
  });
  const result = await placeOrder(
    {
      eventId: event.id,
      items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }],
      buyer: { name: "Greta Gustafsson", email },
      marketingOptIn: false,
      locale: "sv",
      idempotencyKey: randomUUID(),
      card: { number: "4242424242424242", expiry: "12/30", cvc: "123" },
    },
    { provider: testPaymentProvider() },
  );
  if (!result.ok) throw new Error(result.refusal);
  return result;
}

const recipients = () => smtp.received.map((mail) => (mail.to && "value" in mail.to ? mail.to.value[0].address : ""));

describe(`emails of a purchase (${databaseKind})`, () => {
  it("delivers the confirmation with both tickets and the welcome email over SMTP", async () => {
    const email = `greta-${randomUUID().slice(0, 8)}@example.se`;
    const boughtAt = Date.now();
    const order = await buy(email);
    // Its link is a full sign-in, so it lasts two days, not longer.
    const [link] = await db.verificationToken.findMany({ where: { identifier: email } });
    expect(link.expires.getTime() - boughtAt).toBeGreaterThan(47.9 * 60 * 60_000);
    expect(link.expires.getTime() - boughtAt).toBeLessThanOrEqual(48 * 60 * 60_000 + 60_000);

    await deliverDueEmails(sender());

    const mails = await smtp.waitFor(2);
    const subjects = mails.map((m) => m.subject).sort();
    expect(subjects).toEqual([
      `Dina biljetter till Jazz på Glashuset (order ${order.orderNumber})`,
      "Välkommen till Biljett – dina biljetter finns samlade här",
    ]);
    const confirmation = mails.find((m) => m.subject?.startsWith("Dina biljetter"))!;
    const tickets = await db.ticket.findMany({ where: { orderId: order.orderId } });
    for (const ticket of tickets) expect(confirmation.text).toContain(ticket.code);
    expect(confirmation.attachments.filter((a) => a.contentType === "image/png")).toHaveLength(2);
    expect(confirmation.attachments.some((a) => a.filename === `biljetter-${order.orderNumber}.pdf`)).toBe(true);
    const welcome = mails.find((m) => m.subject?.startsWith("Välkommen"))!;
    expect(welcome.html).toMatch(/href="http:\/\/localhost:3000\/login\/confirm\?token=[0-9a-f]{64}&amp;email=/);
  });

  it("completes the purchase while SMTP is down and sends the emails once it is back", async () => {
    smtp.failing = true;
    const email = `sven-${randomUUID().slice(0, 8)}@example.se`;
    const order = await buy(email);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("PAID");

    await deliverDueEmails(sender());
    expect(smtp.received).toHaveLength(0);
    expect(await db.outboxEmail.count({ where: { to: email, status: "PENDING", attempts: 1 } })).toBe(2);

    smtp.failing = false;
    await db.outboxEmail.updateMany({ where: { to: email }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    await deliverDueEmails(sender());
    await smtp.waitFor(2);
    expect(recipients()).toEqual([email, email]);
  });

  it("sends, once, the emails of a purchase whose server died right after it committed", async () => {
    const email = `nora-${randomUUID().slice(0, 8)}@example.se`;
    // The purchase commits; no sender runs in this "process" (it crashed).
    await buy(email);
    expect(await db.outboxEmail.count({ where: { to: email, status: "PENDING" } })).toBe(2);

    // A sender started later (another server, or the restarted one) finds them.
    await deliverDueEmails(sender());
    await deliverDueEmails(sender());

    await smtp.waitFor(2);
    expect(recipients()).toEqual([email, email]);
    expect(await db.outboxEmail.count({ where: { to: email, status: "SENT" } })).toBe(2);
  });
});
