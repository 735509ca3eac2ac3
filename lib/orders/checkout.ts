// The checkout, from a posted form to an order: check the form, place the order, then say
// where the buyer goes on to (their tickets, or the payment provider's page). A function of
// the form's fields without a request, so tests post to it directly; the page's server action
// (app/[locale]/events/[slug]/checkout/actions.ts) adds the browser's cookie, and either hands
// the address to the page, which navigates, or (a plain form post without JavaScript) redirects.
import "server-only";
import { randomUUID } from "node:crypto";
import type { ActionResult } from "../action-result";
import type { AppLocale } from "../i18n/locales";
import { clientRateLimitKey, hit, isLimited } from "../rate-limit";
import { paymentProvider } from "../payments";
import type { PaymentProvider } from "../payments/provider";
import { checkoutValues, parseCheckoutForm, type CheckoutFieldErrors, type CheckoutFields, type CheckoutValues } from "./checkout-schema";
import { MAX_TICKETS_PER_ORDER, placeOrder, type CheckoutRefusal } from "./place-order";
import { getCheckoutEventBySlug } from "./queries";
import { offerForCheckout, offerTicketTypes } from "../waiting-list/checkout-offer";

export type CheckoutFormError = {
  code: CheckoutRefusal;
  /** The ticket type a refusal is about (sold out, not on sale, too many). */
  ticketTypeName?: string;
  max?: number;
};

/**
 * Where the buyer goes after an order was placed, or what the form shows after a post that did
 * not lead to one: `error` is "invalid_form" when only fields are wrong, else the refusal, and
 * `refusal` says more (which ticket type, how many at most).
 */
export type CheckoutResult = ActionResult<
  {
    orderId: string;
    /** Where the buyer goes now: the order's page (a path), or the payment provider's page (a URL). */
    location: string;
    /** The order's own page, a path with its key: where a paid order is shown. */
    orderPath: string;
  },
  "invalid_form" | CheckoutRefusal,
  {
    refusal: CheckoutFormError | null;
    fieldErrors: CheckoutFieldErrors;
    values: CheckoutValues;
    /** The key the next post must carry: the same one, or a new one after a refused payment. */
    idempotencyKey: string;
    /**
     * How many of each ticket type on the page one order may have now (0: sold out or no longer
     * on sale), for the form to show without the page being rendered again; null when the page
     * itself has changed (the event or the waiting-list offer is gone) and must be rendered again.
     */
    available: Record<string, number> | null;
  }
>;

// Refusals after which the quantities the page was rendered with are out of date: the answer
// brings them as they are now.
const STOCK_REFUSALS: ReadonlySet<CheckoutRefusal> = new Set(["sold_out", "not_on_sale", "too_many", "event_unavailable"]);

function quantitiesNow(types: { id: string; maxQuantity: number }[]): Record<string, number> {
  return Object.fromEntries(types.map((type) => [type.id, type.maxQuantity]));
}

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
};

export async function checkout(fields: CheckoutFields, options: CheckoutFormOptions): Promise<CheckoutResult> {
  const { locale, provider = paymentProvider(), now = new Date() } = options;
  const postedKey = typeof fields.idempotencyKey === "string" ? fields.idempotencyKey : "";
  const slug = fields.event;
  const event = typeof slug === "string" && slug !== "" ? await getCheckoutEventBySlug(slug, now) : null;
  if (!event) {
    return {
      ok: false,
      error: "event_unavailable",
      refusal: { code: "event_unavailable" },
      fieldErrors: {},
      values: checkoutValues(fields, []),
      idempotencyKey: postedKey || randomUUID(),
      available: null,
    };
  }

  // Through a waiting-list offer's link: only its held tickets, and only with its key.
  const offer = await offerForCheckout(fields, now);
  if (offer === null || (offer && offer.eventSlug !== event.slug)) {
    return {
      ok: false,
      error: "sold_out",
      refusal: { code: "sold_out" },
      fieldErrors: {},
      values: checkoutValues(fields, []),
      idempotencyKey: postedKey || randomUUID(),
      available: null,
    };
  }
  const ticketTypes = offer ? offerTicketTypes(event.ticketTypes, offer) : event.ticketTypes;
  const parsed = parseCheckoutForm(fields, {
    ticketTypes,
    cardForm: provider.flow === "card-form",
    maxTicketsPerOrder: MAX_TICKETS_PER_ORDER,
    now,
  });
  if (!parsed.ok) {
    return {
      ok: false,
      error: "invalid_form",
      refusal: null,
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
      idempotencyKey: parsed.fieldErrors.idempotencyKey ? randomUUID() : postedKey,
      available: quantitiesNow(ticketTypes),
    };
  }

  const { data } = parsed;
  const client = options.clientAddress && options.clientAddress !== "unknown" ? options.clientAddress : null;
  const declinesKey = client ? clientRateLimitKey("checkout-declines", client) : null;
  if (declinesKey && data.card && (await isLimited(declinesKey, DECLINE_LIMIT.limit, now))) {
    return {
      ok: false,
      error: "too_many_declines",
      refusal: { code: "too_many_declines" },
      fieldErrors: {},
      values: parsed.values,
      idempotencyKey: data.idempotencyKey,
      available: quantitiesNow(ticketTypes),
    };
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
      ...(offer ? { waitingListEntryId: offer.entryId } : {}),
    },
    { provider, now },
  );

  if (!result.ok) {
    if (declinesKey && result.refusal === "payment_declined") await hit(declinesKey, { ...DECLINE_LIMIT, now });
    const type = event.ticketTypes.find((candidate) => candidate.id === result.ticketTypeId);
    const max = result.refusal === "too_many" ? (type ? type.maxQuantity : MAX_TICKETS_PER_ORDER) : undefined;
    // Sold out (or gone) since the page was read: one read of the event as it is now. An offer's
    // page says more than its quantities (that the offer is gone), so it is rendered again.
    let available: Record<string, number> | null = quantitiesNow(ticketTypes);
    if (STOCK_REFUSALS.has(result.refusal)) {
      const current = offer ? null : await getCheckoutEventBySlug(event.slug, now);
      available = current ? quantitiesNow(current.ticketTypes) : null;
    }
    return {
      ok: false,
      error: result.refusal,
      refusal: { code: result.refusal, ...(type ? { ticketTypeName: type.name } : {}), ...(max !== undefined ? { max } : {}) },
      fieldErrors: {},
      values: parsed.values,
      idempotencyKey: NEEDS_NEW_KEY.has(result.refusal) ? randomUUID() : data.idempotencyKey,
      available,
    };
  }

  // An answer, not a redirect: the page navigates itself (a redirect inside the action would
  // render the whole order page into this response); the action redirects only a plain post.
  return {
    ok: true,
    orderId: result.orderId,
    location: result.status === "PAID" ? result.confirmationPath : result.redirectUrl,
    orderPath: result.orderPath,
  };
}
