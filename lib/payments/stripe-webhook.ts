// Stripe tells us how a Checkout Session ended through webhooks. Only a request signed with our
// endpoint's secret is believed (the Stripe-Signature header, checked by Stripe's SDK), and only
// within a few minutes of its timestamp, so a captured request cannot be replayed later.
import Stripe from "stripe";
import { db } from "../db/client";
import { completeOrder, failOrder, lockOrder } from "../orders/finalize-order";
import { SoldOutError } from "../orders/inventory";
import type { PaymentCard } from "./provider";
import { isUuid } from "../ids";
import { settleRefund } from "../refunds/complete-refund";
import { stripeRefundResult } from "./stripe";

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

export type WebhookOutcome =
  | "completed"
  | "released"
  | "ignored"
  | "already_handled"
  | "mismatch"
  | "paid_but_sold_out"
  /** A refund Stripe had only accepted is paid back: the emails are queued. */
  | "refunded"
  | "refund_failed";

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
  if (REFUND_EVENTS.has(event.type)) return handleRefundEvent(event, log);
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

/**
 * Stripe's events about a refund; each carries the Refund object as it stood then
 * ("charge.refund.updated" is the older name of "refund.updated" on some payment methods).
 * "charge.refunded" carries the charge, not the refund, and is left alone.
 */
const REFUND_EVENTS = new Set(["refund.created", "refund.updated", "refund.failed", "charge.refund.updated"]);

type StripeRefund = {
  id?: string;
  object?: string;
  status?: string | null;
  amount?: number;
  currency?: string;
  failure_reason?: string;
  metadata?: { refundId?: string } | null;
};

/**
 * Settles the Refund a Stripe refund event names (by the id we put in its metadata, else by the
 * provider's id we kept). Events come again and out of order, and a "pending" snapshot may
 * arrive after the final one: only a final state changes anything, and settleRefund lets each
 * refund succeed once and fail for good.
 */
async function handleRefundEvent(event: StripeEvent, log: (line: string) => void): Promise<WebhookOutcome> {
  const object = event.data.object as StripeRefund;
  if (object.object !== "refund" || typeof object.id !== "string") return "ignored";
  const refundId = object.metadata?.refundId;
  const refund = await db.refund.findFirst({
    where: refundId && isUuid(refundId) ? { id: refundId } : { providerRef: object.id },
    select: { id: true, providerRef: true, amountMinor: true, currency: true, order: { select: { paymentProvider: true } } },
  });
  // Refunds made in Stripe's dashboard are none of ours: the organizer sees them there.
  if (!refund) return "ignored";
  if (
    refund.order.paymentProvider !== "stripe" ||
    (refund.providerRef !== null && refund.providerRef !== object.id) ||
    object.amount !== refund.amountMinor ||
    object.currency?.toUpperCase() !== refund.currency
  ) {
    log(`stripe webhook ${event.id}: refund does not match refund ${refund.id}`);
    return "mismatch";
  }
  const result = stripeRefundResult({ id: object.id, status: object.status ?? null, failure_reason: object.failure_reason });
  if (result.status === "pending") return "ignored";
  const settled = await settleRefund(
    result.status === "failed"
      ? { refundId: refund.id, status: "failed", reason: result.reason, providerRef: object.id }
      : { refundId: refund.id, status: "succeeded", providerRef: result.reference },
  );
  if (settled === "unchanged") return "already_handled";
  return settled === "succeeded" ? "refunded" : "refund_failed";
}
