import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { randomUUID } from "node:crypto";
import { ensureBuyerAccount } from "@/lib/accounts/buyer-account";
import { db } from "@/lib/db/client";
import { newOrderNumber } from "@/lib/orders/codes";
import { completeOrder } from "@/lib/orders/finalize-order";
import { createEvent } from "../helpers/fixtures";

useTestDatabase();

const MINUTE = 60_000;

/** A ticked box at checkout, and a payment that is still on its way (a bank's slow redirect). */
async function pendingOptIn(placedAt: Date) {
  const { event, ticketTypes, organizerId } = await createEvent();
  const email = `karin-${randomUUID().slice(0, 8)}@example.se`;
  const order = await db.$transaction(async (tx) => {
    const account = await ensureBuyerAccount(tx, { email, name: "Karin Lind", locale: "sv" });
    return tx.order.create({
      data: {
        number: newOrderNumber(),
        eventId: event.id,
        userId: account.userId,
        buyerName: "Karin Lind",
        buyerEmail: email,
        marketingOptIn: true,
        subtotalMinor: 25_000,
        totalMinor: 25_000,
        createdAt: placedAt,
        items: { create: [{ ticketTypeId: ticketTypes[0].id, quantity: 1, unitPriceMinor: 25_000 }] },
      },
    });
  });
  return { order, organizerId, email };
}

const pay = (orderId: string, now: Date) =>
  db.$transaction((tx) =>
    completeOrder(tx, orderId, {
      admissions: "unclaimed",
      payment: { provider: "test", reference: `ref-${randomUUID()}`, cardBrand: "visa", cardLast4: "4242" },
      now,
    }),
  );

describe(`marketing consent of a payment that completes late (${databaseKind})`, () => {
  it("does not undo a withdrawal made after the order was placed", async () => {
    const placedAt = new Date(Date.now() - 30 * MINUTE);
    const { order, organizerId, email } = await pendingOptIn(placedAt);
    // Consent from an earlier purchase, withdrawn (from a newsletter's link) while this payment ran.
    const givenAt = new Date(placedAt.getTime() - 30 * 24 * 60 * MINUTE);
    const withdrawnAt = new Date(placedAt.getTime() + 5 * MINUTE);
    await db.marketingConsent.create({ data: { organizerId, email, givenAt, source: "checkout", withdrawnAt } });

    expect(await pay(order.id, new Date(placedAt.getTime() + 20 * MINUTE))).toBe(true);

    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
    const consent = await db.marketingConsent.findUniqueOrThrow({ where: { organizerId_email: { organizerId, email } } });
    expect(consent).toMatchObject({ givenAt, withdrawnAt, orderId: null });
  });

  it("renews a consent withdrawn before the order was placed", async () => {
    const placedAt = new Date(Date.now() - 30 * MINUTE);
    const { order, organizerId, email } = await pendingOptIn(placedAt);
    const givenAt = new Date(placedAt.getTime() - 30 * 24 * 60 * MINUTE);
    await db.marketingConsent.create({
      data: { organizerId, email, givenAt, source: "checkout", withdrawnAt: new Date(placedAt.getTime() - MINUTE) },
    });
    const paidAt = new Date(placedAt.getTime() + 20 * MINUTE);

    await pay(order.id, paidAt);

    const consents = await db.marketingConsent.findMany({ where: { organizerId } });
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({
      email,
      givenAt: paidAt,
      withdrawnAt: null,
      orderId: order.id,
      userId: order.userId,
      source: "checkout",
    });
  });

  it("records a first consent when the payment completes", async () => {
    const placedAt = new Date(Date.now() - 30 * MINUTE);
    const { order, organizerId, email } = await pendingOptIn(placedAt);
    const paidAt = new Date(placedAt.getTime() + 20 * MINUTE);

    await pay(order.id, paidAt);

    const consents = await db.marketingConsent.findMany({ where: { organizerId } });
    expect(consents.map((consent) => [consent.email, consent.givenAt, consent.withdrawnAt, consent.orderId])).toEqual([
      [email, paidAt, null, order.id],
    ]);
  });
});
