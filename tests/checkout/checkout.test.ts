import { randomUUID } from "node:crypto";
import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { createEvent } from "../helpers/fixtures";
import { checkout as placeCheckout, DECLINE_LIMIT, type CheckoutFormOptions, type CheckoutResult } from "@/lib/orders/checkout";
import { formFields } from "@/lib/forms";
import { db } from "@/lib/db/client";
import { quantityField } from "@/lib/orders/checkout-schema";
import { isValidOrderKey } from "@/lib/orders/order-links";
import type { RedirectProvider } from "@/lib/payments/provider";
import { TEST_CARDS, testPaymentProvider } from "@/lib/payments/test-provider";

useTestDatabase();

type Outcome = { redirectedTo: string } | { state: Extract<CheckoutResult, { ok: false }> };

let wakes = 0;
const options: CheckoutFormOptions = { locale: "sv", provider: testPaymentProvider() };

/** Posts the form as a browser would; redirect() ends the action by throwing NEXT_REDIRECT. */
async function post(fields: Record<string, string>, overrides: Partial<CheckoutFormOptions> = {}): Promise<Outcome> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const result = await placeCheckout(formFields(form), { ...options, ...overrides });
  if (!result.ok) return { state: result };
  // The server action wakes the email sender once an order is placed, then redirects.
  wakes += 1;
  return { redirectedTo: result.location };
}

function stateOf(outcome: Outcome): Extract<CheckoutResult, { ok: false }> {
  if (!("state" in outcome) || !outcome.state) throw new Error(`expected a form state, got ${JSON.stringify(outcome)}`);
  return outcome.state;
}

function redirectOf(outcome: Outcome): string {
  if (!("redirectedTo" in outcome)) throw new Error(`expected a redirect, got ${JSON.stringify(outcome)}`);
  return outcome.redirectedTo;
}

async function checkout(ticketTypes = [{ name: "Vuxen", priceMinor: 25_000, capacity: 10 }]) {
  const { event, ticketTypes: types, organizerId } = await createEvent({ ticketTypes });
  const email = `kalle-${randomUUID().slice(0, 8)}@example.se`;
  const fields = (overrides: Record<string, string> = {}) => ({
    event: event.slug,
    idempotencyKey: randomUUID(),
    name: "Kalle Anka",
    email,
    emailConfirm: email,
    terms: "on",
    [quantityField(types[0].id)]: "2",
    cardNumber: TEST_CARDS.succeeds,
    cardExpiry: "12/40",
    cardCvc: "123",
    ...overrides,
  });
  return { event, types, organizerId, email, fields };
}

async function counters(ticketTypeId: string) {
  const { sold, held } = await db.ticketType.findUniqueOrThrow({ where: { id: ticketTypeId } });
  return { sold, held };
}

describe(`checkoutFormAction (${databaseKind})`, () => {
  beforeEach(() => {
    wakes = 0;
  });

  it("sells the tickets, wakes the email sender and sends the buyer to the confirmation page", async () => {
    const { types, fields } = await checkout();
    const target = redirectOf(await post(fields(), { locale: "en" }));

    const [, orderId, key] = /^\/orders\/([0-9a-f-]{36})\?key=(.+)$/.exec(target) ?? [];
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { tickets: true } });
    expect(isValidOrderKey(order, key)).toBe(true);
    expect(order).toMatchObject({ status: "PAID", totalMinor: 50_000, locale: "en", marketingOptIn: false, cardLast4: "4242" });
    expect(order.tickets).toHaveLength(2);
    expect(await counters(types[0].id)).toEqual({ sold: 2, held: 0 });
    expect(wakes).toBe(1);
  });

  it("prices the order from the database whatever the form says about money", async () => {
    const { fields } = await checkout();
    const target = redirectOf(await post(fields({ totalMinor: "100", priceMinor: "1", amount: "1" })));
    const orderId = /^\/orders\/([0-9a-f-]{36})/.exec(target)![1];
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).totalMinor).toBe(50_000);
  });

  it("records the opt-in only when the box was ticked", async () => {
    const { fields, organizerId, email } = await checkout();
    redirectOf(await post(fields({ marketingOptIn: "on" })));
    expect(await db.marketingConsent.count({ where: { organizerId, email } })).toBe(1);
  });

  it("returns field errors with what was typed, the same key, and no card details", async () => {
    const { fields, types } = await checkout();
    const posted = fields({ emailConfirm: "kalle@example.com", cardExpiry: "01/20", name: "Kalle Anka" });
    const state = stateOf(await post(posted));

    expect(state.refusal).toBeNull();
    expect(state.fieldErrors).toEqual({ emailConfirm: { code: "email_mismatch" }, cardExpiry: { code: "card_expiry_invalid" } });
    expect(state.values).toMatchObject({ name: "Kalle Anka", emailConfirm: "kalle@example.com", terms: true });
    expect(state.values.quantities[types[0].id]).toBe("2");
    expect(state.idempotencyKey).toBe(posted.idempotencyKey);
    expect(JSON.stringify(state)).not.toContain(TEST_CARDS.succeeds);
    expect(JSON.stringify(state)).not.toContain("01/20");
    expect(
      await db.order.count({ where: { eventId: (await db.ticketType.findUniqueOrThrow({ where: { id: types[0].id } })).eventId } }),
    ).toBe(0);
    expect(wakes).toBe(0);
  });

  it("after a declined card gives a new key, so the corrected retry is a new attempt that succeeds", async () => {
    const { fields, types, event } = await checkout();
    const declined = fields({ cardNumber: TEST_CARDS.declined });
    const first = stateOf(await post(declined));

    expect(first.refusal).toEqual({ code: "payment_declined" });
    expect(first.idempotencyKey).not.toBe(declined.idempotencyKey);
    expect(first.values.name).toBe("Kalle Anka");
    expect(JSON.stringify(first)).not.toContain(TEST_CARDS.declined);
    expect(await counters(types[0].id)).toEqual({ sold: 0, held: 0 });

    // Posting the declined form again is the same attempt: same answer, no new order.
    expect(stateOf(await post(declined)).refusal).toEqual({ code: "payment_declined" });
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(1);

    const target = redirectOf(await post(fields({ idempotencyKey: first.idempotencyKey })));
    expect(target).toMatch(/^\/orders\//);
    expect(await db.order.findMany({ where: { eventId: event.id }, select: { status: true }, orderBy: { createdAt: "asc" } })).toEqual([
      { status: "FAILED" },
      { status: "PAID" },
    ]);
    expect(await counters(types[0].id)).toEqual({ sold: 2, held: 0 });
  });

  it("stops card payments from a client after too many declines, keeping what was typed, and not for other clients", async () => {
    const { fields, types, event } = await checkout();
    const tester = { clientAddress: "203.0.113.7" };
    for (let attempt = 0; attempt < DECLINE_LIMIT.limit; attempt++) {
      expect(stateOf(await post(fields({ cardNumber: TEST_CARDS.declined }), tester)).refusal).toEqual({ code: "payment_declined" });
    }
    const ordersBefore = await db.order.count({ where: { eventId: event.id } });

    const blocked = stateOf(await post(fields(), tester));
    expect(blocked.refusal).toEqual({ code: "too_many_declines" });
    expect(blocked.values.name).toBe("Kalle Anka");
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(ordersBefore);

    // Another buyer, and a buyer whose address the proxy did not report, still get through.
    expect(redirectOf(await post(fields(), { clientAddress: "198.51.100.20" }))).toMatch(/^\/orders\//);
    expect(redirectOf(await post(fields()))).toMatch(/^\/orders\//);
    expect(await counters(types[0].id)).toEqual({ sold: 4, held: 0 });
  });

  it("gives a double submission of the same form the one order it made", async () => {
    const { fields, event } = await checkout();
    const once = fields();
    const [a, b] = await Promise.all([post(once), post(once)]);
    expect(redirectOf(a)).toBe(redirectOf(b));
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("says the payment is unavailable when the provider does not answer, and frees the tickets", async () => {
    const { fields, types } = await checkout();
    const state = stateOf(await post(fields({ cardNumber: TEST_CARDS.networkFailure })));
    expect(state.refusal).toEqual({ code: "payment_unavailable" });
    expect(await counters(types[0].id)).toEqual({ sold: 0, held: 0 });
  });

  it("stops once for a misspelt-looking domain and goes on when the same address is sent again", async () => {
    const { fields } = await checkout();
    const posted = fields({ email: "kalle@hotmial.com", emailConfirm: "kalle@hotmial.com" });
    const first = stateOf(await post(posted));
    expect(first.fieldErrors.email).toEqual({ code: "email_suggestion", suggestion: "kalle@hotmail.com" });

    const target = redirectOf(await post({ ...posted, suggestionSeenFor: first.values.suggestionSeenFor }));
    expect(target).toMatch(/^\/orders\//);
  });

  it("sends the buyer to the payment page when the provider takes the card itself", async () => {
    const provider: RedirectProvider = {
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
    const { fields, types } = await checkout();
    const target = redirectOf(await post(fields({ cardNumber: "", cardExpiry: "", cardCvc: "" }), { provider }));
    expect(target).toMatch(/^https:\/\/pay\.example\/session\//);
    expect(await counters(types[0].id)).toEqual({ sold: 0, held: 2 });
    expect(wakes).toBe(1);
  });

  it("refuses an event that is not on sale, and has its page rendered again", async () => {
    const { fields } = await checkout();
    const state = stateOf(await post(fields({ event: "finns-inte" })));
    expect(state.refusal).toEqual({ code: "event_unavailable" });
    expect(state.values.name).toBe("Kalle Anka");
    expect(state.available).toBeNull();
  });

  it("answers a refusal with the quantities on sale now, for the form to show", async () => {
    const { fields, types } = await checkout([
      { name: "Vuxen", priceMinor: 25_000, capacity: 10 },
      { name: "Student", priceMinor: 12_000, capacity: 3 },
    ]);
    // A wrong field: the quantities as this post read them.
    expect(stateOf(await post(fields({ emailConfirm: "annan@example.se" }))).available).toEqual({ [types[0].id]: 10, [types[1].id]: 3 });
    // Sold out since the page was rendered.
    await db.ticketType.update({ where: { id: types[1].id }, data: { sold: 3 } });
    const state = stateOf(await post(fields({ [quantityField(types[0].id)]: "0", [quantityField(types[1].id)]: "2" })));
    expect(state.fieldErrors[quantityField(types[1].id)]).toEqual({ code: "quantity_sold_out", max: 0 });
    expect(state.available).toEqual({ [types[0].id]: 10, [types[1].id]: 0 });
  });

  it("tells every buyer who lost the race for the last ticket that none is left", async () => {
    const { fields, types } = await checkout([{ name: "Vuxen", priceMinor: 25_000, capacity: 1 }]);
    // Several at once read one ticket left; one buys it. Whether a refusal came from this
    // post's first read or from the reservation itself, it says what is left after the sale.
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, buyer) =>
        post(fields({ email: `buyer-${buyer}@example.se`, emailConfirm: `buyer-${buyer}@example.se`, [quantityField(types[0].id)]: "1" })),
      ),
    );
    expect(outcomes.filter((outcome) => "redirectedTo" in outcome)).toHaveLength(1);
    const refusals = outcomes.flatMap((outcome) => ("state" in outcome ? [outcome.state] : []));
    expect(refusals).toHaveLength(5);
    for (const state of refusals) expect(state.available).toEqual({ [types[0].id]: 0 });
    expect(await counters(types[0].id)).toEqual({ sold: 1, held: 0 });
  });
});
