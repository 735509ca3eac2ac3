// The checkout form's server side, callable without a request so tests can post a FormData to
// it: check the form, place the order, then send the buyer on to their tickets or to the
// payment page. actions.ts wraps it as the server action the page uses.
import "server-only";
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import type { AppLocale } from "@/lib/i18n/locales";
import {
  checkoutValues,
  parseCheckoutForm,
  type CheckoutFieldErrors,
  type CheckoutValues,
} from "@/lib/orders/checkout-schema";
import { MAX_TICKETS_PER_ORDER, placeOrder, type CheckoutRefusal } from "@/lib/orders/place-order";
import { getCheckoutEventBySlug } from "@/lib/orders/queries";
import { wakeOutboxSender } from "@/lib/outbox/in-app";
import { clientRateLimitKey, hit, isLimited } from "@/lib/rate-limit";
import { paymentProvider } from "@/lib/payments";
import type { PaymentProvider } from "@/lib/payments/provider";

export type CheckoutFormError = {
  code: CheckoutRefusal;
  /** The ticket type a refusal is about (sold out, not on sale, too many). */
  ticketTypeName?: string;
  max?: number;
};

/** What the form shows after a post that did not lead to a payment or a confirmation. */
export type CheckoutFormState = {
  ok: false;
  error: CheckoutFormError | null;
  fieldErrors: CheckoutFieldErrors;
  values: CheckoutValues;
  /** The key the next post must carry: the same one, or a new one after a refused payment. */
  idempotencyKey: string;
} | null;

// After these the key has an order behind it (failed, or made with other details), so a
// corrected retry must be a new request. Other refusals happen before the key is claimed.
const NEEDS_NEW_KEY: ReadonlySet<CheckoutRefusal> = new Set(["payment_declined", "payment_unavailable", "request_conflict"]);

/**
 * Card testing (trying stolen card numbers against a checkout) shows as many declines from
 * one client. After this many within the window, that client's card payments are refused
 * before they reach the provider. Successful and sold-out attempts are never counted, so an
 * on-sale rush from one shared address is not slowed down. Without a known client address
 * (no proxy headers) there is no limit: one bucket shared by everyone would let a single
 * card tester stop every buyer's payments.
 */
export const DECLINE_LIMIT = { limit: 10, windowMs: 60 * 60_000 };

export type CheckoutFormOptions = {
  locale: AppLocale;
  /** The buyer's address as the proxy reports it (lib/rate-limit clientAddress), for the decline limit. */
  clientAddress?: string;
  provider?: PaymentProvider;
  now?: Date;
  /** Runs once an order is placed; by default it wakes the in-process email sender. */
  afterOrderPlaced?: (order: { id: string }) => void | Promise<void>;
};

export async function checkoutFormAction(formData: FormData, options: CheckoutFormOptions): Promise<CheckoutFormState> {
  const { locale, provider = paymentProvider(), now = new Date(), afterOrderPlaced = wakeOutboxSender } = options;
  const postedKey = typeof formData.get("idempotencyKey") === "string" ? String(formData.get("idempotencyKey")) : "";
  const slug = formData.get("event");
  const event = typeof slug === "string" && slug !== "" ? await getCheckoutEventBySlug(slug, now) : null;
  if (!event) {
    return {
      ok: false,
      error: { code: "event_unavailable" },
      fieldErrors: {},
      values: checkoutValues(formData, []),
      idempotencyKey: postedKey || randomUUID(),
    };
  }

  const parsed = parseCheckoutForm(formData, {
    ticketTypes: event.ticketTypes,
    cardForm: provider.flow === "card-form",
    maxTicketsPerOrder: MAX_TICKETS_PER_ORDER,
    now,
  });
  if (!parsed.ok) {
    return {
      ok: false,
      error: null,
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
      idempotencyKey: parsed.fieldErrors.idempotencyKey ? randomUUID() : postedKey,
    };
  }

  const { data } = parsed;
  const client = options.clientAddress && options.clientAddress !== "unknown" ? options.clientAddress : null;
  const declinesKey = client ? clientRateLimitKey("checkout-declines", client) : null;
  if (declinesKey && data.card && (await isLimited(declinesKey, DECLINE_LIMIT.limit, now))) {
    return { ok: false, error: { code: "too_many_declines" }, fieldErrors: {}, values: parsed.values, idempotencyKey: data.idempotencyKey };
  }
  const result = await placeOrder(
    {
      eventId: event.id,
      items: data.items,
      buyer: { name: data.name, email: data.email },
      marketingOptIn: data.marketingOptIn,
      locale,
      idempotencyKey: data.idempotencyKey,
      card: data.card,
    },
    { provider, now },
  );

  if (!result.ok) {
    if (declinesKey && result.refusal === "payment_declined") await hit(declinesKey, { ...DECLINE_LIMIT, now });
    const type = event.ticketTypes.find((candidate) => candidate.id === result.ticketTypeId);
    const max = result.refusal === "too_many" ? (type ? type.maxQuantity : MAX_TICKETS_PER_ORDER) : undefined;
    return {
      ok: false,
      error: { code: result.refusal, ...(type ? { ticketTypeName: type.name } : {}), ...(max !== undefined ? { max } : {}) },
      fieldErrors: {},
      values: parsed.values,
      idempotencyKey: NEEDS_NEW_KEY.has(result.refusal) ? randomUUID() : data.idempotencyKey,
    };
  }

  await afterOrderPlaced({ id: result.orderId });
  // redirect() throws to end the request, so it stays outside any try/catch.
  redirect(result.status === "PAID" ? result.confirmationPath : result.redirectUrl);
}
