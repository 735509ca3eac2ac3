// A guest checkout from start to finish. The steps that must not be split are one transaction
// each: (1) reserve — the account, the pending order and the held admissions; (2) after the
// payment answers, complete or fail it. A free order does both in one transaction. Network
// calls to a payment provider happen between transactions, never inside one.
import { db, type DbTransaction } from "../db/client";
import type { Locale } from "../db/types";
import { env } from "../env";
import { ensureBuyerAccount } from "../accounts/buyer-account";
import { parseEmail } from "../accounts/email-address";
import { holdDurationMs, PaymentUnavailableError, type CardInput, type PaymentProvider } from "../payments/provider";
import { newOrderNumber } from "./codes";
import { completeOrder, failOrder, type FailureReason } from "./finalize-order";
import { holdAdmissions, SoldOutError } from "./inventory";
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
  | { ok: true; orderId: string; orderNumber: string; status: "PAID"; confirmationPath: string }
  | { ok: true; orderId: string; orderNumber: string; status: "PENDING"; redirectUrl: string }
  | { ok: false; refusal: CheckoutRefusal; ticketTypeId?: string };

class Refusal extends Error {
  constructor(
    readonly refusal: CheckoutRefusal,
    readonly ticketTypeId?: string,
  ) {
    super(refusal);
  }
}

/** Another request with the same idempotency key got there first. */
class DuplicateRequest extends Error {}

const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const;
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
      return { ok: true, orderId: order.id, orderNumber: order.number, status: "PAID", confirmationPath: orderPath(order) };
    }
    if (order.status === "PENDING" && result.redirectUrl) {
      return { ok: true, orderId: order.id, orderNumber: order.number, status: "PENDING", redirectUrl: result.redirectUrl };
    }
    if (order.status !== "PENDING") {
      return { ok: false, refusal: order.failureReason === "payment_declined" ? "payment_declined" : "payment_unavailable" };
    }
    if (Date.now() > deadline) return { ok: false, refusal: "in_progress" };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

type PricedLine = { ticketTypeId: string; quantity: number; unitPriceMinor: number; name: string };

/** Checks the event and the quantities against the database and prices every line there. */
async function priceOrder(input: PlaceOrderInput, now: Date): Promise<{ lines: PricedLine[]; currency: string }> {
  const event = await db.event.findUnique({
    where: { id: input.eventId },
    include: { ticketTypes: true },
  });
  if (!event || event.status !== "PUBLISHED" || event.endsAt <= now) throw new Refusal("event_unavailable");

  const wanted = new Map<string, number>();
  for (const item of input.items) {
    if (!Number.isInteger(item.quantity) || item.quantity < 0) throw new Refusal("no_tickets");
    if (item.quantity > 0) wanted.set(item.ticketTypeId, (wanted.get(item.ticketTypeId) ?? 0) + item.quantity);
  }
  if (wanted.size === 0) throw new Refusal("no_tickets");
  const total = [...wanted.values()].reduce((sum, n) => sum + n, 0);
  if (total > MAX_TICKETS_PER_ORDER) throw new Refusal("too_many");

  const lines: PricedLine[] = [];
  const currencies = new Set<string>();
  for (const [ticketTypeId, quantity] of wanted) {
    const type = event.ticketTypes.find((candidate) => candidate.id === ticketTypeId);
    if (!type) throw new Refusal("event_unavailable");
    const saleEnds = type.salesEndAt ?? event.endsAt;
    if ((type.salesStartAt && type.salesStartAt > now) || saleEnds <= now) throw new Refusal("not_on_sale", ticketTypeId);
    if (quantity > type.maxPerOrder) throw new Refusal("too_many", ticketTypeId);
    if (type.sold + type.held + quantity > type.capacity) throw new Refusal("sold_out", ticketTypeId);
    currencies.add(type.currency);
    lines.push({ ticketTypeId, quantity, unitPriceMinor: type.priceMinor, name: type.name });
  }
  if (currencies.size !== 1) throw new Refusal("event_unavailable");
  return { lines, currency: [...currencies][0] };
}

async function reserve(
  tx: DbTransaction,
  input: PlaceOrderInput & { email: string; hash: string },
  priced: { lines: PricedLine[]; currency: string },
  holdUntil: Date,
  now: Date,
) {
  const claimed = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO "IdempotencyKey" ("scope", "key", "requestHash", "createdAt", "expiresAt")
    VALUES ('checkout', ${input.idempotencyKey}, ${input.hash}, now(), ${new Date(now.getTime() + IDEMPOTENCY_TTL_MS)})
    ON CONFLICT DO NOTHING
    RETURNING "key"`;
  if (claimed.length === 0) throw new DuplicateRequest();

  const account = await ensureBuyerAccount(tx, { email: input.email, name: input.buyer.name.trim(), locale: input.locale });
  const subtotal = priced.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);
  const order = await tx.order.create({
    data: {
      number: newOrderNumber(),
      eventId: input.eventId,
      userId: account.userId,
      buyerName: input.buyer.name.trim(),
      buyerEmail: input.buyer.email.trim(),
      locale: input.locale,
      marketingOptIn: input.marketingOptIn,
      status: "PENDING",
      currency: priced.currency,
      subtotalMinor: subtotal,
      feeMinor: 0,
      totalMinor: subtotal,
      holdExpiresAt: holdUntil,
      items: {
        create: priced.lines.map((line) => ({
          ticketTypeId: line.ticketTypeId,
          quantity: line.quantity,
          unitPriceMinor: line.unitPriceMinor,
        })),
      },
    },
  });
  await tx.idempotencyKey.update({
    where: { scope_key: { scope: "checkout", key: input.idempotencyKey } },
    data: { result: { orderId: order.id } },
  });
  return order;
}

// Order numbers are short (40 random bits); in the rare event that one is taken, the whole
// reservation rolls back and is tried again with a new number.
async function withFreshOrderNumber<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const target = (error as { code?: string; meta?: { target?: unknown } }).meta?.target;
      const numberTaken = (error as { code?: string }).code === "P2002" && JSON.stringify(target ?? "").includes("number");
      if (!numberTaken || tries >= 3) throw error;
    }
  }
}

export async function placeOrder(
  input: PlaceOrderInput,
  { provider, now = new Date() }: { provider: PaymentProvider; now?: Date },
): Promise<PlaceOrderResult> {
  const parsed = parseEmail(input.buyer.email);
  if (!parsed.ok) return { ok: false, refusal: "invalid_email" };
  const hash = checkoutRequestHash({ ...input, buyerName: input.buyer.name }, parsed.email);

  const earlier = await resultOfEarlierRequest(input.idempotencyKey, hash);
  if (earlier) return earlier;
  // Admissions whose payment never finished go back on sale before this buyer is told "sold out".
  // Housekeeping releases them too, but only every 10 minutes in the web server (30 s in the
  // worker): without this a sold-out answer could rest on holds that ended long ago.
  await releaseExpiredHolds(now);

  let priced: Awaited<ReturnType<typeof priceOrder>>;
  try {
    priced = await priceOrder(input, now);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, refusal: error.refusal, ticketTypeId: error.ticketTypeId };
    throw error;
  }
  const total = priced.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);
  if (total > 0 && provider.flow === "card-form" && !input.card) return { ok: false, refusal: "card_required" };

  const holdUntil = new Date(now.getTime() + holdDurationMs(provider));
  let order;
  try {
    order = await withFreshOrderNumber(() =>
      db.$transaction(async (tx) => {
        const created = await reserve(tx, { ...input, email: parsed.email, hash }, priced, holdUntil, now);
        if (total === 0) {
          await completeOrder(tx, created.id, { admissions: "unclaimed", payment: null, now });
        } else {
          await holdAdmissions(tx, priced.lines);
        }
        return created;
      }, TRANSACTION_OPTIONS),
    );
  } catch (error) {
    if (error instanceof SoldOutError) return { ok: false, refusal: "sold_out", ticketTypeId: error.ticketTypeId };
    if (error instanceof DuplicateRequest) {
      return (await resultOfEarlierRequest(input.idempotencyKey, hash)) ?? { ok: false, refusal: "request_conflict" };
    }
    throw error;
  }

  if (total === 0) {
    return { ok: true, orderId: order.id, orderNumber: order.number, status: "PAID", confirmationPath: orderPath(order) };
  }

  if (provider.flow === "redirect") {
    try {
      const checkout = await provider.createCheckout({
        orderId: order.id,
        orderNumber: order.number,
        currency: priced.currency,
        lines: priced.lines,
        customerEmail: parsed.email,
        locale: input.locale,
        successUrl: `${env().SITE_URL}${orderPath(order)}`,
        cancelUrl: `${env().SITE_URL}${orderCancelPath(order)}`,
        expiresAt: new Date(holdUntil.getTime() - 5 * 60_000),
        idempotencyKey: input.idempotencyKey,
      });
      await db.$transaction(async (tx) => {
        await tx.order.update({ where: { id: order.id }, data: { paymentProvider: provider.id, paymentRef: checkout.reference } });
        await tx.idempotencyKey.update({
          where: { scope_key: { scope: "checkout", key: input.idempotencyKey } },
          data: { result: { orderId: order.id, redirectUrl: checkout.url } },
        });
      });
      return { ok: true, orderId: order.id, orderNumber: order.number, status: "PENDING", redirectUrl: checkout.url };
    } catch (error) {
      await db.$transaction((tx) => failOrder(tx, order.id, "payment_unavailable"));
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
      currency: priced.currency,
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
      await db.$transaction((tx) => failOrder(tx, order.id, "payment_unavailable"));
      throw error;
    }
    outcome = "payment_unavailable";
  }

  if (outcome === "paid") {
    await db.$transaction((tx) => completeOrder(tx, order.id, { admissions: "held", payment, now }), TRANSACTION_OPTIONS);
    return { ok: true, orderId: order.id, orderNumber: order.number, status: "PAID", confirmationPath: orderPath(order) };
  }
  await db.$transaction((tx) => failOrder(tx, order.id, outcome), TRANSACTION_OPTIONS);
  return { ok: false, refusal: outcome };
}

/** Releases the admissions of pending orders whose payment never finished in time. */
export async function releaseExpiredHolds(now = new Date(), limit = 100): Promise<number> {
  const expired = await db.order.findMany({
    where: { status: "PENDING", holdExpiresAt: { lt: now } },
    select: { id: true },
    take: limit,
  });
  let released = 0;
  for (const { id } of expired) {
    if (await db.$transaction((tx) => failOrder(tx, id, "hold_expired"))) released++;
  }
  return released;
}
