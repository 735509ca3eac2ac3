// Stripe Checkout: the buyer types their card on Stripe's own page, so card data never
// reaches our servers. We create a Checkout Session for the pending order and learn the
// outcome only from Stripe's signed webhook (see stripe-webhook.ts).
import { PaymentUnavailableError, type PaymentCard, type RedirectCheckoutInput, type RedirectProvider } from "./provider";

export const STRIPE_API = "https://api.stripe.com";

/** Stripe's form encoding: nested keys in brackets (line_items[0][price_data][currency]). */
export function stripeForm(params: Record<string, unknown>, prefix = ""): URLSearchParams {
  const form = new URLSearchParams();
  const add = (key: string, value: unknown) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) value.forEach((item, index) => add(`${key}[${index}]`, item));
    else if (typeof value === "object") for (const [k, v] of Object.entries(value)) add(`${key}[${k}]`, v);
    else form.append(key, String(value));
  };
  for (const [key, value] of Object.entries(params)) add(prefix ? `${prefix}[${key}]` : key, value);
  return form;
}

export function checkoutSessionParams(input: RedirectCheckoutInput): URLSearchParams {
  return stripeForm({
    mode: "payment",
    client_reference_id: input.orderId,
    customer_email: input.customerEmail,
    locale: input.locale,
    success_url: input.successUrl,
    cancel_url: input.cancelUrl,
    expires_at: Math.floor(input.expiresAt.getTime() / 1000),
    metadata: { orderId: input.orderId, orderNumber: input.orderNumber },
    payment_intent_data: { metadata: { orderId: input.orderId, orderNumber: input.orderNumber } },
    line_items: input.lines.map((line) => ({
      quantity: line.quantity,
      price_data: {
        currency: input.currency.toLowerCase(),
        unit_amount: line.unitPriceMinor,
        product_data: { name: line.name },
      },
    })),
  });
}

export function stripeProvider({
  secretKey,
  apiBase = STRIPE_API,
  timeoutMs = 15_000,
}: {
  secretKey: string;
  apiBase?: string;
  timeoutMs?: number;
}): RedirectProvider {
  async function call(method: "GET" | "POST", path: string, init: { body?: URLSearchParams; idempotencyKey?: string } = {}) {
    try {
      return await fetch(`${apiBase}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${secretKey}`,
          ...(init.body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
          ...(init.idempotencyKey ? { "idempotency-key": init.idempotencyKey } : {}),
        },
        body: init.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new PaymentUnavailableError(`Stripe unreachable: ${(error as Error).name}`);
    }
  }

  return {
    id: "stripe",
    flow: "redirect",
    async closeCheckout(reference) {
      const path = `/v1/checkout/sessions/${encodeURIComponent(reference)}`;
      // Expiring an open session makes its page refuse payment at once.
      const expired = await call("POST", `${path}/expire`);
      if (expired.ok) return "closed";
      // Stripe refuses to expire a session that is no longer open: ask what became of it.
      const looked = await call("GET", path);
      if (!looked.ok) throw new PaymentUnavailableError(`Stripe answered ${expired.status}, then ${looked.status}`);
      const session = (await looked.json()) as { status?: string; payment_status?: string };
      if (session.status === "expired") return "closed";
      if (session.status === "complete") return "paid";
      throw new PaymentUnavailableError(`Stripe session is ${session.status ?? "of unknown status"}`);
    },
    async paymentCard(paymentIntentId): Promise<PaymentCard | null> {
      // The charge holds what the card network told Stripe: brand and last four, never more.
      const response = await call("GET", `/v1/payment_intents/${encodeURIComponent(paymentIntentId)}?expand[]=latest_charge`);
      if (!response.ok) throw new PaymentUnavailableError(`Stripe answered ${response.status}`);
      const intent = (await response.json()) as {
        latest_charge?: { payment_method_details?: { card?: { brand?: string | null; last4?: string | null } | null } | null } | string | null;
      };
      const card = typeof intent.latest_charge === "object" ? intent.latest_charge?.payment_method_details?.card : null;
      if (!card) return null;
      const last4 = typeof card.last4 === "string" && /^\d{4}$/.test(card.last4) ? card.last4 : null;
      return { brand: typeof card.brand === "string" ? card.brand.slice(0, 32) : null, last4 };
    },
    async createCheckout(input) {
      // The idempotency key: a retried request creates no second session.
      const response = await call("POST", "/v1/checkout/sessions", {
        body: checkoutSessionParams(input),
        idempotencyKey: `checkout-${input.idempotencyKey}`,
      });
      if (!response.ok) {
        // The body may name the request but never holds card data (we send none).
        throw new PaymentUnavailableError(`Stripe answered ${response.status}`);
      }
      const session = (await response.json()) as { id?: string; url?: string };
      if (!session.id || !session.url) throw new PaymentUnavailableError("Stripe sent no session URL");
      return { url: session.url, reference: session.id };
    },
  };
}
