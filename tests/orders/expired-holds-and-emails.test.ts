import { randomUUID } from "node:crypto";
import { databaseKind, describeOnPostgres, useTestDatabase } from "../helpers/test-db";
import { createEvent } from "../helpers/fixtures";
import { db } from "@/lib/db/client";
import { placeOrder, type PlaceOrderInput } from "@/lib/orders/place-order";
import { getCheckoutEventBySlug } from "@/lib/orders/queries";
import { getPublishedEventBySlug } from "@/lib/events/queries";
import { runHousekeeping } from "@/lib/maintenance/housekeeping";
import { deliverDueEmails } from "@/lib/outbox/sender";
import { mailboxTransport } from "@/lib/outbox/transport";
import { renderOutboxEmail } from "@/emails/render";
import { resolveStoredEmail } from "@/emails/registry";
import { testPaymentProvider } from "@/lib/payments/test-provider";
import type { RedirectProvider } from "@/lib/payments/provider";

useTestDatabase();

const provider = testPaymentProvider();
const HOUR = 60 * 60_000;

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

function order(eventId: string, ticketTypeId: string, overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  return {
    eventId,
    items: [{ ticketTypeId, quantity: 2 }],
    buyer: { name: "Kalle Anka", email: `kalle-${randomUUID().slice(0, 8)}@example.se` },
    marketingOptIn: false,
    locale: "sv",
    idempotencyKey: randomUUID(),
    card: { number: "4242 4242 4242 4242", expiry: "12/30", cvc: "123" },
    ...overrides,
  };
}

async function counters(ticketTypeId: string) {
  const { sold, held } = await db.ticketType.findUniqueOrThrow({ where: { id: ticketTypeId } });
  return { sold, held };
}

describe(`expired holds (${databaseKind})`, () => {
  it("leaves an expired hold to housekeeping when there is stock to spare", async () => {
    const { event, ticketTypes } = await createEvent({ ticketTypes: [{ capacity: 10 }] });
    const pending = await placeOrder(order(event.id, ticketTypes[0].id, { card: undefined }), { provider: redirect });
    expect(pending).toMatchObject({ ok: true, status: "PENDING" });

    // Another buyer an hour later, with stock to spare: the expired hold is not touched.
    const later = new Date(Date.now() + HOUR);
    expect(await placeOrder(order(event.id, ticketTypes[0].id), { provider, now: later })).toMatchObject({ ok: true, status: "PAID" });
    expect(await counters(ticketTypes[0].id)).toEqual({ sold: 2, held: 2 });
    expect(await db.order.count({ where: { eventId: event.id, status: "PENDING" } })).toBe(1);

    // Housekeeping puts it back.
    expect((await runHousekeeping(later)).holdsReleased).toBe(1);
    expect(await counters(ticketTypes[0].id)).toEqual({ sold: 2, held: 0 });
  });

  it("tells a listener which events have tickets back on sale, and stays quiet when none came back", async () => {
    const { event, ticketTypes } = await createEvent({ ticketTypes: [{ capacity: 10 }] });
    const { event: quiet, ticketTypes: quietTypes } = await createEvent({ ticketTypes: [{ capacity: 10 }] });
    await placeOrder(order(event.id, ticketTypes[0].id, { card: undefined }), { provider: redirect });
    // A hold that has not expired yet an hour from now stays, and its event is not named.
    await placeOrder(order(quiet.id, quietTypes[0].id, { card: undefined }), { provider: redirect, now: new Date(Date.now() + HOUR) });

    const told: string[][] = [];
    const onHoldsReleased = async (eventIds: string[]) => void told.push(eventIds);
    const later = new Date(Date.now() + HOUR);
    expect((await runHousekeeping(later, { onHoldsReleased })).holdsReleased).toBe(1);
    expect(told).toEqual([[event.id]]);
    expect(await counters(quietTypes[0].id)).toEqual({ sold: 0, held: 2 });

    expect((await runHousekeeping(later, { onHoldsReleased })).holdsReleased).toBe(0);
    expect(told).toHaveLength(1);
  });

  it("sells the tickets of an expired hold instead of answering sold out", async () => {
    const { event, ticketTypes } = await createEvent({ ticketTypes: [{ capacity: 2 }] });
    await placeOrder(order(event.id, ticketTypes[0].id, { card: undefined }), { provider: redirect });
    expect(await placeOrder(order(event.id, ticketTypes[0].id), { provider })).toMatchObject({ ok: false, refusal: "sold_out" });

    const later = new Date(Date.now() + HOUR);
    expect(await placeOrder(order(event.id, ticketTypes[0].id), { provider, now: later })).toMatchObject({ ok: true, status: "PAID" });
    expect(await counters(ticketTypes[0].id)).toEqual({ sold: 2, held: 0 });
    expect(await db.order.findFirstOrThrow({ where: { eventId: event.id, status: "FAILED" } })).toMatchObject({
      failureReason: "hold_expired",
    });
  });
});

describe(`the confirmation email of a checkout (${databaseKind})`, () => {
  it("is queued naming its order, and rendered with the order's tickets when sent", async () => {
    const { event, ticketTypes } = await createEvent({ title: "Vårkonsert", ticketTypes: [{ name: "Ordinarie" }] });
    const result = await placeOrder(order(event.id, ticketTypes[0].id), { provider });
    if (!result.ok) throw new Error(result.refusal);

    const row = await db.outboxEmail.findFirstOrThrow({ where: { dedupeKey: `order-confirmation:${result.orderId}` } });
    const saved = await db.order.findUniqueOrThrow({ where: { id: result.orderId }, include: { tickets: true } });
    expect(row.payload).toEqual({ orderId: result.orderId, buyerEmail: saved.buyerEmail });

    const rendered = await renderOutboxEmail(await resolveStoredEmail(row), { inlineImages: "data-url" });
    expect(rendered.subject).toContain("Vårkonsert");
    expect(rendered.subject).toContain(saved.number);
    for (const ticket of saved.tickets) expect(rendered.text).toContain(ticket.code);
    expect(rendered.attachments.map((attachment) => attachment.contentType)).toContain("application/pdf");
  });

  it("is given up at once, not retried, when the order moved to another address before it was sent", async () => {
    const { event, ticketTypes } = await createEvent();
    const result = await placeOrder(order(event.id, ticketTypes[0].id), { provider });
    if (!result.ok) throw new Error(result.refusal);
    await db.order.update({ where: { id: result.orderId }, data: { buyerEmail: `moved-${randomUUID().slice(0, 8)}@example.se` } });
    // Only this order's emails are due.
    await db.outboxEmail.updateMany({
      where: { NOT: { dedupeKey: `order-confirmation:${result.orderId}` } },
      data: { nextAttemptAt: new Date(Date.now() + HOUR) },
    });

    const report = await deliverDueEmails({
      transport: mailboxTransport(),
      render: async (email) => renderOutboxEmail(await resolveStoredEmail(email)),
      from: "test@localhost",
      messageIdDomain: "localhost",
    });

    expect(report).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const row = await db.outboxEmail.findFirstOrThrow({ where: { dedupeKey: `order-confirmation:${result.orderId}` } });
    expect(row.status).toBe("FAILED");
    expect(row.lastError).toMatch(/moved to another address/);
  });
});

describe(`getCheckoutEventBySlug with expired holds (${databaseKind})`, () => {
  it("offers the admissions of an expired hold, and not those of a live one", async () => {
    const { event, ticketTypes } = await createEvent({ ticketTypes: [{ capacity: 3 }] });
    await placeOrder(order(event.id, ticketTypes[0].id, { card: undefined }), { provider: redirect });

    const now = await getCheckoutEventBySlug(event.slug);
    expect(now?.ticketTypes[0]).toMatchObject({ maxQuantity: 1, state: "few_left" });
    const later = await getCheckoutEventBySlug(event.slug, new Date(Date.now() + HOUR));
    expect(later?.ticketTypes[0]).toMatchObject({ maxQuantity: 3, state: "few_left" });
  });
});

describeOnPostgres("expired holds under concurrency (PostgreSQL)", () => {
  it("sells exactly what is free to buyers of two types while housekeeping releases expired holds", async () => {
    const { event, ticketTypes } = await createEvent({ ticketTypes: [{ capacity: 6 }, { capacity: 6 }] });
    const [a, b] = ticketTypes.map((type) => type.id);
    // Six abandoned carts, each holding one of each type: everything is held, nothing sold.
    for (let i = 0; i < 6; i++) {
      const held = await placeOrder(
        order(event.id, a, {
          card: undefined,
          items: [
            { ticketTypeId: a, quantity: 1 },
            { ticketTypeId: b, quantity: 1 },
          ],
        }),
        { provider: redirect },
      );
      expect(held).toMatchObject({ ok: true, status: "PENDING" });
    }
    const later = new Date(Date.now() + HOUR);

    // 30 buyers (both types, in either order) and three housekeeping passes, all at once.
    const buyers = Array.from({ length: 30 }, (_, i) =>
      placeOrder(
        order(event.id, a, {
          items:
            i % 2 === 0
              ? [
                  { ticketTypeId: a, quantity: 1 },
                  { ticketTypeId: b, quantity: 1 },
                ]
              : [
                  { ticketTypeId: b, quantity: 1 },
                  { ticketTypeId: a, quantity: 1 },
                ],
        }),
        { provider, now: later },
      ),
    );
    const sweeps = Array.from({ length: 3 }, () => runHousekeeping(later));
    const [results] = await Promise.all([Promise.all(buyers), Promise.all(sweeps)]);

    expect(results.filter((result) => result.ok)).toHaveLength(6);
    expect(results.filter((result) => !result.ok).every((result) => !result.ok && result.refusal === "sold_out")).toBe(true);
    expect(await counters(a)).toEqual({ sold: 6, held: 0 });
    expect(await counters(b)).toEqual({ sold: 6, held: 0 });
    expect(await db.order.count({ where: { eventId: event.id, status: "FAILED", failureReason: "hold_expired" } })).toBe(6);
  });
});

describe(`getPublishedEventBySlug with expired holds (${databaseKind})`, () => {
  it("shows the admissions of an expired hold as left, and those of a live one as held", async () => {
    const { event, ticketTypes } = await createEvent({ ticketTypes: [{ capacity: 2 }] });
    await placeOrder(order(event.id, ticketTypes[0].id, { card: undefined }), { provider: redirect });
    expect((await getPublishedEventBySlug(event.slug))?.ticketTypes[0]).toMatchObject({ held: 2, sold: 0 });

    // The hold ends; housekeeping has not run yet.
    await db.order.updateMany({ where: { eventId: event.id, status: "PENDING" }, data: { holdExpiresAt: new Date(Date.now() - 1000) } });
    expect((await getPublishedEventBySlug(event.slug))?.ticketTypes[0]).toMatchObject({ held: 0, sold: 0 });
    expect(await counters(ticketTypes[0].id)).toEqual({ sold: 0, held: 2 });
  });
});
