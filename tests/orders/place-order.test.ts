import { randomUUID } from "node:crypto";
import { databaseKind, describeOnPostgres, useTestDatabase } from "../helpers/test-db";
import { createEvent } from "../helpers/fixtures";
import { db } from "@/lib/db/client";
import { TICKET_CODE_PATTERN } from "@/lib/orders/codes";
import { placeOrder, releaseExpiredHolds, type PlaceOrderInput } from "@/lib/orders/place-order";
import { TEST_CARDS, testPaymentProvider } from "@/lib/payments/test-provider";
import type { RedirectProvider } from "@/lib/payments/provider";

useTestDatabase();

const provider = testPaymentProvider();
const goodCard = { number: "4242 4242 4242 4242", expiry: "12/30", cvc: "123" };

function order(eventId: string, ticketTypeId: string, overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  return {
    eventId,
    items: [{ ticketTypeId, quantity: 2 }],
    buyer: { name: "Kalle Anka", email: `kalle-${randomUUID().slice(0, 8)}@example.se` },
    marketingOptIn: false,
    locale: "sv",
    idempotencyKey: randomUUID(),
    card: goodCard,
    ...overrides,
  };
}

async function counters(ticketTypeId: string) {
  const type = await db.ticketType.findUniqueOrThrow({ where: { id: ticketTypeId } });
  return { sold: type.sold, held: type.held };
}

describe(`placeOrder (${databaseKind})`, () => {
  it("sells two tickets to a guest, creates the account without a password and queues both emails", async () => {
    const { event, ticketTypes } = await createEvent({ ticketTypes: [{ priceMinor: 25_000, capacity: 10 }] });
    const email = `  Åsa.Berg+${randomUUID().slice(0, 6)}@Example.SE `;

    const result = await placeOrder(order(event.id, ticketTypes[0].id, { buyer: { name: " Åsa Berg ", email } }), { provider });

    expect(result).toMatchObject({ ok: true, status: "PAID" });
    if (!result.ok || result.status !== "PAID") throw new Error("unreachable");
    expect(result.confirmationPath).toMatch(new RegExp(`^/orders/${result.orderId}\\?key=`));
    const saved = await db.order.findUniqueOrThrow({ where: { id: result.orderId }, include: { tickets: true, user: true } });
    expect(saved.buyerName).toBe("Åsa Berg");
    expect(saved.buyerEmail).toBe(email.trim());
    expect(saved.user?.email).toBe(email.trim().toLowerCase());
    expect(saved.totalMinor).toBe(50_000);
    expect(saved.cardLast4).toBe("4242");
    expect(saved.cardBrand).toBe("visa");
    expect(saved.tickets).toHaveLength(2);
    expect(saved.tickets.every((t) => TICKET_CODE_PATTERN.test(t.code))).toBe(true);
    expect(new Set(saved.tickets.map((t) => t.code)).size).toBe(2);
    const user = await db.user.findUniqueOrThrow({ where: { id: saved.userId! }, select: { passwordHash: true } });
    expect(user.passwordHash).toBeNull();
    expect(await counters(ticketTypes[0].id)).toEqual({ sold: 2, held: 0 });
    const emails = await db.outboxEmail.findMany({ where: { to: saved.user!.email }, orderBy: { template: "asc" } });
    expect(emails.map((e) => e.template)).toEqual(["order-confirmation", "welcome"]);
    expect(emails.map((e) => e.toName)).toEqual(["Åsa Berg", "Åsa Berg"]);
    const welcome = emails[1].payload as { setPasswordUrl: string };
    expect(welcome.setPasswordUrl).toMatch(/^http:\/\/localhost:3000\/login\/confirm\?token=[0-9a-f]{64}&/);
    expect(await db.verificationToken.count({ where: { identifier: saved.user!.email } })).toBe(1);
  });

  it("ignores anything but the database's prices", async () => {
    const { event, ticketTypes } = await createEvent({ ticketTypes: [{ priceMinor: 19_900 }] });
    const input = { ...order(event.id, ticketTypes[0].id), totalMinor: 1, priceMinor: 1 } as PlaceOrderInput;
    const result = await placeOrder(input, { provider });
    if (!result.ok) throw new Error(result.refusal);
    expect((await db.order.findUniqueOrThrow({ where: { id: result.orderId } })).totalMinor).toBe(39_800);
  });

  it("skips payment for a free order", async () => {
    const { event, ticketTypes } = await createEvent({ ticketTypes: [{ priceMinor: 0 }] });
    const result = await placeOrder(order(event.id, ticketTypes[0].id, { card: undefined }), { provider });
    expect(result).toMatchObject({ ok: true, status: "PAID" });
    expect(await counters(ticketTypes[0].id)).toEqual({ sold: 2, held: 0 });
  });

  it("asks for a card when the order costs money", async () => {
    const { event, ticketTypes } = await createEvent();
    expect(await placeOrder(order(event.id, ticketTypes[0].id, { card: undefined }), { provider })).toEqual({
      ok: false,
      refusal: "card_required",
    });
  });

  it("releases the held tickets when the card is declined, and writes no tickets or emails", async () => {
    const { event, ticketTypes } = await createEvent({ ticketTypes: [{ capacity: 5 }] });
    const input = order(event.id, ticketTypes[0].id, { card: { ...goodCard, number: TEST_CARDS.declined } });

    expect(await placeOrder(input, { provider })).toEqual({ ok: false, refusal: "payment_declined" });

    expect(await counters(ticketTypes[0].id)).toEqual({ sold: 0, held: 0 });
    const failed = await db.order.findFirstOrThrow({ where: { eventId: event.id }, include: { tickets: true } });
    expect(failed).toMatchObject({ status: "FAILED", failureReason: "payment_declined", tickets: [] });
    expect(await db.outboxEmail.count({ where: { to: input.buyer.email } })).toBe(0);
    // The same submission again gets the same answer, not a second charge attempt.
    expect(await placeOrder(input, { provider })).toEqual({ ok: false, refusal: "payment_declined" });
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("releases the held tickets when the payment network fails", async () => {
    const { event, ticketTypes } = await createEvent();
    const input = order(event.id, ticketTypes[0].id, { card: { ...goodCard, number: TEST_CARDS.networkFailure } });
    expect(await placeOrder(input, { provider })).toEqual({ ok: false, refusal: "payment_unavailable" });
    expect(await counters(ticketTypes[0].id)).toEqual({ sold: 0, held: 0 });
  });

  it("creates one order for a resubmitted form and shows the buyer that order", async () => {
    const { event, ticketTypes } = await createEvent();
    const input = order(event.id, ticketTypes[0].id);

    const first = await placeOrder(input, { provider });
    const again = await placeOrder(input, { provider });

    expect(again).toEqual(first);
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(1);
    expect(await counters(ticketTypes[0].id)).toEqual({ sold: 2, held: 0 });
  });

  it("creates one order for a double click (two submissions at once)", async () => {
    const { event, ticketTypes } = await createEvent();
    const input = order(event.id, ticketTypes[0].id);

    const results = await Promise.all([placeOrder(input, { provider }), placeOrder(input, { provider })]);

    expect(results[0].ok && results[1].ok).toBe(true);
    expect(results[0]).toEqual(results[1]);
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(1);
    expect(await counters(ticketTypes[0].id)).toEqual({ sold: 2, held: 0 });
  });

  it("refuses the same idempotency key for a different purchase", async () => {
    const { event, ticketTypes } = await createEvent();
    const input = order(event.id, ticketTypes[0].id);
    await placeOrder(input, { provider });
    const changed = { ...input, items: [{ ticketTypeId: ticketTypes[0].id, quantity: 3 }] };
    expect(await placeOrder(changed, { provider })).toEqual({ ok: false, refusal: "request_conflict" });
  });

  it("refuses the same idempotency key with another card, and charges nothing", async () => {
    const { event, ticketTypes } = await createEvent();
    const input = order(event.id, ticketTypes[0].id);
    const first = await placeOrder(input, { provider });
    expect(first).toMatchObject({ ok: true, status: "PAID" });

    const otherCard = { number: "5555 5555 5555 4444", expiry: "12/30", cvc: "123" };
    expect(await placeOrder({ ...input, card: otherCard }, { provider })).toEqual({ ok: false, refusal: "request_conflict" });
    const otherExpiry = { ...goodCard, expiry: "11/30" };
    expect(await placeOrder({ ...input, card: otherExpiry }, { provider })).toEqual({ ok: false, refusal: "request_conflict" });
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(1);
    expect(await counters(ticketTypes[0].id)).toEqual({ sold: 2, held: 0 });
  });

  it("shows the first order for the same key and the same card typed differently, whatever the CVC", async () => {
    const { event, ticketTypes } = await createEvent();
    const input = order(event.id, ticketTypes[0].id);
    const first = await placeOrder(input, { provider });

    const retyped = { number: " 4242-4242 42424242 ", expiry: "12 / 2030", cvc: "999" };
    expect(await placeOrder({ ...input, card: retyped }, { provider })).toEqual(first);
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("stores no card number in the idempotency record", async () => {
    const { event, ticketTypes } = await createEvent();
    const input = order(event.id, ticketTypes[0].id);
    await placeOrder(input, { provider });
    const row = await db.idempotencyKey.findUniqueOrThrow({ where: { scope_key: { scope: "checkout", key: input.idempotencyKey } } });
    // The record holds a hash of the request and the order id, nothing typed by the buyer.
    // (Matching digits in the whole row would be flaky: the hash, ids and times are random.)
    expect(Object.keys(row).sort()).toEqual(["createdAt", "expiresAt", "key", "requestHash", "result", "scope"]);
    expect(row.requestHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.result).toEqual({ orderId: expect.any(String) });
    expect(JSON.stringify(row)).not.toMatch(/4242 ?4242|cvc|card/i);
  });

  it("refuses the sixth ticket when five are left", async () => {
    const { event, ticketTypes } = await createEvent({ ticketTypes: [{ capacity: 10, sold: 5 }] });
    const input = order(event.id, ticketTypes[0].id, { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 6 }] });
    expect(await placeOrder(input, { provider })).toEqual({ ok: false, refusal: "sold_out", ticketTypeId: ticketTypes[0].id });
    expect(await counters(ticketTypes[0].id)).toEqual({ sold: 5, held: 0 });
  });

  it("refuses more than the per-order limit, nothing at all, and tickets of another event", async () => {
    const { event, ticketTypes } = await createEvent({ ticketTypes: [{ maxPerOrder: 4 }] });
    const other = await createEvent();
    const id = ticketTypes[0].id;
    expect(await placeOrder(order(event.id, id, { items: [{ ticketTypeId: id, quantity: 5 }] }), { provider })).toEqual({
      ok: false,
      refusal: "too_many",
      ticketTypeId: id,
    });
    expect(await placeOrder(order(event.id, id, { items: [{ ticketTypeId: id, quantity: 0 }] }), { provider })).toEqual({
      ok: false,
      refusal: "no_tickets",
    });
    const foreign = order(event.id, other.ticketTypes[0].id);
    expect(await placeOrder(foreign, { provider })).toEqual({ ok: false, refusal: "event_unavailable" });
  });

  it("refuses tickets outside their sale window and for past or unpublished events", async () => {
    const soon = await createEvent({ ticketTypes: [{ salesStartAt: new Date(Date.now() + 86_400_000) }] });
    expect(await placeOrder(order(soon.event.id, soon.ticketTypes[0].id), { provider })).toMatchObject({
      ok: false,
      refusal: "not_on_sale",
    });
    const past = await createEvent({ startsInDays: -3 });
    expect(await placeOrder(order(past.event.id, past.ticketTypes[0].id), { provider })).toEqual({
      ok: false,
      refusal: "event_unavailable",
    });
    const draft = await createEvent({ status: "DRAFT" });
    expect(await placeOrder(order(draft.event.id, draft.ticketTypes[0].id), { provider })).toEqual({
      ok: false,
      refusal: "event_unavailable",
    });
  });

  it("refuses an address that is not a single plain one", async () => {
    const { event, ticketTypes } = await createEvent();
    const input = order(event.id, ticketTypes[0].id, { buyer: { name: "X", email: "a@example.se, b@example.se" } });
    expect(await placeOrder(input, { provider })).toEqual({ ok: false, refusal: "invalid_email" });
  });

  it("links a guest purchase to an existing account with a password without a welcome email or sign-in", async () => {
    const email = `anna-${randomUUID().slice(0, 8)}@example.se`;
    const user = await db.user.create({ data: { email, name: "Anna", passwordHash: "$argon2id$v=19$placeholder" } });
    const { event, ticketTypes } = await createEvent();

    const result = await placeOrder(order(event.id, ticketTypes[0].id, { buyer: { name: "Anna A", email } }), { provider });

    if (!result.ok) throw new Error(result.refusal);
    expect(Object.keys(result).sort()).toEqual(["confirmationPath", "ok", "orderId", "orderNumber", "orderPath", "status"]);
    expect((await db.order.findUniqueOrThrow({ where: { id: result.orderId } })).userId).toBe(user.id);
    expect(await db.outboxEmail.findMany({ where: { to: email }, select: { template: true } })).toEqual([
      { template: "order-confirmation" },
    ]);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Anna");
  });

  it("welcomes an account once, on its first purchase", async () => {
    const email = `nils-${randomUUID().slice(0, 8)}@example.se`;
    const { event, ticketTypes } = await createEvent();
    await placeOrder(order(event.id, ticketTypes[0].id, { buyer: { name: "Nils", email } }), { provider });
    await placeOrder(order(event.id, ticketTypes[0].id, { buyer: { name: "Nils", email } }), { provider });
    expect(await db.outboxEmail.count({ where: { to: email, template: "welcome" } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: email, template: "order-confirmation" } })).toBe(2);
  });

  it("records the organizer's marketing consent only when the box was ticked", async () => {
    const { event, ticketTypes, organizerId } = await createEvent();
    const yes = order(event.id, ticketTypes[0].id, { marketingOptIn: true });
    const no = order(event.id, ticketTypes[0].id, { marketingOptIn: false });
    const before = new Date();
    const paid = await placeOrder(yes, { provider });
    await placeOrder(no, { provider });

    const consents = await db.marketingConsent.findMany({ where: { organizerId } });
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({ email: yes.buyer.email, source: "checkout", withdrawnAt: null });
    expect(consents[0].orderId).toBe(paid.ok ? paid.orderId : null);
    expect(consents[0].givenAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it("leaves no trace when a write late in the transaction fails", async () => {
    const { event, ticketTypes } = await createEvent({ ticketTypes: [{ priceMinor: 0 }] });
    const input = order(event.id, ticketTypes[0].id, { card: undefined });
    // The database refuses the outbox rows, the last writes of the purchase.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION fail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'outbox unavailable'; END; $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER fail_outbox BEFORE INSERT ON "OutboxEmail" FOR EACH ROW EXECUTE FUNCTION fail_outbox()`);
    try {
      await expect(placeOrder(input, { provider })).rejects.toThrow(/outbox unavailable/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER fail_outbox ON "OutboxEmail"`);
      await db.$executeRawUnsafe(`DROP FUNCTION fail_outbox()`);
    }
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(0);
    expect(await db.ticket.count({ where: { eventId: event.id } })).toBe(0);
    expect(await db.user.count({ where: { email: input.buyer.email } })).toBe(0);
    expect(await db.idempotencyKey.count({ where: { key: input.idempotencyKey } })).toBe(0);
    expect(await counters(ticketTypes[0].id)).toEqual({ sold: 0, held: 0 });
  });

  it("puts tickets back on sale when a pending payment times out", async () => {
    const { event, ticketTypes } = await createEvent({ ticketTypes: [{ capacity: 2 }] });
    const redirect: RedirectProvider = {
      id: "redirect-test",
      flow: "redirect",
      async refund(): Promise<never> {
        throw new Error("no refunds in this test");
      },
      async paymentCard() {
        return null;
      },
      async closeCheckout() {
        return "closed" as const;
      },
      async createCheckout(input) {
        return { url: `https://pay.example/${input.orderId}`, reference: `session_${input.orderId}` };
      },
    };
    const pending = await placeOrder(order(event.id, ticketTypes[0].id, { card: undefined }), { provider: redirect });
    expect(pending).toMatchObject({ ok: true, status: "PENDING", redirectUrl: expect.stringMatching(/^https:\/\/pay\.example\//) });
    expect(await counters(ticketTypes[0].id)).toEqual({ sold: 0, held: 2 });
    // Another buyer meanwhile is told the truth: nothing is left.
    expect(await placeOrder(order(event.id, ticketTypes[0].id), { provider })).toMatchObject({ refusal: "sold_out" });

    expect(await releaseExpiredHolds(new Date(Date.now() + 60 * 60_000))).toBe(1);

    expect(await counters(ticketTypes[0].id)).toEqual({ sold: 0, held: 0 });
    expect(await db.order.findFirstOrThrow({ where: { eventId: event.id, status: "FAILED" } })).toMatchObject({
      failureReason: "hold_expired",
    });
    expect(await placeOrder(order(event.id, ticketTypes[0].id), { provider })).toMatchObject({ ok: true, status: "PAID" });
  });
});

describeOnPostgres("placeOrder under concurrency (PostgreSQL)", () => {
  it("sells the last 5 tickets to exactly 5 of 50 simultaneous buyers", async () => {
    const { event, ticketTypes } = await createEvent({ ticketTypes: [{ capacity: 105, sold: 100 }] });
    const id = ticketTypes[0].id;

    const results = await Promise.all(
      Array.from({ length: 50 }, () => placeOrder(order(event.id, id, { items: [{ ticketTypeId: id, quantity: 1 }] }), { provider })),
    );

    const paid = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(paid).toHaveLength(5);
    expect(refused).toHaveLength(45);
    expect(refused.every((r) => !r.ok && r.refusal === "sold_out")).toBe(true);
    expect(await counters(id)).toEqual({ sold: 105, held: 0 });
    expect(await db.ticket.count({ where: { ticketTypeId: id } })).toBe(5);
  });

  it("creates one account when two first purchases with the same new email run at once", async () => {
    const { event, ticketTypes } = await createEvent();
    const email = `same-${randomUUID().slice(0, 8)}@example.se`;

    const results = await Promise.all(
      Array.from({ length: 6 }, () => placeOrder(order(event.id, ticketTypes[0].id, { buyer: { name: "Samma", email } }), { provider })),
    );

    expect(results.every((r) => r.ok)).toBe(true);
    expect(await db.user.count({ where: { email } })).toBe(1);
    const orders = await db.order.findMany({ where: { buyerEmail: email } });
    expect(orders).toHaveLength(6);
    expect(new Set(orders.map((o) => o.userId)).size).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: email, template: "welcome" } })).toBe(1);
  });
});
