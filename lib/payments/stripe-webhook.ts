// Stripe tells us how a Checkout Session ended through webhooks. Only a request signed with our
// endpoint's secret is believed (the Stripe-Signature header, checked by Stripe's SDK), and only
// within a few minutes of its timestamp, so a captured request cannot be replayed later.
import Stripe from "stripe";
import { db } from "../db/client";
import { completeOrder, failOrder, lockOrder } from "../orders/finalize-order";
import { SoldOutError } from "../orders/inventory";
import type { PaymentCard } from "./provider";
import { isUuid } from "../ids";

export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookSignatureError";
  }
}

export type StripeEvent = { id: string; type: string; data: { object: Record<string, unknown> } };

/**
 * The event of a request whose signature header is valid for `payload` and `secret`; throws
 * WebhookSignatureError otherwise (and SyntaxError for a signed body that is not JSON).
 * Verification needs no API key: the SDK's static `webhooks` does it.
 */
export function verifyStripeSignature(
  payload: string,
  header: string | null,
  secret: string,
  { toleranceSeconds = 300, now = Date.now() }: { toleranceSeconds?: number; now?: number } = {},
): StripeEvent {
  if (!header) throw new WebhookSignatureError("missing Stripe-Signature header");
  let event: unknown;
  try {
    event = Stripe.webhooks.constructEvent(payload, header, secret, toleranceSeconds, undefined, now);
  } catch (error) {
    // Our own words: the SDK's message may describe the endpoint's secret (its length and end).
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      throw new WebhookSignatureError(/timestamp/i.test(error.message) ? "timestamp outside the tolerance" : "signature does not match");
    }
    throw error;
  }
  const { type, data } = (event ?? {}) as Partial<StripeEvent>;
  if (typeof type !== "string" || typeof data?.object !== "object" || data.object === null) {
    throw new WebhookSignatureError("not a Stripe event");
  }
  return event as StripeEvent;
}

export type WebhookOutcome = "completed" | "released" | "ignored" | "already_handled" | "mismatch" | "paid_but_sold_out";

type Session = {
  id?: string;
  client_reference_id?: string | null;
  payment_status?: string;
  payment_intent?: string | null;
  amount_total?: number | null;
  currency?: string | null;
  metadata?: { orderId?: string } | null;
};

/**
 * Applies a verified event to its order. Safe to receive twice: Stripe retries deliveries.
 * `paymentCard` asks Stripe which card paid (a buyer who later claims a misspelled order proves
 * it with the last four digits); without it, or when Stripe cannot say, the order completes
 * without them.
 */
export async function handleStripeEvent(
  event: StripeEvent,
  log: (line: string) => void = console.warn,
  { paymentCard }: { paymentCard?: (paymentIntentId: string) => Promise<PaymentCard | null> } = {},
): Promise<WebhookOutcome> {
  const session = event.data.object as Session;
  const orderId = session.metadata?.orderId ?? session.client_reference_id ?? null;
  if (!event.type.startsWith("checkout.session.") || !orderId || !isUuid(orderId)) return "ignored";

  const order = await db.order.findUnique({ where: { id: orderId } });
  if (!order || order.paymentProvider !== "stripe" || order.paymentRef !== session.id) {
    log(`stripe webhook ${event.id}: session does not belong to a known order`);
    return "mismatch";
  }

  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      if (session.payment_status !== "paid") return "ignored"; // an async method: wait for its own event
      if (session.amount_total !== order.totalMinor || session.currency?.toUpperCase() !== order.currency) {
        log(`stripe webhook ${event.id}: amount or currency differs from order ${order.number}`);
        return "mismatch";
      }
      let card: PaymentCard | null = null;
      if (paymentCard && typeof session.payment_intent === "string" && order.status !== "PAID") {
        // Asked outside the transaction: no row stays locked while Stripe answers.
        card = await paymentCard(session.payment_intent).catch((error: Error) => {
          log(`stripe webhook ${event.id}: card of order ${order.number} unknown (${error.message})`);
          return null;
        });
      }
      const payment = {
        provider: "stripe",
        // The session id stays the reference: it is what every later event names.
        reference: session.id!,
        cardBrand: card?.brand ?? null,
        cardLast4: card?.last4 ?? null,
      };
      return db
        .$transaction(async (tx) => {
          const status = await lockOrder(tx, order.id);
          if (status === "PENDING") {
            await completeOrder(tx, order.id, { admissions: "held", payment });
            return "completed" as const;
          }
          if (status === "FAILED") {
            // Paid although the order had given up its hold (the hold expired before a delayed
            // webhook, or the buyer cancelled and then paid in another tab): sell if there is room.
            await tx.order.update({ where: { id: order.id }, data: { status: "PENDING", failureReason: null } });
            try {
              await completeOrder(tx, order.id, { admissions: "unclaimed", payment });
              return "completed" as const;
            } catch (error) {
              if (!(error instanceof SoldOutError)) throw error;
              throw Object.assign(new Error("sold out after payment"), { soldOutAfterPayment: true });
            }
          }
          return "already_handled" as const;
        })
        .catch(async (error: unknown) => {
          if (!(error as { soldOutAfterPayment?: boolean }).soldOutAfterPayment) throw error;
          await db.order.update({ where: { id: order.id }, data: { failureReason: "paid_after_expiry" } });
          log(`stripe webhook ${event.id}: order ${order.number} was paid after its hold expired and is sold out; refund it`);
          return "paid_but_sold_out" as const;
        });
    }
    case "checkout.session.expired":
    case "checkout.session.async_payment_failed": {
      const reason = event.type === "checkout.session.expired" ? "payment_unavailable" : "payment_declined";
      const released = await db.$transaction((tx) => failOrder(tx, order.id, reason));
      return released ? "released" : "already_handled";
    }
    default:
      return "ignored";
  }
}
