// The checkout form: what a buyer posts, checked field by field so every mistake is shown next
// to its field at once. Prices here only decide whether a card is needed; placeOrder prices
// the order again from the database, and nothing the form says about money is read.
import { z } from "zod";
import { normaliseEmail, parseEmail } from "../accounts/email-address";
import { singleLineText } from "../free-text";
import type { CardInput } from "../payments/provider";
import { checkCard } from "../payments/test-provider";

export type CheckoutErrorCode =
  | "name_required"
  | "name_too_long"
  | "name_control_characters"
  | "email_required"
  | "email_invalid"
  | "email_not_plain"
  | "email_too_long"
  | "email_suggestion"
  | "email_confirm_required"
  | "email_mismatch"
  | "terms_required"
  | "quantity_invalid"
  | "quantity_max"
  | "quantity_sold_out"
  | "tickets_required"
  | "tickets_too_many"
  | "card_number_required"
  | "card_number_invalid"
  | "card_expiry_required"
  | "card_expiry_invalid"
  | "card_cvc_required"
  | "card_cvc_invalid"
  | "form_expired";

export type CheckoutFieldError = { code: CheckoutErrorCode; max?: number; suggestion?: string };

/** One error per field, keyed by the field's name ("email", "q_<ticketTypeId>", "tickets"…). */
export type CheckoutFieldErrors = Record<string, CheckoutFieldError>;

/** What the buyer typed, to fill the form in again. Card fields are never part of it. */
export type CheckoutValues = {
  name: string;
  email: string;
  emailConfirm: string;
  terms: boolean;
  marketingOptIn: boolean;
  /** By ticket type id, as typed. */
  quantities: Record<string, string>;
  /** The address whose misspelt-domain suggestion the buyer has already seen. */
  suggestionSeenFor: string;
};

export type CheckoutTicketOption = { id: string; priceMinor: number; maxQuantity: number };

export type CheckoutFormContext = {
  ticketTypes: CheckoutTicketOption[];
  /** The payment provider takes the card on our form (the test provider). */
  cardForm: boolean;
  maxTicketsPerOrder: number;
  now?: Date;
};

export type CheckoutFormData = {
  idempotencyKey: string;
  name: string;
  /** As typed (trimmed); placeOrder stores it so and normalises it for the account. */
  email: string;
  marketingOptIn: boolean;
  items: { ticketTypeId: string; quantity: number }[];
  card?: CardInput;
};

export type CheckoutParseResult =
  { ok: true; data: CheckoutFormData; values: CheckoutValues } | { ok: false; fieldErrors: CheckoutFieldErrors; values: CheckoutValues };

export const MAX_NAME_LENGTH = 200;

export function quantityField(ticketTypeId: string): string {
  return `q_${ticketTypeId}`;
}

/** The posted form as lib/forms.ts's formFields reads it: field names can be any ticket type's. */
export type CheckoutFields = Record<string, unknown>;

const text = (value: unknown) => (typeof value === "string" ? value : "");
const ticked = (value: unknown) => value === "on" || value === "true";

// Codes, not sentences: the form translates them into the reader's language.
const buyerSchema = z.object({
  idempotencyKey: z.uuid({ error: "form_expired" }),
  name: singleLineText("name_control_characters").min(1, { error: "name_required" }).max(MAX_NAME_LENGTH, { error: "name_too_long" }),
  email: z
    .string()
    .trim()
    .superRefine((raw, ctx) => {
      const parsed = parseEmail(raw);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.problem === "empty" ? "email_required" : `email_${parsed.problem}` });
    }),
  emailConfirm: z.string().trim().min(1, { error: "email_confirm_required" }),
  terms: z.literal(true, { error: "terms_required" }),
  marketingOptIn: z.boolean(),
});

// One schema per limit, built once: zod compiles a schema on its first use, and building one
// per ticket type per post cost the checkout more than the parse itself.
const quantitySchemas = new Map<number, ReturnType<typeof buildQuantitySchema>>();

function quantitySchema(maxQuantity: number) {
  let schema = quantitySchemas.get(maxQuantity);
  if (!schema) quantitySchemas.set(maxQuantity, (schema = buildQuantitySchema(maxQuantity)));
  return schema;
}

function buildQuantitySchema(maxQuantity: number) {
  return z
    .string()
    .trim()
    .transform((raw) => (raw === "" ? "0" : raw))
    .pipe(z.string().regex(/^\d{1,4}$/, { error: "quantity_invalid" }))
    .transform(Number)
    .pipe(z.number().max(maxQuantity, { error: maxQuantity === 0 ? "quantity_sold_out" : "quantity_max" }));
}

function cardProblems(card: CardInput, now: Date): CheckoutFieldErrors {
  const errors: CheckoutFieldErrors = {};
  const problems = checkCard(card, now);
  if (card.number.trim() === "") errors.cardNumber = { code: "card_number_required" };
  else if (problems.includes("number")) errors.cardNumber = { code: "card_number_invalid" };
  if (card.expiry.trim() === "") errors.cardExpiry = { code: "card_expiry_required" };
  else if (problems.includes("expiry")) errors.cardExpiry = { code: "card_expiry_invalid" };
  if (card.cvc.trim() === "") errors.cardCvc = { code: "card_cvc_required" };
  else if (problems.includes("cvc")) errors.cardCvc = { code: "card_cvc_invalid" };
  return errors;
}

/** What the form holds, without card details, for filling it in again. */
export function checkoutValues(form: CheckoutFields, ticketTypeIds: string[]): CheckoutValues {
  return {
    name: text(form.name),
    email: text(form.email),
    emailConfirm: text(form.emailConfirm),
    terms: ticked(form.terms),
    marketingOptIn: ticked(form.marketingOptIn),
    quantities: Object.fromEntries(ticketTypeIds.map((id) => [id, text(form[quantityField(id)])])),
    suggestionSeenFor: text(form.suggestionSeenFor),
  };
}

/**
 * Checks a posted checkout form against the ticket types on sale. A misspelt-looking email
 * domain stops the form once, with the suggestion; posting the same address again goes on.
 */
export function parseCheckoutForm(form: CheckoutFields, context: CheckoutFormContext): CheckoutParseResult {
  const now = context.now ?? new Date();
  const values = checkoutValues(
    form,
    context.ticketTypes.map((type) => type.id),
  );
  const fieldErrors: CheckoutFieldErrors = {};
  const firstIssues = (issues: z.core.$ZodIssue[]) => {
    for (const issue of issues) {
      const field = String(issue.path[0] ?? "form");
      fieldErrors[field] ??= { code: issue.message as CheckoutErrorCode };
    }
  };

  const buyer = buyerSchema.safeParse({
    idempotencyKey: text(form.idempotencyKey),
    name: values.name,
    email: values.email,
    emailConfirm: values.emailConfirm,
    terms: values.terms,
    marketingOptIn: values.marketingOptIn,
  });
  if (!buyer.success) firstIssues(buyer.error.issues);

  // The same mailbox typed twice, whatever the case or spacing.
  const email = parseEmail(values.email);
  if (email.ok && !fieldErrors.emailConfirm && normaliseEmail(values.emailConfirm) !== email.email) {
    fieldErrors.emailConfirm = { code: "email_mismatch" };
  }
  if (email.ok && email.suggestion && values.suggestionSeenFor !== email.email) {
    fieldErrors.email ??= { code: "email_suggestion", suggestion: email.suggestion };
    values.suggestionSeenFor = email.email;
  }

  const items: CheckoutFormData["items"] = [];
  let totalMinor = 0;
  for (const type of context.ticketTypes) {
    const field = quantityField(type.id);
    const quantity = quantitySchema(type.maxQuantity).safeParse(values.quantities[type.id]);
    if (!quantity.success) {
      fieldErrors[field] = { code: quantity.error.issues[0].message as CheckoutErrorCode, max: type.maxQuantity };
    } else if (quantity.data > 0) {
      items.push({ ticketTypeId: type.id, quantity: quantity.data });
      totalMinor += quantity.data * type.priceMinor;
    }
  }
  const count = items.reduce((sum, item) => sum + item.quantity, 0);
  const quantitiesValid = !context.ticketTypes.some((type) => fieldErrors[quantityField(type.id)]);
  if (quantitiesValid && count === 0) fieldErrors.tickets = { code: "tickets_required" };
  if (count > context.maxTicketsPerOrder) fieldErrors.tickets = { code: "tickets_too_many", max: context.maxTicketsPerOrder };

  const card: CardInput = {
    number: text(form.cardNumber),
    expiry: text(form.cardExpiry),
    cvc: text(form.cardCvc),
  };
  // Free tickets need no card; the card fields of a free order are ignored, not refused.
  if (context.cardForm && totalMinor > 0) Object.assign(fieldErrors, cardProblems(card, now));

  if (!buyer.success || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors, values };
  return {
    ok: true,
    values,
    data: {
      idempotencyKey: buyer.data.idempotencyKey,
      name: buyer.data.name,
      email: buyer.data.email,
      marketingOptIn: buyer.data.marketingOptIn,
      items,
      ...(context.cardForm && totalMinor > 0 ? { card } : {}),
    },
  };
}
