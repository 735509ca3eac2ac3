import { randomUUID } from "node:crypto";
import { createTranslator } from "next-intl";
import { databaseKind, describeOnPostgres, useTestDatabase } from "../helpers/test-db";
import { createEvent } from "../helpers/fixtures";
import { createOrder, createUser, eventIn } from "./fixtures";
import { resolveStoredEmail } from "@/emails/registry";
import { db } from "@/lib/db/client";
import { messages } from "@/lib/i18n/messages";
import { placeOrder } from "@/lib/orders/place-order";
import { testPaymentProvider } from "@/lib/payments/test-provider";
import { RESEND_TICKETS_LIMIT, resendOrderTickets } from "@/lib/tickets/resend-tickets";

useTestDatabase();

const key = () => randomUUID();

describe(`resendOrderTickets (${databaseKind})`, () => {
  it("queues exactly one confirmation to the account's current address when the same form is posted twice", async () => {
    const user = await createUser();
    const event = await eventIn(5, "Höstbal");
    const order = await createOrder({ ...event, userId: user.id, buyerEmail: "gammal.adress@example.se" });
    const requestKey = key();

    const first = await resendOrderTickets({ userId: user.id, orderId: order.id, requestKey, locale: "en" });
    const second = await resendOrderTickets({ userId: user.id, orderId: order.id, requestKey, locale: "en" });
    expect(first).toEqual({ ok: true, to: user.email });
    expect(second).toEqual({ ok: true, to: user.email });

    const queued = await db.outboxEmail.findMany({ where: { template: "order-confirmation", to: user.email } });
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ locale: "en", status: "PENDING", toName: "Kim Kund" });
    const payload = queued[0].payload as { orderNumber: string; tickets: { code: string }[] };
    expect(payload.orderNumber).toBe(order.number);
    expect(payload.tickets.map((ticket) => ticket.code).sort()).toEqual(order.tickets.map((ticket) => ticket.code).sort());
    expect(await db.outboxEmail.count({ where: { to: "gammal.adress@example.se" } })).toBe(0);
  });

  it("sends again for a new click, up to the limit, then says how long to wait", async () => {
    const user = await createUser();
    const event = await eventIn(5);
    const order = await createOrder({ ...event, userId: user.id, buyerEmail: user.email });
    const now = new Date();
    for (let i = 0; i < RESEND_TICKETS_LIMIT.limit; i++) {
      expect(await resendOrderTickets({ userId: user.id, orderId: order.id, requestKey: key(), locale: "sv", now })).toMatchObject({
        ok: true,
      });
    }
    const refused = await resendOrderTickets({ userId: user.id, orderId: order.id, requestKey: key(), locale: "sv", now });
    expect(refused).toEqual({ ok: false, error: "rate_limited", retryAfterMinutes: 60 });
    expect(await db.outboxEmail.count({ where: { to: user.email } })).toBe(RESEND_TICKETS_LIMIT.limit);

    // An hour later the window has passed.
    const later = new Date(now.getTime() + RESEND_TICKETS_LIMIT.windowMs + 1);
    expect(await resendOrderTickets({ userId: user.id, orderId: order.id, requestKey: key(), locale: "sv", now: later })).toMatchObject({
      ok: true,
    });
  });

  it("refuses another user's order as not found and queues nothing", async () => {
    const user = await createUser();
    const other = await createUser();
    const event = await eventIn(5);
    const theirs = await createOrder({ ...event, userId: other.id, buyerEmail: other.email });
    expect(await resendOrderTickets({ userId: user.id, orderId: theirs.id, requestKey: key(), locale: "sv" })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await db.outboxEmail.count({ where: { OR: [{ to: user.email }, { to: other.email }] } })).toBe(0);
  });

  it("sends nothing for a cancelled order", async () => {
    const user = await createUser();
    const event = await eventIn(5);
    const order = await createOrder({ ...event, userId: user.id, buyerEmail: user.email, status: "CANCELLED" });
    expect(await resendOrderTickets({ userId: user.id, orderId: order.id, requestKey: key(), locale: "sv" })).toEqual({
      ok: false,
      error: "not_paid",
    });
    expect(await db.outboxEmail.count({ where: { to: user.email } })).toBe(0);
  });

  it("sends the same confirmation checkout sent, ticket for ticket", async () => {
    const email = `greta-${randomUUID().slice(0, 8)}@example.se`;
    const { event, ticketTypes } = await createEvent({
      ticketTypes: [
        { name: "Parkett", priceMinor: 30_000 },
        { name: "Balkong", priceMinor: 20_000 },
      ],
    });
    const placed = await placeOrder(
      {
        eventId: event.id,
        items: [
          { ticketTypeId: ticketTypes[1].id, quantity: 1 },
          { ticketTypeId: ticketTypes[0].id, quantity: 2 },
        ],
        buyer: { name: "Greta Gustafsson", email },
        marketingOptIn: false,
        locale: "sv",
        idempotencyKey: randomUUID(),
        card: { number: "4242424242424242", expiry: "12/30", cvc: "123" },
      },
      { provider: testPaymentProvider() },
    );
    if (!placed.ok) throw new Error(placed.refusal);
    const original = await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `order-confirmation:${placed.orderId}` } });
    const user = await db.user.findUniqueOrThrow({ where: { email } });

    expect(await resendOrderTickets({ userId: user.id, orderId: placed.orderId, requestKey: key(), locale: "sv" })).toMatchObject({
      ok: true,
    });
    const resent = await db.outboxEmail.findFirstOrThrow({ where: { dedupeKey: { startsWith: `order-resend:${placed.orderId}:` } } });
    // Tickets of one type made in the same statement have no order among themselves.
    type Payload = { tickets: { code: string; typeName: string }[] };
    const byCode = (payload: unknown) => {
      const { tickets, ...rest } = payload as Payload;
      return { ...rest, tickets: [...tickets].sort((a, b) => a.typeName.localeCompare(b.typeName) || a.code.localeCompare(b.code)) };
    };
    // Checkout's own confirmation names its order; the sender reads it as resolveStoredEmail does.
    expect(byCode(resent.payload)).toEqual(byCode((await resolveStoredEmail(original)).payload));
    expect((resent.payload as Payload).tickets.map((ticket) => ticket.typeName)).toEqual(["Parkett", "Parkett", "Balkong"]);
  });
});

describeOnPostgres("resendOrderTickets under concurrency", () => {
  it("queues one email when a double click posts the same form twice at once", async () => {
    const user = await createUser();
    const event = await eventIn(5);
    const order = await createOrder({ ...event, userId: user.id, buyerEmail: user.email });
    const requestKey = key();
    const results = await Promise.all(
      Array.from({ length: 2 }, () => resendOrderTickets({ userId: user.id, orderId: order.id, requestKey, locale: "sv" })),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await db.outboxEmail.count({ where: { to: user.email } })).toBe(1);
  });
});

describe("the rate limit's message", () => {
  it("tells the buyer in their language how long to wait", () => {
    const sv = createTranslator({ locale: "sv", messages: messages.sv, namespace: "Tickets.resend" });
    const en = createTranslator({ locale: "en", messages: messages.en, namespace: "Tickets.resend" });
    expect(sv("rateLimited", { minutes: 42 })).toContain("Försök igen om 42 minuter.");
    expect(sv("rateLimited", { minutes: 1 })).toContain("om 1 minut.");
    expect(en("rateLimited", { minutes: 42 })).toContain("try again in 42 minutes.");
  });
});
