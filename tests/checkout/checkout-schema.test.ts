import { randomUUID } from "node:crypto";
import { formFields } from "@/lib/forms";
import { parseCheckoutForm, quantityField, type CheckoutFormContext } from "@/lib/orders/checkout-schema";
import { TEST_CARDS } from "@/lib/payments/test-provider";

const adult = { id: "0197a000-0000-7000-8000-000000000001", priceMinor: 25_000, maxQuantity: 10 };
const child = { id: "0197a000-0000-7000-8000-000000000002", priceMinor: 0, maxQuantity: 4 };
const gone = { id: "0197a000-0000-7000-8000-000000000003", priceMinor: 10_000, maxQuantity: 0 };
const now = new Date("2026-03-01T12:00:00Z");
const context: CheckoutFormContext = { ticketTypes: [adult, child, gone], cardForm: true, maxTicketsPerOrder: 20, now };

function form(fields: Record<string, string | undefined> = {}) {
  const defaults: Record<string, string> = {
    idempotencyKey: randomUUID(),
    name: "Kalle Anka",
    email: "kalle@example.se",
    emailConfirm: "kalle@example.se",
    terms: "on",
    [quantityField(adult.id)]: "2",
    cardNumber: TEST_CARDS.succeeds,
    cardExpiry: "12/30",
    cardCvc: "123",
  };
  const data = new FormData();
  for (const [name, value] of Object.entries({ ...defaults, ...fields })) {
    if (value !== undefined) data.set(name, value);
  }
  return formFields(data);
}

function errorsOf(fields: Record<string, string | undefined>, ctx = context) {
  const result = parseCheckoutForm(form(fields), ctx);
  if (result.ok) throw new Error("expected the form to be refused");
  return result;
}

describe("parseCheckoutForm", () => {
  it("accepts a complete form: the tickets chosen, the buyer, the card, and no opt-in unless ticked", () => {
    const result = parseCheckoutForm(form({ [quantityField(child.id)]: "1" }), context);
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    expect(result.data).toMatchObject({
      name: "Kalle Anka",
      email: "kalle@example.se",
      marketingOptIn: false,
      items: [
        { ticketTypeId: adult.id, quantity: 2 },
        { ticketTypeId: child.id, quantity: 1 },
      ],
      card: { number: TEST_CARDS.succeeds, expiry: "12/30", cvc: "123" },
    });
    expect(parseCheckoutForm(form({ marketingOptIn: "on" }), context)).toMatchObject({ ok: true, data: { marketingOptIn: true } });
  });

  it("reports every missing field at once, each under its own name", () => {
    const result = errorsOf({
      name: " ",
      email: "",
      emailConfirm: "",
      terms: undefined,
      [quantityField(adult.id)]: "0",
      cardNumber: "",
      cardExpiry: "",
      cardCvc: "",
    });
    expect(result.fieldErrors).toEqual({
      name: { code: "name_required" },
      email: { code: "email_required" },
      emailConfirm: { code: "email_confirm_required" },
      terms: { code: "terms_required" },
      tickets: { code: "tickets_required" },
    });
  });

  it("asks for each card field when the tickets cost money", () => {
    const result = errorsOf({ cardNumber: "", cardExpiry: " ", cardCvc: "" });
    expect(result.fieldErrors).toEqual({
      cardNumber: { code: "card_number_required" },
      cardExpiry: { code: "card_expiry_required" },
      cardCvc: { code: "card_cvc_required" },
    });
  });

  it("refuses a wrong card number, a passed expiry and a short CVC", () => {
    const result = errorsOf({ cardNumber: "4242 4242 4242 4241", cardExpiry: "02/26", cardCvc: "12" });
    expect(result.fieldErrors).toEqual({
      cardNumber: { code: "card_number_invalid" },
      cardExpiry: { code: "card_expiry_invalid" },
      cardCvc: { code: "card_cvc_invalid" },
    });
  });

  it("needs no card for free tickets and ignores card fields then", () => {
    const result = parseCheckoutForm(
      form({ [quantityField(adult.id)]: "0", [quantityField(child.id)]: "2", cardNumber: "", cardExpiry: "", cardCvc: "" }),
      context,
    );
    expect(result).toMatchObject({ ok: true, data: { items: [{ ticketTypeId: child.id, quantity: 2 }] } });
    if (result.ok) expect(result.data.card).toBeUndefined();
  });

  it("needs no card fields when the payment happens on the provider's page", () => {
    const result = parseCheckoutForm(form({ cardNumber: undefined, cardExpiry: undefined, cardCvc: undefined }), {
      ...context,
      cardForm: false,
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data.card).toBeUndefined();
  });

  it.each([
    ["Kalle <kalle@example.se>", "email_not_plain"],
    ["kalle@example.se, anna@example.se", "email_not_plain"],
    ["kalle@", "email_invalid"],
    ["kalle.example.se", "email_invalid"],
    [`${"a".repeat(250)}@example.se`, "email_too_long"],
  ])("refuses %j as %s", (email, code) => {
    expect(errorsOf({ email, emailConfirm: email }).fieldErrors.email).toEqual({ code });
  });

  it("refuses a second address that differs from the first, next to the second field", () => {
    expect(errorsOf({ emailConfirm: "kalle@example.com" }).fieldErrors).toEqual({ emailConfirm: { code: "email_mismatch" } });
  });

  it("takes the same mailbox typed twice in another case or with spaces", () => {
    expect(parseCheckoutForm(form({ email: "Kalle@Example.SE", emailConfirm: " kalle@example.se " }), context).ok).toBe(true);
  });

  it("stops once to suggest a correction for a misspelt domain, then goes on with the address as given", () => {
    const first = errorsOf({ email: "kalle@gmial.com", emailConfirm: "kalle@gmial.com" });
    expect(first.fieldErrors).toEqual({ email: { code: "email_suggestion", suggestion: "kalle@gmail.com" } });
    expect(first.values.suggestionSeenFor).toBe("kalle@gmial.com");

    const again = parseCheckoutForm(
      form({ email: "kalle@gmial.com", emailConfirm: "kalle@gmial.com", suggestionSeenFor: first.values.suggestionSeenFor }),
      context,
    );
    expect(again).toMatchObject({ ok: true, data: { email: "kalle@gmial.com" } });
  });

  it("bounds each quantity by what one order may take of it", () => {
    expect(errorsOf({ [quantityField(adult.id)]: "11" }).fieldErrors[quantityField(adult.id)]).toEqual({ code: "quantity_max", max: 10 });
    expect(errorsOf({ [quantityField(gone.id)]: "1" }).fieldErrors[quantityField(gone.id)]).toEqual({ code: "quantity_sold_out", max: 0 });
    expect(errorsOf({ [quantityField(adult.id)]: "-1" }).fieldErrors[quantityField(adult.id)]).toEqual({
      code: "quantity_invalid",
      max: 10,
    });
    expect(errorsOf({ [quantityField(adult.id)]: "1.5" }).fieldErrors[quantityField(adult.id)]).toEqual({
      code: "quantity_invalid",
      max: 10,
    });
  });

  it("refuses more tickets in all than one order may hold", () => {
    expect(parseCheckoutForm(form({ [quantityField(adult.id)]: "4" }), { ...context, maxTicketsPerOrder: 4 }).ok).toBe(true);
    const over = errorsOf({ [quantityField(adult.id)]: "3", [quantityField(child.id)]: "2" }, { ...context, maxTicketsPerOrder: 4 });
    expect(over.fieldErrors).toEqual({ tickets: { code: "tickets_too_many", max: 4 } });
  });

  it("keeps what was typed for the form, but never the card details", () => {
    const result = errorsOf({ name: "", marketingOptIn: "on", cardNumber: "4242424242424242", cardCvc: "987" });
    expect(result.values).toEqual({
      name: "",
      email: "kalle@example.se",
      emailConfirm: "kalle@example.se",
      terms: true,
      marketingOptIn: true,
      quantities: { [adult.id]: "2", [child.id]: "", [gone.id]: "" },
      suggestionSeenFor: "",
    });
    const echoed = JSON.stringify(result);
    expect(echoed).not.toContain("4242424242424242");
    expect(echoed).not.toContain("987");
    expect(echoed).not.toContain("12/30");
  });

  it("reads nothing about money from the form", () => {
    const result = parseCheckoutForm(form({ totalMinor: "1", priceMinor: "1", [`price_${adult.id}`]: "1" }), context);
    if (!result.ok) throw new Error("expected ok");
    expect(Object.keys(result.data).sort()).toEqual(["card", "email", "idempotencyKey", "items", "marketingOptIn", "name"]);
    expect(result.data.items).toEqual([{ ticketTypeId: adult.id, quantity: 2 }]);
  });

  it("refuses a form without a valid idempotency key", () => {
    expect(errorsOf({ idempotencyKey: "again" }).fieldErrors).toEqual({ idempotencyKey: { code: "form_expired" } });
  });
});
