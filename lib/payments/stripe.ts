// Stripe Checkout: the buyer types their card on Stripe's own page, so card data never
// reaches our servers. We create a Checkout Session for the pending order and learn the
// outcome only from Stripe's signed webhook (see stripe-webhook.ts). Requests go through
// Stripe's official SDK.
import Stripe from "stripe";
import {
  PaymentUnavailableError,
  type PaymentCard,
  type RedirectCheckoutInput,
  type RedirectProvider,
  type RefundResult,
} from "./provider";

const STRIPE_API = "https://api.stripe.com";

/**
 * The order number on the buyer's card statement, after the account's prefix ("BILJETT* 7KX2M9QD").
 * Stripe wants at least one Latin letter in a suffix; an order number of digits only gets "NR"
 * in front. Ten characters at most, so prefix (up to 10), "* " and suffix fit in Stripe's 22.
 */
export function statementDescriptorSuffix(orderNumber: string): string {
  const number = orderNumber
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "")
    .slice(0, 8);
  return /[A-Z]/.test(number) ? number : `NR${number}`;
}

function checkoutSessionParams(input: RedirectCheckoutInput): Stripe.Checkout.SessionCreateParams {
  return {
    mode: "payment",
    client_reference_id: input.orderId,
    customer_email: input.customerEmail,
    locale: input.locale,
    success_url: input.successUrl,
    cancel_url: input.cancelUrl,
    expires_at: Math.floor(input.expiresAt.getTime() / 1000),
    metadata: { orderId: input.orderId, orderNumber: input.orderNumber },
    payment_intent_data: {
      metadata: { orderId: input.orderId, orderNumber: input.orderNumber },
      statement_descriptor_suffix: statementDescriptorSuffix(input.orderNumber),
    },
    line_items: input.lines.map((line) => ({
      quantity: line.quantity,
      price_data: {
        currency: input.currency.toLowerCase(),
        unit_amount: line.unitPriceMinor,
        product_data: { name: line.name },
      },
    })),
  };
}

/**
 * A Stripe refund in our words. "requires_action" (the customer must give bank details) waits
 * like "pending"; "canceled" ends it like "failed".
 */
export function stripeRefundResult(refund: Pick<Stripe.Refund, "id" | "status" | "failure_reason">): RefundResult {
  if (refund.status === "failed" || refund.status === "canceled")
    return { status: "failed", reason: refund.failure_reason ?? refund.status };
  return { status: refund.status === "succeeded" ? "succeeded" : "pending", reference: refund.id };
}

/** What Stripe made of a request: its answer, or the status of a refusal. */
type Answer<T> = { ok: true; body: T } | { ok: false; status: number };

/**
 * Sends one request through the SDK. No answer at all (network error, timeout, after the SDK's
 * retries) throws PaymentUnavailableError; an answer other than 2xx comes back as `ok: false`.
 */
async function send<T>(request: Promise<Stripe.Response<T>>): Promise<Answer<T>> {
  try {
    const body = await request;
    const status = body.lastResponse.statusCode;
    // The SDK trusts a body without `error`; a non-2xx answer is a refusal all the same.
    return status >= 200 && status < 300 ? { ok: true, body } : { ok: false, status };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeConnectionError) throw new PaymentUnavailableError(`Stripe unreachable: ${error.message}`);
    // The error may name the request but never holds card data (we send none).
    if (error instanceof Stripe.errors.StripeError) return { ok: false, status: error.statusCode ?? 0 };
    throw error;
  }
}

export function stripeProvider({
  secretKey,
  apiBase = STRIPE_API,
  timeoutMs = 10_000,
  maxNetworkRetries = 1,
}: {
  secretKey: string;
  /** Where Stripe's API answers; tests point it at a local fake. */
  apiBase?: string;
  /** Per attempt: the buyer waits at most about (1 + maxNetworkRetries) × timeoutMs. */
  timeoutMs?: number;
  /** Retries after a network error, 409 or 5xx; a retry sends the same idempotency key. */
  maxNetworkRetries?: number;
}): RedirectProvider {
  const base = new URL(apiBase);
  const stripe = new Stripe(secretKey, {
    host: base.hostname,
    port: base.port || (base.protocol === "http:" ? 80 : 443),
    protocol: base.protocol === "http:" ? "http" : "https",
    timeout: timeoutMs,
    maxNetworkRetries,
  });

  return {
    id: "stripe",
    flow: "redirect",
    async closeCheckout(reference) {
      // Expiring an open session makes its page refuse payment at once.
      const expired = await send(stripe.checkout.sessions.expire(reference));
      if (expired.ok) return "closed";
      // Stripe refuses to expire a session that is no longer open: ask what became of it.
      const looked = await send(stripe.checkout.sessions.retrieve(reference));
      if (!looked.ok) throw new PaymentUnavailableError(`Stripe answered ${expired.status}, then ${looked.status}`);
      const session = looked.body;
      if (session.status === "expired") return "closed";
      if (session.status === "complete") return "paid";
      throw new PaymentUnavailableError(`Stripe session is ${session.status ?? "of unknown status"}`);
    },
    async paymentCard(paymentIntentId): Promise<PaymentCard | null> {
      // The charge holds what the card network told Stripe: brand and last four, never more.
      const answer = await send(stripe.paymentIntents.retrieve(paymentIntentId, { expand: ["latest_charge"] }));
      if (!answer.ok) throw new PaymentUnavailableError(`Stripe answered ${answer.status}`);
      const charge = answer.body.latest_charge;
      const card = typeof charge === "object" ? charge?.payment_method_details?.card : null;
      if (!card) return null;
      const last4 = typeof card.last4 === "string" && /^\d{4}$/.test(card.last4) ? card.last4 : null;
      return { brand: typeof card.brand === "string" ? card.brand.slice(0, 32) : null, last4 };
    },
    async refund({ paymentRef, orderId, refundId, amountMinor, currency, idempotencyKey }): Promise<RefundResult> {
      // The order keeps the Checkout Session; a refund names the payment the session made.
      const looked = await send(stripe.checkout.sessions.retrieve(paymentRef));
      if (!looked.ok) throw new PaymentUnavailableError(`Stripe answered ${looked.status}`);
      const intent = looked.body.payment_intent;
      const paymentIntent = typeof intent === "string" ? intent : intent?.id;
      if (!paymentIntent) return { status: "failed", reason: "no_payment" };
      if (looked.body.currency && looked.body.currency.toLowerCase() !== currency.toLowerCase())
        return { status: "failed", reason: "currency" };
      // The idempotency key: a retry (ours, the SDK's or a worker's after a crash) refunds once.
      const answer = await send(
        stripe.refunds.create(
          { payment_intent: paymentIntent, amount: amountMinor, metadata: refundId ? { orderId, refundId } : { orderId } },
          { idempotencyKey: `refund-${idempotencyKey}` },
        ),
      );
      if (!answer.ok) {
        // 4xx: Stripe refuses this refund (already refunded in full, a disputed charge); 5xx or 409: ask again.
        if (answer.status >= 400 && answer.status < 500 && answer.status !== 409 && answer.status !== 429)
          return { status: "failed", reason: `stripe_${answer.status}` };
        throw new PaymentUnavailableError(`Stripe answered ${answer.status}`);
      }
      return stripeRefundResult(answer.body);
    },
    async refundState(reference): Promise<RefundResult> {
      const answer = await send(stripe.refunds.retrieve(reference));
      if (!answer.ok) throw new PaymentUnavailableError(`Stripe answered ${answer.status}`);
      return stripeRefundResult(answer.body);
    },
    async createCheckout(input) {
      // The idempotency key: a retried request (ours or the SDK's) creates no second session.
      const answer = await send(
        stripe.checkout.sessions.create(checkoutSessionParams(input), { idempotencyKey: `checkout-${input.idempotencyKey}` }),
      );
      if (!answer.ok) throw new PaymentUnavailableError(`Stripe answered ${answer.status}`);
      const session = answer.body;
      if (!session.id || !session.url) throw new PaymentUnavailableError("Stripe sent no session URL");
      return { url: session.url, reference: session.id };
    },
  };
}
