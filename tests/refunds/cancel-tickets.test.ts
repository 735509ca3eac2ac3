import { randomUUID } from "node:crypto";
import { databaseKind, describeOnPostgres, useTestDatabase } from "../helpers/test-db";
import { createEvent } from "../helpers/fixtures";
import { createOrder } from "../tickets/fixtures";
import { db } from "@/lib/db/client";
import type { RefundBuyerPayload, RefundOrganizerPayload } from "@/lib/outbox/templates";
import { PaymentUnavailableError, type PaymentProvider, type RefundInput } from "@/lib/payments/provider";
import { testPaymentProvider } from "@/lib/payments/test-provider";
import { cancelTickets } from "@/lib/refunds/cancel-tickets";
import { completeDueRefunds, REFUND_LEASE_MS } from "@/lib/refunds/complete-refund";

useTestDatabase();

const DAY = 24 * 60 * 60_000;

/** The test provider, counting the refunds it is asked for; `down` makes it unreachable. */
function countingProvider() {
  const base = testPaymentProvider();
  const calls: RefundInput[] = [];
  const state = { down: false };
  const provider: PaymentProvider = {
    ...base,
    async refund(input) {
      calls.push(input);
      if (state.down) throw new PaymentUnavailableError("test: provider down");
      return base.refund(input);
    },
  };
  return { provider, calls, state };
}

type Policy = { refundable?: boolean; daysBefore?: number; feeKind?: "NONE" | "FIXED" | "PERCENT"; feeValue?: number } | null;

/** A paid card order of two 250 kr tickets for an event `startsInDays` ahead, under `policy`. */
async function paidOrder({ startsInDays = 30, policy = { refundable: true, daysBefore: 7 } as Policy, quantity = 2 } = {}) {
  const { event, ticketTypes, organizerId } = await createEvent({ startsInDays, ticketTypes: [{ name: "Parkett", sold: quantity }] });
  const order = await createOrder({
    eventId: event.id,
    ticketTypeId: ticketTypes[0].id,
    buyerEmail: `kim-${randomUUID()}@example.se`,
    quantity,
  });
  await db.order.update({ where: { id: order.id }, data: { paymentProvider: "test", paymentRef: `test_${randomUUID()}` } });
  if (policy) await db.eventRefundPolicy.create({ data: { eventId: event.id, refundable: true, feeKind: "NONE", feeValue: 0, ...policy } });
  return { event, order, ticketType: ticketTypes[0], organizerId };
}

const sold = async (ticketTypeId: string) => (await db.ticketType.findUniqueOrThrow({ where: { id: ticketTypeId } })).sold;

describe(`cancelTickets (${databaseKind})`, () => {
  it("voids one ticket of two, gives its place back, refunds its price less the fee once, and emails both sides", async () => {
    const { order, ticketType, organizerId } = await paidOrder({
      policy: { refundable: true, daysBefore: 7, feeKind: "PERCENT", feeValue: 1_000 },
    });
    const { provider, calls } = countingProvider();
    const [first, second] = order.tickets;

    const result = await cancelTickets(
      { orderId: order.id, codes: [first.code], requestKey: randomUUID(), requestedBy: "buyer" },
      { provider },
    );

    expect(result).toMatchObject({ ok: true, status: "SUCCEEDED", refundMinor: 22_500, feeMinor: 2_500, ticketCount: 1 });
    const tickets = await db.ticket.findMany({ where: { orderId: order.id } });
    expect(Object.fromEntries(tickets.map((ticket) => [ticket.code, ticket.status]))).toEqual({
      [first.code]: "VOID",
      [second.code]: "VALID",
    });
    expect(await sold(ticketType.id)).toBe(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      orderId: order.id,
      amountMinor: 22_500,
      currency: "SEK",
      idempotencyKey: result.ok ? result.refundId : "",
    });
    const refund = await db.refund.findFirstOrThrow({ where: { orderId: order.id } });
    expect(refund.providerRef).toMatch(/^test_re_/);

    const emails = await db.outboxEmail.findMany({
      where: { dedupeKey: { startsWith: `refund:${refund.id}:` } },
      orderBy: { template: "asc" },
    });
    expect(emails.map((email) => [email.template, email.to])).toEqual([
      ["refund-buyer", order.buyerEmail],
      ["refund-organizer", (await db.organizer.findUniqueOrThrow({ where: { id: organizerId } })).email],
    ]);
    const buyer = emails[0].payload as RefundBuyerPayload;
    expect(buyer).toMatchObject({ refundMinor: 22_500, feeMinor: 2_500, amountMinor: 25_000, remainingTickets: 1 });
    expect(buyer.tickets).toEqual([{ code: first.code, typeName: "Parkett" }]);
    expect((emails[1].payload as RefundOrganizerPayload).orderUrl).toMatch(new RegExp(`/organizer/${organizerId}/orders/${order.id}$`));

    // The last ticket: the whole order is then cancelled and paid back.
    const last = await cancelTickets({ orderId: order.id, codes: "all", requestKey: randomUUID(), requestedBy: "buyer" }, { provider });
    expect(last).toMatchObject({ ok: true, status: "SUCCEEDED", ticketCount: 1 });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("REFUNDED");
    expect(await sold(ticketType.id)).toBe(0);
    expect(calls).toHaveLength(2);
    expect(new Set(calls.map((call) => call.idempotencyKey)).size).toBe(2);
  });

  it("refuses when the event has no refunds, or the deadline has passed, and changes nothing", async () => {
    const { provider, calls } = countingProvider();
    const none = await paidOrder({ policy: null });
    expect(
      await cancelTickets({ orderId: none.order.id, codes: "all", requestKey: randomUUID(), requestedBy: "buyer" }, { provider }),
    ).toEqual({
      ok: false,
      error: "no_refunds",
    });
    const late = await paidOrder({ startsInDays: 5, policy: { refundable: true, daysBefore: 7 } });
    expect(
      await cancelTickets({ orderId: late.order.id, codes: "all", requestKey: randomUUID(), requestedBy: "buyer" }, { provider }),
    ).toEqual({
      ok: false,
      error: "too_late",
    });
    for (const { order, ticketType } of [none, late]) {
      expect(await sold(ticketType.id)).toBe(2);
      expect(await db.ticket.count({ where: { orderId: order.id, status: "VALID" } })).toBe(2);
      expect(await db.refund.count({ where: { orderId: order.id } })).toBe(0);
    }
    expect(calls).toHaveLength(0);
  });

  it("does not cancel a checked-in ticket, another order's ticket or an unknown order", async () => {
    const { provider } = countingProvider();
    const { order } = await paidOrder();
    const other = await paidOrder();
    await db.ticket.update({ where: { id: order.tickets[0].id }, data: { checkedInAt: new Date() } });
    const refused = (codes: string[]) =>
      cancelTickets({ orderId: order.id, codes, requestKey: randomUUID(), requestedBy: "buyer" }, { provider });
    expect(await refused([order.tickets[0].code])).toEqual({ ok: false, error: "nothing_to_cancel" });
    expect(await refused([other.order.tickets[0].code])).toEqual({ ok: false, error: "nothing_to_cancel" });
    expect(
      await cancelTickets({ orderId: randomUUID(), codes: "all", requestKey: randomUUID(), requestedBy: "buyer" }, { provider }),
    ).toEqual({
      ok: false,
      error: "not_found",
    });
    // "All" leaves the used ticket and cancels the other; the order stays paid for the one used.
    expect(
      await cancelTickets({ orderId: order.id, codes: "all", requestKey: randomUUID(), requestedBy: "buyer" }, { provider }),
    ).toMatchObject({
      ok: true,
      ticketCount: 1,
    });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
  });

  it("answers the same request posted twice with the first refund, asking the provider once", async () => {
    const { order } = await paidOrder();
    const { provider, calls } = countingProvider();
    const requestKey = randomUUID();
    const first = await cancelTickets({ orderId: order.id, codes: "all", requestKey, requestedBy: "buyer" }, { provider });
    const again = await cancelTickets({ orderId: order.id, codes: "all", requestKey, requestedBy: "buyer" }, { provider });
    expect(again).toEqual(first);
    expect(calls).toHaveLength(1);
    expect(await db.refund.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("keeps the refund pending while the provider is unreachable, and the worker completes it later with the same key", async () => {
    const { order, ticketType } = await paidOrder();
    const { provider, calls, state } = countingProvider();
    state.down = true;
    const now = new Date();

    const result = await cancelTickets(
      { orderId: order.id, codes: "all", requestKey: randomUUID(), requestedBy: "buyer", now },
      { provider },
    );

    expect(result).toMatchObject({ ok: true, status: "PENDING", refundMinor: 50_000 });
    // The tickets are cancelled and their places back on sale whatever the provider does.
    expect(await sold(ticketType.id)).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CANCELLED");
    expect(
      await db.outboxEmail.count({
        where: { template: { startsWith: "refund-" }, payload: { path: ["orderNumber"], equals: order.number } },
      }),
    ).toBe(0);

    // Not due yet: nobody else tries while the first attempt's backoff runs.
    expect(await completeDueRefunds({ provider, now: new Date(now.getTime() + 1_000) })).toMatchObject({ succeeded: 0 });
    state.down = false;
    const later = new Date(now.getTime() + REFUND_LEASE_MS + 60 * 60_000);
    expect(await completeDueRefunds({ provider, now: later })).toMatchObject({ succeeded: 1 });
    expect(await completeDueRefunds({ provider, now: new Date(later.getTime() + DAY) })).toMatchObject({ succeeded: 0 });

    expect(calls).toHaveLength(2);
    expect(calls[1].idempotencyKey).toBe(calls[0].idempotencyKey);
    const refund = await db.refund.findFirstOrThrow({ where: { orderId: order.id } });
    expect(refund).toMatchObject({ status: "SUCCEEDED", attempts: 1 });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("REFUNDED");
    expect(await db.outboxEmail.count({ where: { dedupeKey: { startsWith: `refund:${refund.id}:` } } })).toBe(2);
  });

  it("refunds a free ticket at once, without the provider", async () => {
    const { event, ticketTypes } = await createEvent({ ticketTypes: [{ name: "Fri entré", priceMinor: 0, sold: 1 }] });
    const order = await createOrder({ eventId: event.id, ticketTypeId: ticketTypes[0].id, buyerEmail: "fri@example.se", quantity: 1 });
    await db.orderItem.updateMany({ where: { orderId: order.id }, data: { unitPriceMinor: 0 } });
    await db.eventRefundPolicy.create({ data: { eventId: event.id, refundable: true, daysBefore: 1 } });
    const { provider, calls } = countingProvider();
    expect(
      await cancelTickets({ orderId: order.id, codes: "all", requestKey: randomUUID(), requestedBy: "buyer" }, { provider }),
    ).toMatchObject({
      ok: true,
      status: "SUCCEEDED",
      refundMinor: 0,
    });
    expect(calls).toHaveLength(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CANCELLED");
  });
});

describeOnPostgres("cancelTickets under concurrency (PostgreSQL)", () => {
  it("turns ten concurrent cancellations of one order into one refund, one provider call and one release of the places", async () => {
    const { order, ticketType } = await paidOrder();
    const { provider, calls } = countingProvider();

    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        cancelTickets(
          // Five tabs posting their own form, five repeats of one form.
          { orderId: order.id, codes: "all", requestKey: index < 5 ? randomUUID() : "same-form-posted-again", requestedBy: "buyer" },
          { provider },
        ),
      ),
    );

    const succeeded = results.filter((result) => result.ok);
    const refundIds = new Set(succeeded.map((result) => (result.ok ? result.refundId : "")));
    expect(refundIds.size).toBe(1);
    expect(results.filter((result) => !result.ok)).toEqual(
      results.filter((result) => !result.ok).map(() => ({ ok: false, error: "nothing_to_cancel" })),
    );
    expect(await db.refund.count({ where: { orderId: order.id } })).toBe(1);
    expect(await db.refundTicket.count({ where: { refund: { orderId: order.id } } })).toBe(2);
    expect(calls).toHaveLength(1);
    expect(await sold(ticketType.id)).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("REFUNDED");
  });
});
