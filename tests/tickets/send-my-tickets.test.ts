import type { AddressObject } from "mailparser";
import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";
import { createOrder, createUser, eventIn } from "./fixtures";
import { db } from "@/lib/db/client";
import { isValidOrderKey } from "@/lib/orders/order-links";
import { deliverDueEmails } from "@/lib/outbox/sender";
import { smtpTransport, type MailTransport } from "@/lib/outbox/transport";
import type { MyTicketsPayload } from "@/lib/outbox/templates";
import { renderOutboxEmail } from "@/emails/render";
import { SEND_TICKETS_PER_CLIENT, SEND_TICKETS_PER_EMAIL, sendMyTickets } from "@/lib/tickets/send-my-tickets";

useTestDatabase();

let smtp: TestSmtpServer;
let transport: MailTransport;
let clientCounter = 0;

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
  smtp.recipients.length = 0;
});

/** A client address of its own per test, so limits counted per client do not carry over. */
const freshClient = () => `198.51.100.${++clientCounter}`;
const ask = (email: string, clientAddress = freshClient(), now?: Date) =>
  sendMyTickets({ email, clientAddress, now }, { minDurationMs: 0 });

async function deliver() {
  return deliverDueEmails({
    transport,
    render: (email) => renderOutboxEmail(email),
    from: "Biljett <biljetter@biljett.test>",
    messageIdDomain: "biljett.test",
  });
}

describe(`sendMyTickets (${databaseKind})`, () => {
  it("emails the account's tickets for upcoming events, one signed link per order, over SMTP", async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { locale: "en" } });
    const soon = await eventIn(3, "Vårkonsert");
    const later = await eventIn(20, "Höstbal");
    const over = await eventIn(-2, "Förra veckans konsert");
    const laterOrder = await createOrder({ ...later, userId: user.id, buyerEmail: user.email, quantity: 1 });
    const soonOrder = await createOrder({ ...soon, userId: user.id, buyerEmail: user.email, quantity: 2 });
    await createOrder({ ...over, userId: user.id, buyerEmail: user.email });
    // A cancelled order and a void ticket no longer admit anyone.
    await createOrder({ ...soon, userId: user.id, buyerEmail: user.email, status: "CANCELLED" });
    await db.ticket.update({ where: { id: soonOrder.tickets[0].id }, data: { status: "VOID" } });

    // Typed in another spelling, as people do.
    expect(await ask(`  ${user.email.toUpperCase()} `)).toEqual({ ok: true });

    const [row] = await db.outboxEmail.findMany({ where: { template: "my-tickets" } });
    expect(row).toMatchObject({ to: user.email, toName: "Kim Kund", locale: "en" });
    const payload = row.payload as MyTicketsPayload;
    expect(payload.orders.map((order) => order.orderNumber)).toEqual([soonOrder.number, laterOrder.number]);
    expect(payload.orders[0].tickets).toEqual([{ typeName: "Ståplats", count: 1 }]);
    for (const [order, id] of [
      [payload.orders[0], soonOrder.id],
      [payload.orders[1], laterOrder.id],
    ] as const) {
      const url = new URL(order.orderUrl);
      expect(url.pathname).toBe(`/orders/${id}`);
      expect(isValidOrderKey({ id, buyerEmail: user.email }, url.searchParams.get("key"))).toBe(true);
    }

    expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [mail] = await smtp.waitFor(1);
    expect((mail.to as AddressObject).value).toEqual([{ address: user.email, name: "Kim Kund" }]);
    expect(smtp.recipients).toEqual([[user.email]]);
    expect(mail.subject).toBe("Your tickets on Biljett");
    expect(mail.text).toContain("Vårkonsert");
    expect(mail.text).toContain("Höstbal");
    expect(mail.text).not.toContain("Förra veckans konsert");
    // The English email links to the English order page, still with its key.
    expect(mail.html).toContain(`/en/orders/${soonOrder.id}?key=`);
    expect(mail.replyTo).toBeUndefined();
  });

  it("never sends orders of another account that once had the address, but does send the address's orders left without an account", async () => {
    // Someone bought with this address, then moved their account to a new one; a stranger signed
    // up with the old address afterwards.
    const formerOwner = await createUser();
    const address = formerOwner.email;
    await db.user.update({ where: { id: formerOwner.id }, data: { email: `flyttad-${formerOwner.email}` } });
    const newcomer = await createUser(address);
    const event = await eventIn(10, "Jazzkväll");
    const formerOrder = await createOrder({ ...event, userId: formerOwner.id, buyerEmail: address });
    // An order whose account was deleted, bought with the address in another spelling.
    const unlinked = await createOrder({ ...event, userId: null, buyerEmail: address.toUpperCase() });

    expect(await ask(address)).toEqual({ ok: true });

    const rows = await db.outboxEmail.findMany({ where: { template: "my-tickets" } });
    expect(rows.map((row) => row.to)).toEqual([newcomer.email]);
    const numbers = (rows[0].payload as MyTicketsPayload).orders.map((order) => order.orderNumber);
    expect(numbers).toEqual([unlinked.number]);
    expect(numbers).not.toContain(formerOrder.number);
  });

  it("gives the same answer for an unknown address and for an account without upcoming tickets, and sends nothing", async () => {
    const withoutTickets = await createUser();
    const past = await eventIn(-5);
    await createOrder({ ...past, userId: withoutTickets.id, buyerEmail: withoutTickets.email });

    expect(await ask("ingen.alls@example.se")).toEqual({ ok: true });
    expect(await ask(withoutTickets.email)).toEqual({ ok: true });
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("takes as long for an address with tickets as for one without", async () => {
    const user = await createUser();
    const event = await eventIn(4);
    await createOrder({ ...event, userId: user.id, buyerEmail: user.email });
    const timed = async (email: string) => {
      const started = Date.now();
      await sendMyTickets({ email, clientAddress: freshClient() }, { minDurationMs: 400 });
      return Date.now() - started;
    };
    expect(await timed(user.email)).toBeGreaterThanOrEqual(395);
    expect(await timed("okand@example.se")).toBeGreaterThanOrEqual(395);
  });

  it("names what is wrong with a malformed address and queues nothing", async () => {
    expect(await ask("")).toEqual({ ok: false, reason: "invalid_email", problem: "empty" });
    expect(await ask("Kim <kim@example.se>")).toEqual({ ok: false, reason: "invalid_email", problem: "not_plain" });
    expect(await ask("kim@example")).toEqual({ ok: false, reason: "invalid_email", problem: "invalid" });
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("is limited per address like sign-in links, whoever asks, until the window has passed", async () => {
    const user = await createUser();
    const event = await eventIn(4);
    await createOrder({ ...event, userId: user.id, buyerEmail: user.email });
    const now = new Date();
    for (let i = 0; i < SEND_TICKETS_PER_EMAIL.limit; i++) expect(await ask(user.email, freshClient(), now)).toEqual({ ok: true });
    expect(await ask(user.email, freshClient(), now)).toEqual({
      ok: false,
      reason: "rate_limited",
      retryAfterMs: SEND_TICKETS_PER_EMAIL.windowMs,
    });
    // An unknown address is limited the same way: the answer does not tell them apart.
    const unknown = `okand-${user.id.slice(-8)}@example.se`;
    for (let i = 0; i < SEND_TICKETS_PER_EMAIL.limit; i++) expect(await ask(unknown, freshClient(), now)).toEqual({ ok: true });
    expect(await ask(unknown, freshClient(), now)).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await db.outboxEmail.count({ where: { to: user.email } })).toBe(SEND_TICKETS_PER_EMAIL.limit);

    const later = new Date(now.getTime() + SEND_TICKETS_PER_EMAIL.windowMs + 1);
    expect(await ask(user.email, freshClient(), later)).toEqual({ ok: true });
  });

  it("is limited per client across addresses", async () => {
    const client = freshClient();
    const now = new Date();
    for (let i = 0; i < SEND_TICKETS_PER_CLIENT.limit; i++) expect(await ask(`nummer${i}@example.se`, client, now)).toEqual({ ok: true });
    expect(await ask("en.till@example.se", client, now)).toMatchObject({ ok: false, reason: "rate_limited" });
  });
});
