// A guest checkout from start to finish. The steps that must not be split are one statement
// each, a call of a SQL function (prisma/migrations/*_checkout_functions): (1) reserve — the
// checks, the idempotency key, the account, the pending order and the held admissions; (2)
// after the payment answers, complete or fail it. A free order does both in the first. So a
// checkout by card is two round trips to the database (plus the form's read of the event), and
// no ticket type stays locked while the network is waited on. Network calls to a payment
// provider happen between statements, never inside one.
import { isUuid } from "../ids";
import { db } from "../db/client";
import type { Locale } from "../db/types";
import { env } from "../env";
import { parseEmail } from "../accounts/email-address";
import { holdDurationMs, PaymentUnavailableError, type CardInput, type PaymentProvider } from "../payments/provider";
import { completeOrder, failOrder, welcomeLink, type FailureReason } from "./finalize-order";
import { orderCancelPath, orderPath } from "./order-links";
import { checkoutRequestHash } from "./request-hash";

export const MAX_TICKETS_PER_ORDER = 20;

export type PlaceOrderInput = {
  eventId: string;
  items: { ticketTypeId: string; quantity: number }[];
  buyer: { name: string; email: string };
  marketingOptIn: boolean;
  locale: Locale;
  /** Generated when the form was shown; the same key always means the same purchase. */
  idempotencyKey: string;
  card?: CardInput;
  /** Buying through a waiting-list offer (lib/waiting-list): the entry whose held tickets these are; its link was checked. */
  waitingListEntryId?: string;
};

export type CheckoutRefusal =
  | "event_unavailable"
  | "not_on_sale"
  | "no_tickets"
  | "too_many"
  | "sold_out"
  | "invalid_email"
  | "payment_declined"
  | "payment_unavailable"
  | "card_required"
  | "request_conflict"
  | "in_progress"
  /** Too many declined cards from this client lately (card testing); checked by the checkout form. */
  | "too_many_declines";

export type PlaceOrderResult =
  | { ok: true; orderId: string; orderNumber: string; status: "PAID"; confirmationPath: string; orderPath: string }
  | { ok: true; orderId: string; orderNumber: string; status: "PENDING"; redirectUrl: string; orderPath: string }
  | { ok: false; refusal: CheckoutRefusal; ticketTypeId?: string };

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;

/**
 * What a repeated request sees: the order the first one made, in its current state. While the
 * first request is still paying, the repeat waits for its outcome rather than guess.
 */
async function resultOfEarlierRequest(key: string, hash: string, waitMs = 15_000): Promise<PlaceOrderResult | null> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const earlier = await db.idempotencyKey.findUnique({ where: { scope_key: { scope: "checkout", key } } });
    if (!earlier) return null;
    if (earlier.requestHash !== hash) return { ok: false, refusal: "request_conflict" };
    const result = (earlier.result ?? {}) as { orderId?: string; redirectUrl?: string };
    if (!result.orderId) return null;
    const order = await db.order.findUniqueOrThrow({ where: { id: result.orderId } });
    if (order.status === "PAID") {
      return {
        ok: true,
        orderId: order.id,
        orderNumber: order.number,
        status: "PAID",
        confirmationPath: orderPath(order),
        orderPath: orderPath(order),
      };
    }
    if (order.status === "PENDING" && result.redirectUrl) {
      return {
        ok: true,
        orderId: order.id,
        orderNumber: order.number,
        status: "PENDING",
        redirectUrl: result.redirectUrl,
        orderPath: orderPath(order),
      };
    }
    if (order.status !== "PENDING") {
      return { ok: false, refusal: order.failureReason === "payment_declined" ? "payment_declined" : "payment_unavailable" };
    }
    if (Date.now() > deadline) return { ok: false, refusal: "in_progress" };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

type PricedLine = { ticketTypeId: string; quantity: number; unitPriceMinor: number; name: string };

type Reserved =
  | { outcome: "duplicate" }
  | { outcome: "refused"; refusal: CheckoutRefusal; ticketTypeId?: string }
  | { outcome: "reserved" | "paid"; orderId: string; number: string; currency: string; totalMinor: number; lines: PricedLine[] };

/** The lines as asked, merged per ticket type, without zero quantities; null when one is not a count. */
function mergeLines(items: PlaceOrderInput["items"]): { ticketTypeId: string; quantity: number }[] | null {
  const wanted = new Map<string, number>();
  for (const item of items) {
    if (!Number.isInteger(item.quantity) || item.quantity < 0) return null;
    if (item.quantity > 0) wanted.set(item.ticketTypeId, (wanted.get(item.ticketTypeId) ?? 0) + item.quantity);
  }
  return [...wanted].map(([ticketTypeId, quantity]) => ({ ticketTypeId, quantity }));
}

/**
 * The reserve step in one round trip: checks, prices and (all or nothing) writes the order
 * with its held admissions, or sells and completes a free one. See checkout_reserve in the
 * migration for the order of the checks.
 */
async function reserve(
  input: PlaceOrderInput & { accountEmail: string; hash: string },
  lines: { ticketTypeId: string; quantity: number }[],
  { cardMissing, holdUntil, now }: { cardMissing: boolean; holdUntil: Date; now: Date },
): Promise<Reserved> {
  const welcome = welcomeLink(input.accountEmail, now);
  if (input.waitingListEntryId) {
    // The same reserve, after the offer's held tickets are let go to this order (one statement).
    const [offered] = await db.$queryRaw<{ result: Reserved }[]>`
      SELECT "waiting_list_checkout_reserve"(
        ${input.waitingListEntryId}::uuid,
        ${input.idempotencyKey}, ${input.hash}, ${new Date(now.getTime() + IDEMPOTENCY_TTL_MS)}::timestamptz,
        ${input.eventId}::uuid, ${JSON.stringify(lines)}::jsonb, ${MAX_TICKETS_PER_ORDER}::integer,
        ${input.buyer.name.trim()}, ${input.buyer.email.trim()}, ${input.accountEmail}, ${input.locale}, ${input.marketingOptIn},
        ${cardMissing}, ${holdUntil}::timestamptz, ${now}::timestamptz, ${JSON.stringify(welcome)}::jsonb
      ) AS "result"`;
    return offered.result;
  }
  const [row] = await db.$queryRaw<{ result: Reserved }[]>`
    SELECT "checkout_reserve"(
      ${input.idempotencyKey}, ${input.hash}, ${new Date(now.getTime() + IDEMPOTENCY_TTL_MS)}::timestamptz,
      ${input.eventId}::uuid, ${JSON.stringify(lines)}::jsonb, ${MAX_TICKETS_PER_ORDER}::integer,
      ${input.buyer.name.trim()}, ${input.buyer.email.trim()}, ${input.accountEmail}, ${input.locale}, ${input.marketingOptIn},
      ${cardMissing}, ${holdUntil}::timestamptz, ${now}::timestamptz, ${JSON.stringify(welcome)}::jsonb
    ) AS "result"`;
  return row.result;
}

/** Releases the admissions of pending orders whose payment never finished in time (housekeeping). */
export async function releaseExpiredHolds(now = new Date(), limit = 100): Promise<number> {
  const [row] = await db.$queryRaw<{ released: number }[]>`
    SELECT "release_expired_holds"(${now}::timestamptz, ${limit}::integer) AS "released"`;
  return Number(row.released);
}

export async function placeOrder(
  input: PlaceOrderInput,
  { provider, now = new Date() }: { provider: PaymentProvider; now?: Date },
): Promise<PlaceOrderResult> {
  const parsed = parseEmail(input.buyer.email);
  if (!parsed.ok) return { ok: false, refusal: "invalid_email" };
  const hash = checkoutRequestHash({ ...input, buyerName: input.buyer.name }, parsed.email);

  // An id that is not a UUID names no ticket type of the event, as an unknown one does.
  if (input.items.some((item) => !isUuid(item.ticketTypeId)) || !isUuid(input.eventId)) return { ok: false, refusal: "event_unavailable" };
  const lines = mergeLines(input.items);
  if (!lines) return { ok: false, refusal: "no_tickets" };

  const holdUntil = new Date(now.getTime() + holdDurationMs(provider));
  const reserved = await reserve({ ...input, accountEmail: parsed.email, hash }, lines, {
    cardMissing: provider.flow === "card-form" && !input.card,
    holdUntil,
    now,
  });
  if (reserved.outcome === "duplicate") {
    return (await resultOfEarlierRequest(input.idempotencyKey, hash)) ?? { ok: false, refusal: "request_conflict" };
  }
  if (reserved.outcome === "refused") {
    return { ok: false, refusal: reserved.refusal, ...(reserved.ticketTypeId ? { ticketTypeId: reserved.ticketTypeId } : {}) };
  }
  const order = { id: reserved.orderId, number: reserved.number, buyerEmail: input.buyer.email.trim() };
  const total = reserved.totalMinor;
  if (reserved.outcome === "paid") {
    return {
      ok: true,
      orderId: order.id,
      orderNumber: order.number,
      status: "PAID",
      confirmationPath: orderPath(order),
      orderPath: orderPath(order),
    };
  }

  if (provider.flow === "redirect") {
    try {
      const checkout = await provider.createCheckout({
        orderId: order.id,
        orderNumber: order.number,
        currency: reserved.currency,
        lines: reserved.lines,
        customerEmail: parsed.email,
        locale: input.locale,
        successUrl: `${env().SITE_URL}${orderPath(order)}`,
        cancelUrl: `${env().SITE_URL}${orderCancelPath(order)}`,
        expiresAt: new Date(holdUntil.getTime() - 5 * 60_000),
        idempotencyKey: input.idempotencyKey,
      });
      // One statement: the order learns its payment session and the key where to send a retry.
      await db.$executeRaw`
        WITH "paying" AS (
          UPDATE "Order" SET "paymentProvider" = ${provider.id}, "paymentRef" = ${checkout.reference}, "updatedAt" = now()
           WHERE "id" = ${order.id}::uuid
          RETURNING "id")
        UPDATE "IdempotencyKey" SET "result" = ${JSON.stringify({ orderId: order.id, redirectUrl: checkout.url })}::jsonb
         WHERE "scope" = 'checkout' AND "key" = ${input.idempotencyKey} AND EXISTS (SELECT 1 FROM "paying")`;
      return {
        ok: true,
        orderId: order.id,
        orderNumber: order.number,
        status: "PENDING",
        redirectUrl: checkout.url,
        orderPath: orderPath(order),
      };
    } catch (error) {
      await failOrder(db, order.id, "payment_unavailable");
      if (error instanceof PaymentUnavailableError) return { ok: false, refusal: "payment_unavailable" };
      throw error;
    }
  }

  let outcome: "paid" | FailureReason;
  let payment = null;
  try {
    const charge = await provider.charge({
      orderId: order.id,
      orderNumber: order.number,
      amountMinor: total,
      currency: reserved.currency,
      card: input.card!,
      idempotencyKey: input.idempotencyKey,
    });
    if (charge.status === "succeeded") {
      outcome = "paid";
      payment = { provider: provider.id, reference: charge.reference, cardBrand: charge.cardBrand, cardLast4: charge.cardLast4 };
    } else {
      outcome = "payment_declined";
    }
  } catch (error) {
    if (!(error instanceof PaymentUnavailableError)) {
      await failOrder(db, order.id, "payment_unavailable");
      throw error;
    }
    outcome = "payment_unavailable";
  }

  if (outcome === "paid") {
    await completeOrder(db, order.id, { admissions: "held", payment, now, accountEmail: parsed.email });
    return {
      ok: true,
      orderId: order.id,
      orderNumber: order.number,
      status: "PAID",
      confirmationPath: orderPath(order),
      orderPath: orderPath(order),
    };
  }
  await failOrder(db, order.id, outcome);
  return { ok: false, refusal: outcome };
}
