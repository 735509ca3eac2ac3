// The second half of a cancellation: asking the payment provider for the money recorded in a
// PENDING refund, outside any transaction, with the refund's id as the idempotency key, then
// marking it done and queuing the emails to the buyer and the organizer in one transaction
// (settleRefund, which the provider's webhook uses too). A refund the provider only accepted
// ("pending") keeps the provider's id and waits for the webhook to settle it. The
// request that recorded the refund does this at once; the worker picks up what a crash or an
// unreachable provider left (completeDueRefunds), so every refund is asked for until it is done,
// and the provider pays it once whoever asks and however often.
// Free of server-only code: the worker (`npm run worker`, plain Node) runs completeDueRefunds.
import { db, type DbTransaction } from "../db/client";
import { env } from "../env";
import { orderUrl } from "../orders/order-links";
import { enqueueEmails, type QueuedEmail } from "../outbox/queue";
import { EVENT_SNAPSHOT_SELECT, eventSnapshotOf } from "../outbox/templates";
import { ORDER_HOLDER_SELECT, orderHolderContact, orderHolderLocale } from "../ownership/ticket-holder";
import { paymentProvider } from "../payments";
import { PaymentUnavailableError, type PaymentProvider, type RefundResult } from "../payments/provider";
import { ORGANIZER_CONTACT_SELECT, organizerReplyTo } from "../organizers/contact-address";

/** How long the one who recorded or claimed a refund has to finish it before a worker may try. */
export const REFUND_LEASE_MS = 2 * 60_000;
/** Between attempts while the provider cannot be reached: 1 minute, doubling, at most 1 hour. */
export function refundRetryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}
/**
 * A refund the provider accepted but has not settled waits for its webhook; only if none has
 * come after this long does the worker ask the provider what became of it (and again as long after).
 */
export const REFUND_CONFIRMATION_CHECK_MS = 6 * 60 * 60_000;

/**
 * "awaiting_confirmation": the provider accepted the refund and settles it later; its webhook (or
 * the worker's later question) finishes it. The refund stays PENDING, with the provider's id.
 */
export type RefundOutcome = "succeeded" | "failed" | "retrying" | "awaiting_confirmation" | "already_done";

export async function completeRefund(
  refundId: string,
  { provider = paymentProvider(), now = new Date() }: { provider?: PaymentProvider; now?: Date } = {},
): Promise<RefundOutcome> {
  const refund = await db.refund.findUnique({
    where: { id: refundId },
    select: {
      status: true,
      attempts: true,
      amountMinor: true,
      currency: true,
      providerRef: true,
      order: { select: { id: true, paymentProvider: true, paymentRef: true } },
    },
  });
  if (!refund || refund.status !== "PENDING") return "already_done";
  const { order } = refund;
  if (!order.paymentRef || order.paymentProvider !== provider.id) {
    // Paid through a provider this server does not run (or never paid through one): nobody here can refund it.
    return outcomeOf(await settleRefund({ refundId, status: "failed", reason: `no payment of ${provider.id} to refund`, now }));
  }
  let result: RefundResult;
  try {
    // Accepted already (its id is kept): ask what became of it rather than asking again.
    result = refund.providerRef
      ? await (provider.refundState?.(refund.providerRef) ?? { status: "pending", reference: refund.providerRef })
      : await provider.refund({
          paymentRef: order.paymentRef,
          orderId: order.id,
          refundId,
          amountMinor: refund.amountMinor,
          currency: refund.currency,
          idempotencyKey: refundId,
        });
  } catch (error) {
    if (!(error instanceof PaymentUnavailableError)) throw error;
    const attempts = refund.attempts + 1;
    await db.refund.updateMany({
      where: { id: refundId, status: "PENDING" },
      data: { attempts, lastError: error.message.slice(0, 500), nextAttemptAt: new Date(now.getTime() + refundRetryDelayMs(attempts)) },
    });
    return "retrying";
  }
  if (result.status === "pending") {
    // Conditional, like every write here: a webhook may have settled it while the provider answered.
    const waiting = await db.refund.updateMany({
      where: { id: refundId, status: "PENDING" },
      data: {
        providerRef: result.reference,
        attempts: 0,
        lastError: null,
        nextAttemptAt: new Date(now.getTime() + REFUND_CONFIRMATION_CHECK_MS),
      },
    });
    return waiting.count === 1 ? "awaiting_confirmation" : "already_done";
  }
  return outcomeOf(
    await settleRefund(
      result.status === "failed"
        ? { refundId, status: "failed", reason: result.reason, now }
        : { refundId, status: "succeeded", providerRef: result.reference, now },
    ),
  );
}

function outcomeOf(settled: SettleOutcome): RefundOutcome {
  return settled === "unchanged" ? "already_done" : settled;
}

export type SettleRefundInput =
  | { refundId: string; status: "succeeded"; providerRef: string; now?: Date }
  | { refundId: string; status: "failed"; reason: string; providerRef?: string; now?: Date };

/** "unchanged": settled before (a repeated or late answer), or no such refund. */
export type SettleOutcome = "succeeded" | "failed" | "unchanged";

/**
 * The one way a refund ends, whoever learnt how (the answer to our request, the worker's later
 * question, or the provider's webhook): succeeded marks it and queues the buyer's and the
 * organizer's emails in the same transaction; failed keeps the reason for the organizer. Safe
 * to call again and in any order: a refund succeeds once, and a failure is final.
 */
export async function settleRefund(input: SettleRefundInput): Promise<SettleOutcome> {
  const now = input.now ?? new Date();
  if (input.status === "failed") {
    return db.$transaction(async (tx) => {
      // A refund can fail after the provider called it succeeded (the card was closed), so a
      // failure also ends a SUCCEEDED refund; nothing ends a FAILED one, so a late success
      // delivered after the failure changes nothing.
      const marked = await tx.refund.updateManyAndReturn({
        where: { id: input.refundId, status: { in: ["PENDING", "SUCCEEDED"] } },
        data: {
          status: "FAILED",
          lastError: input.reason.slice(0, 500),
          completedAt: now,
          ...(input.providerRef ? { providerRef: input.providerRef } : {}),
        },
        select: { orderId: true },
      });
      if (marked.length === 0) return "unchanged";
      // The tickets stay cancelled (their places may be sold again); the organizer settles the
      // money, told by email as this may come days after the cancellation (a webhook).
      await tx.order.updateMany({ where: { id: marked[0].orderId, status: "REFUNDED" }, data: { status: "CANCELLED" } });
      await enqueueEmails(tx, [await refundFailedEmail(tx, input.refundId, input.reason)]);
      console.error("refund refused by the payment provider");
      return "failed";
    });
  }
  return db.$transaction(async (tx) => {
    // Only the first to finish marks it and queues the emails, however many asked.
    const marked = await tx.refund.updateManyAndReturn({
      where: { id: input.refundId, status: "PENDING" },
      data: { status: "SUCCEEDED", providerRef: input.providerRef, completedAt: now, lastError: null },
      select: { orderId: true },
    });
    if (marked.length === 0) return "unchanged";
    // The whole order cancelled and now paid back.
    await tx.order.updateMany({ where: { id: marked[0].orderId, status: "CANCELLED" }, data: { status: "REFUNDED" } });
    await enqueueEmails(tx, await refundEmails(tx, input.refundId));
    return "succeeded";
  });
}

/**
 * Refunds left PENDING past their lease (a crash, an unreachable provider) or waiting too long
 * for their webhook: each is claimed with a new lease first (SKIP LOCKED, so several workers
 * share them), then completed.
 */
export async function completeDueRefunds({
  provider = paymentProvider(),
  now = new Date(),
  limit = 20,
}: { provider?: PaymentProvider; now?: Date; limit?: number } = {}): Promise<Record<RefundOutcome, number>> {
  const claimed = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Refund" SET "nextAttemptAt" = ${new Date(now.getTime() + REFUND_LEASE_MS)}::timestamptz
     WHERE "id" IN (
       SELECT "id" FROM "Refund"
        WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now}::timestamptz
        ORDER BY "nextAttemptAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING "id"::text AS "id"`;
  const report: Record<RefundOutcome, number> = { succeeded: 0, failed: 0, retrying: 0, awaiting_confirmation: 0, already_done: 0 };
  for (const { id } of claimed) report[await completeRefund(id, { provider, now })] += 1;
  return report;
}

/** The buyer's and the organizer's emails about a refund, read inside the transaction that completes it. */
export async function refundEmails(tx: DbTransaction, refundId: string): Promise<QueuedEmail[]> {
  const refund = await tx.refund.findUniqueOrThrow({
    where: { id: refundId },
    select: {
      amountMinor: true,
      feeMinor: true,
      currency: true,
      requestedBy: true,
      tickets: { select: { amountMinor: true, ticket: { select: { code: true, ticketType: { select: { name: true } } } } } },
      order: {
        select: {
          ...ORDER_HOLDER_SELECT,
          id: true,
          number: true,
          _count: { select: { tickets: { where: { status: "VALID" } } } },
          event: {
            select: {
              ...EVENT_SNAPSHOT_SELECT,
              organizerId: true,
              organizer: { select: { name: true, ...ORGANIZER_CONTACT_SELECT } },
            },
          },
        },
      },
    },
  });
  const { order } = refund;
  const { event } = order;
  // The order's holder: the account's current address and language, else the ones of the purchase.
  const holder = orderHolderContact(order);
  const replyTo = organizerReplyTo(event.organizer);
  const ticketsAmount = refund.tickets.reduce((sum, line) => sum + line.amountMinor, 0);
  const dedupe = (side: string) => `refund:${refundId}:${side}`;
  const emails: QueuedEmail[] = [
    {
      template: "refund-buyer",
      to: holder.email,
      toName: holder.name,
      locale: orderHolderLocale(order),
      dedupeKey: dedupe("buyer"),
      payload: {
        buyerName: order.buyerName,
        orderNumber: order.number,
        organizerName: event.organizer.name,
        event: eventSnapshotOf(event),
        tickets: refund.tickets.map((line) => ({ code: line.ticket.code, typeName: line.ticket.ticketType.name })),
        amountMinor: ticketsAmount,
        feeMinor: refund.feeMinor,
        refundMinor: refund.amountMinor,
        currency: refund.currency,
        remainingTickets: order._count.tickets,
        orderUrl: orderUrl(order),
        replyTo,
      },
    },
    {
      template: "refund-organizer",
      to: replyTo,
      // The organizer's emails are in Swedish, the site's first language.
      locale: "sv",
      dedupeKey: dedupe("organizer"),
      payload: {
        organizerName: event.organizer.name,
        orderNumber: order.number,
        buyerName: order.buyerName,
        eventTitle: event.title,
        ticketCount: refund.tickets.length,
        refundMinor: refund.amountMinor,
        feeMinor: refund.feeMinor,
        currency: refund.currency,
        orderUrl: `${env().SITE_URL}/organizer/${event.organizerId}/orders/${order.id}`,
      },
    },
  ];
  // A refund of a cancelled event was the organizer's own doing, one of every order's: the
  // event's page counts them, and an email each would bury the organizer's inbox.
  return refund.requestedBy === "organizer" ? emails.filter((email) => email.template !== "refund-organizer") : emails;
}

/** The organizer's email about a refund the provider refused, read inside the transaction that marks it. */
async function refundFailedEmail(tx: DbTransaction, refundId: string, reason: string): Promise<QueuedEmail> {
  const refund = await tx.refund.findUniqueOrThrow({
    where: { id: refundId },
    select: {
      amountMinor: true,
      currency: true,
      order: {
        select: {
          id: true,
          number: true,
          buyerName: true,
          event: { select: { title: true, organizerId: true, organizer: { select: { name: true, ...ORGANIZER_CONTACT_SELECT } } } },
        },
      },
    },
  });
  const { order } = refund;
  return {
    template: "refund-failed-organizer",
    to: organizerReplyTo(order.event.organizer),
    // The organizer's emails are in Swedish, the site's first language.
    locale: "sv",
    dedupeKey: `refund:${refundId}:failed-organizer`,
    payload: {
      organizerName: order.event.organizer.name,
      orderNumber: order.number,
      buyerName: order.buyerName,
      eventTitle: order.event.title,
      refundMinor: refund.amountMinor,
      currency: refund.currency,
      reason: reason.slice(0, 200),
      orderUrl: `${env().SITE_URL}/organizer/${order.event.organizerId}/orders/${order.id}`,
    },
  };
}
