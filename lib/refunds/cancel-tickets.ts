// A buyer cancels some or all tickets of a paid order within the event's refund policy. One
// short transaction, under the order's row lock, voids the tickets, gives their places back
// (exactly once: only tickets still valid and never refunded are counted), records the refund
// as PENDING and its tickets; only after the commit is the payment provider asked to pay it back
// (complete-refund.ts), with the refund's id as its idempotency key. A crash between the two
// leaves a PENDING refund that the worker sends later with the same key, so the money moves once.
import "server-only";
import { db, type DbTransaction } from "../db/client";
import { enqueueEmails } from "../outbox/queue";
import { paymentProvider } from "../payments";
import type { PaymentProvider } from "../payments/provider";
import { isUuid } from "../ids";
import { lockOrder } from "../orders/finalize-order";
import { isValidOrderKey } from "../orders/order-links";
import { completeRefund, REFUND_LEASE_MS, refundEmails } from "./complete-refund";
import { NO_REFUNDS, refundQuote } from "./policy";
import { STILL_WITH_BUYER } from "../ownership/ticket-holder";

export type CancelTicketsInput = {
  orderId: string;
  /** Codes of the tickets to cancel, or "all" for every ticket of the order that can be. */
  codes: readonly string[] | "all";
  /** One per rendering of the form: the same request posted again gets the first answer. */
  requestKey: string;
  requestedBy: "buyer";
  now?: Date;
};

export type CancelTicketsRefusal = "not_found" | "not_paid" | "nothing_to_cancel" | "no_refunds" | "too_late";

export type CancelTicketsResult =
  | { ok: true; refundId: string; status: "PENDING" | "SUCCEEDED" | "FAILED"; refundMinor: number; feeMinor: number; ticketCount: number }
  | { ok: false; error: CancelTicketsRefusal };

type Recorded = { refundId: string; pending: boolean };

export async function cancelTickets(
  input: CancelTicketsInput,
  { provider = paymentProvider() }: { provider?: PaymentProvider } = {},
): Promise<CancelTicketsResult> {
  const now = input.now ?? new Date();
  const recorded = await db.$transaction((tx) => recordCancellation(tx, input, now));
  if ("error" in recorded) return { ok: false, error: recorded.error };
  // Only the request that recorded the refund asks the provider; a repeated request, or one
  // that lost the race for the order's lock, answers with what is recorded.
  if (recorded.pending) await completeRefund(recorded.refundId, { provider, now });
  const refund = await db.refund.findUniqueOrThrow({
    where: { id: recorded.refundId },
    select: { id: true, status: true, amountMinor: true, feeMinor: true, _count: { select: { tickets: true } } },
  });
  return {
    ok: true,
    refundId: refund.id,
    status: refund.status,
    refundMinor: refund.amountMinor,
    feeMinor: refund.feeMinor,
    ticketCount: refund._count.tickets,
  };
}

async function recordCancellation(
  tx: DbTransaction,
  { orderId, codes, requestKey, requestedBy }: CancelTicketsInput,
  now: Date,
): Promise<Recorded | { error: CancelTicketsRefusal }> {
  // Every cancellation of this order waits here for the one before it to commit.
  const status = await lockOrder(tx, orderId);
  if (status === null) return { error: "not_found" };
  const repeated = await tx.refund.findUnique({ where: { requestKey }, select: { id: true, orderId: true } });
  if (repeated) return repeated.orderId === orderId ? { refundId: repeated.id, pending: false } : { error: "not_found" };
  // Cancelled or refunded already: every ticket that could be is cancelled.
  if (status === "CANCELLED" || status === "REFUNDED") return { error: "nothing_to_cancel" };
  if (status !== "PAID") return { error: "not_paid" };

  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      currency: true,
      items: { select: { ticketTypeId: true, unitPriceMinor: true } },
      event: { select: { startsAt: true, timeZone: true, refundPolicy: true } },
      tickets: {
        // Only tickets the buyer still holds: one passed on belongs to its new holder.
        where: { status: "VALID", checkedInAt: null, refunded: null, ...STILL_WITH_BUYER },
        select: { id: true, code: true, ticketTypeId: true },
      },
    },
  });
  const wanted = codes === "all" ? order.tickets : order.tickets.filter((ticket) => codes.includes(ticket.code));
  if (wanted.length === 0) return { error: "nothing_to_cancel" };

  const price = new Map(order.items.map((item) => [item.ticketTypeId, item.unitPriceMinor]));
  const amountMinor = wanted.reduce((sum, ticket) => sum + (price.get(ticket.ticketTypeId) ?? 0), 0);
  const quote = refundQuote(order.event.refundPolicy ?? NO_REFUNDS, order.event, amountMinor, now);
  if (!quote.allowed) return { error: quote.reason };

  const ids = wanted.map((ticket) => ticket.id);
  const voided = await tx.ticket.updateMany({ where: { id: { in: ids }, status: "VALID" }, data: { status: "VOID" } });
  // The order's lock is held, so nothing else voided them meanwhile; a mismatch is a bug.
  if (voided.count !== ids.length) throw new Error("cancel tickets: tickets changed under the order's lock");

  // Places back on sale, per type, in id order like every other writer of TicketType.
  const perType = new Map<string, number>();
  for (const ticket of wanted) perType.set(ticket.ticketTypeId, (perType.get(ticket.ticketTypeId) ?? 0) + 1);
  for (const [ticketTypeId, count] of [...perType].sort(([a], [b]) => a.localeCompare(b))) {
    await tx.$executeRaw`
      UPDATE "TicketType" SET "sold" = "sold" - ${count}, "updatedAt" = now()
       WHERE "id" = ${ticketTypeId}::uuid`;
  }

  const free = quote.refundMinor === 0;
  const refund = await tx.refund.create({
    data: {
      orderId,
      requestKey,
      requestedBy,
      amountMinor: quote.refundMinor,
      feeMinor: quote.feeMinor,
      currency: order.currency,
      // Nothing to pay back (a free ticket, or a fee as large as the price): done now.
      status: free ? "SUCCEEDED" : "PENDING",
      completedAt: free ? now : null,
      // This request holds the refund until then; a worker takes over after.
      nextAttemptAt: new Date(now.getTime() + REFUND_LEASE_MS),
      tickets: { create: wanted.map((ticket) => ({ ticketId: ticket.id, amountMinor: price.get(ticket.ticketTypeId) ?? 0 })) },
    },
    select: { id: true },
  });

  const remaining = order.tickets.length - wanted.length;
  if (remaining === 0) {
    // Checked-in tickets still count as used: the order stays PAID while any admitted someone.
    const used = await tx.ticket.count({ where: { orderId, status: "VALID" } });
    if (used === 0) await tx.order.update({ where: { id: orderId }, data: { status: "CANCELLED" } });
  }
  if (free) await enqueueEmails(tx, await refundEmails(tx, refund.id));
  return { refundId: refund.id, pending: !free };
}

/**
 * The order page's way in: whoever holds the order's signed link (its key) may cancel its
 * tickets; a wrong key is an unknown order.
 */
export async function cancelTicketsWithOrderKey(
  input: CancelTicketsInput & { key: string },
  options: { provider?: PaymentProvider } = {},
): Promise<CancelTicketsResult> {
  const order = isUuid(input.orderId)
    ? await db.order.findUnique({ where: { id: input.orderId }, select: { id: true, buyerEmail: true } })
    : null;
  if (!order || !isValidOrderKey(order, input.key)) return { ok: false, error: "not_found" };
  return cancelTickets(input, options);
}
