import { randomUUID } from "node:crypto";
import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { createEvent } from "../helpers/fixtures";
import { db } from "@/lib/db/client";
import { placeOrder } from "@/lib/orders/place-order";
import { getCheckoutEventBySlug, getOrderForConfirmation } from "@/lib/orders/queries";
import { TEST_CARDS, testPaymentProvider } from "@/lib/payments/test-provider";

useTestDatabase();

const DAY = 24 * 60 * 60_000;

async function paidOrder(ticketTypeId: string, eventId: string, quantity = 2) {
  const result = await placeOrder(
    {
      eventId,
      items: [{ ticketTypeId, quantity }],
      buyer: { name: "Åsa Berg", email: `asa-${randomUUID().slice(0, 8)}@example.se` },
      marketingOptIn: false,
      locale: "sv",
      idempotencyKey: randomUUID(),
      card: { number: TEST_CARDS.succeeds, expiry: "12/40", cvc: "123" },
    },
    { provider: testPaymentProvider() },
  );
  if (!result.ok) throw new Error(result.refusal);
  return result.orderId;
}

describe(`getCheckoutEventBySlug (${databaseKind})`, () => {
  it("gives the ticket types on sale, each bounded by its per-order limit and what is left", async () => {
    const { event, ticketTypes } = await createEvent({
      title: "Vårkonsert",
      ticketTypes: [
        { name: "Vuxen", priceMinor: 25_000, capacity: 100, maxPerOrder: 6 },
        { name: "Student", priceMinor: 15_000, capacity: 5, sold: 3 },
        { name: "Slutsåld", capacity: 4, sold: 4 },
        { name: "Senare", salesStartAt: new Date(Date.now() + DAY) },
        { name: "Förbi", salesEndAt: new Date(Date.now() - DAY) },
      ],
    });
    const checkout = await getCheckoutEventBySlug(event.slug);
    expect(checkout).toMatchObject({ id: event.id, title: "Vårkonsert", venue: "Stora salen", city: "Uppsala" });
    expect(checkout?.organizerName).toMatch(/^Arrangör /);
    expect(checkout?.ticketTypes.map((type) => [type.name, type.maxQuantity, type.state])).toEqual([
      ["Vuxen", 6, "on_sale"],
      ["Student", 2, "few_left"],
      ["Slutsåld", 0, "sold_out"],
    ]);
    expect(checkout?.ticketTypes[0]).toMatchObject({ id: ticketTypes[0].id, priceMinor: 25_000, currency: "SEK" });
  });

  it("finds no draft, cancelled, ended or unknown event", async () => {
    const draft = await createEvent({ status: "DRAFT" });
    const cancelled = await createEvent({ status: "CANCELLED" });
    const ended = await createEvent({ startsInDays: -2 });
    for (const slug of [draft.event.slug, cancelled.event.slug, ended.event.slug, "finns-inte"]) {
      expect(await getCheckoutEventBySlug(slug)).toBeNull();
    }
  });
});

describe(`getOrderForConfirmation (${databaseKind})`, () => {
  it("gives the order, its event, lines and tickets as plain values", async () => {
    const { event, ticketTypes } = await createEvent({ title: "Jazzkväll", ticketTypes: [{ name: "Ståplats", priceMinor: 19_900 }] });
    const orderId = await paidOrder(ticketTypes[0].id, event.id);

    const order = await getOrderForConfirmation(orderId);
    expect(order).toMatchObject({
      id: orderId,
      status: "PAID",
      buyerName: "Åsa Berg",
      totalMinor: 39_800,
      currency: "SEK",
      cardBrand: "visa",
      cardLast4: "4242",
      event: { slug: event.slug, title: "Jazzkväll", venue: "Stora salen", city: "Uppsala" },
      lines: [{ name: "Ståplats", quantity: 2, unitPriceMinor: 19_900 }],
    });
    expect(order?.tickets).toHaveLength(2);
    expect(order?.tickets.every((ticket) => ticket.typeName === "Ståplats" && ticket.valid && ticket.code.length > 0)).toBe(true);
  });

  it("says whether the buyer's account has a password, without the hash", async () => {
    const { event, ticketTypes } = await createEvent();
    const orderId = await paidOrder(ticketTypes[0].id, event.id, 1);

    const before = await getOrderForConfirmation(orderId);
    expect(before?.account).toEqual({ email: expect.stringMatching(/@example\.se$/), hasPassword: false });

    const hash = "scrypt$not-a-real-hash$0123456789abcdef";
    await db.user.update({ where: { email: before!.account!.email }, data: { passwordHash: hash, passwordSetAt: new Date() } });
    const after = await getOrderForConfirmation(orderId);
    expect(after?.account?.hasPassword).toBe(true);
    const serialised = JSON.stringify(after);
    expect(serialised).not.toContain(hash);
    expect(serialised).not.toMatch(/passwordHash/i);
  });

  it("finds nothing for an unknown id or something that is not an id", async () => {
    expect(await getOrderForConfirmation(randomUUID())).toBeNull();
    expect(await getOrderForConfirmation("not-a-uuid")).toBeNull();
    expect(await getOrderForConfirmation('\'; DROP TABLE "Order"; --')).toBeNull();
  });
});
