import { randomUUID } from "node:crypto";
import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { createEvent } from "../helpers/fixtures";
import { db } from "@/lib/db/client";
import { cancelPendingOrder } from "@/lib/orders/cancel-order";
import { placeOrder, type PlaceOrderInput } from "@/lib/orders/place-order";
import type { RedirectProvider } from "@/lib/payments/provider";
import { TEST_CARDS, testPaymentProvider } from "@/lib/payments/test-provider";

useTestDatabase();

// Stands in for Stripe Checkout: the network is the only thing faked.
const redirectProvider: RedirectProvider = {
  id: "fake-redirect",
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
  async createCheckout({ orderId }) {
    return { url: `https://pay.example/session/${orderId}`, reference: `cs_${randomUUID()}` };
  },
};

function input(eventId: string, ticketTypeId: string, quantity = 3): PlaceOrderInput {
  return {
    eventId,
    items: [{ ticketTypeId, quantity }],
    buyer: { name: "Kalle Anka", email: `kalle-${randomUUID().slice(0, 8)}@example.se` },
    marketingOptIn: false,
    locale: "sv",
    idempotencyKey: randomUUID(),
  };
}

async function counters(ticketTypeId: string) {
  const { sold, held } = await db.ticketType.findUniqueOrThrow({ where: { id: ticketTypeId } });
  return { sold, held };
}

async function pendingOrder(capacity = 10) {
  const { event, ticketTypes } = await createEvent({ ticketTypes: [{ capacity }] });
  const result = await placeOrder(input(event.id, ticketTypes[0].id), { provider: redirectProvider });
  if (!result.ok) throw new Error(result.refusal);
  return { orderId: result.orderId, ticketTypeId: ticketTypes[0].id };
}

describe(`cancelPendingOrder (${databaseKind})`, () => {
  it("releases what a pending order held and marks it failed", async () => {
    const { orderId, ticketTypeId } = await pendingOrder();
    expect(await counters(ticketTypeId)).toEqual({ sold: 0, held: 3 });

    expect(await cancelPendingOrder(orderId)).toBe("cancelled");

    expect(await counters(ticketTypeId)).toEqual({ sold: 0, held: 0 });
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ status: "FAILED", failureReason: "payment_unavailable", holdExpiresAt: null });
  });

  it("changes nothing the second time", async () => {
    const { orderId, ticketTypeId } = await pendingOrder();
    await cancelPendingOrder(orderId);
    expect(await cancelPendingOrder(orderId)).toBe("already_failed");
    expect(await counters(ticketTypeId)).toEqual({ sold: 0, held: 0 });
  });

  it("leaves a paid order and its tickets alone", async () => {
    const { event, ticketTypes } = await createEvent();
    const paid = await placeOrder(
      { ...input(event.id, ticketTypes[0].id, 2), card: { number: TEST_CARDS.succeeds, expiry: "12/40", cvc: "123" } },
      { provider: testPaymentProvider() },
    );
    if (!paid.ok) throw new Error(paid.refusal);

    expect(await cancelPendingOrder(paid.orderId)).toBe("paid");
    expect(await counters(ticketTypes[0].id)).toEqual({ sold: 2, held: 0 });
    expect(await db.ticket.count({ where: { orderId: paid.orderId } })).toBe(2);
  });

  it("does not fail a pending order whose card charge may still be running", async () => {
    const { orderId, ticketTypeId } = await pendingOrder();
    await db.order.update({ where: { id: orderId }, data: { paymentProvider: null, paymentRef: null } });

    expect(await cancelPendingOrder(orderId)).toBe("not_cancellable");
    expect(await counters(ticketTypeId)).toEqual({ sold: 0, held: 3 });
  });

  it("knows no order that does not exist", async () => {
    expect(await cancelPendingOrder(randomUUID())).toBe("not_found");
  });
});
