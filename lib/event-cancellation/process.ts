// The worker's half of cancelling an event: every order of a cancelled event is claimed in
// batches with a lease (SKIP LOCKED, so several workers share the work and never take the same
// order at once), then, per order in one transaction under the order's row lock, its valid
// tickets are voided, their places released, a full refund recorded as PENDING (its request key
// names the cancellation and the order, so a retry finds it) and the holders' emails queued;
// the order's row in the job is marked done in that same transaction. Only after the commit is
// the provider asked (completeRefund, the refund's id as idempotency key). A crash before the
// commit leaves the order to the next worker once its lease ends; a crash after it leaves a
// PENDING refund that completeDueRefunds finishes. The job is done when no order is left.
// Free of server-only code: `npm run worker` (plain Node) runs it.
import { db, type DbTransaction } from "../db/client";
import type { Locale } from "../db/types";
import { orderUrl } from "../orders/order-links";
import { lockOrder } from "../orders/finalize-order";
import { enqueueEmails, type QueuedEmail } from "../outbox/queue";
import { ORGANIZER_CONTACT_SELECT, organizerReplyTo } from "../organizers/contact-address";
import {
  type AccountForLocale,
  ORDER_HOLDER_SELECT,
  orderHolderContact,
  orderHolderLocale,
  TICKET_HOLDER_FIELDS,
  ticketHolderContact,
  ticketHolderLocale,
  ticketStillWithBuyer,
} from "../ownership/ticket-holder";
import { paymentProvider } from "../payments";
import type { PaymentProvider } from "../payments/provider";
import { completeRefund, REFUND_LEASE_MS } from "../refunds/complete-refund";
import { ticketLinkUrl } from "../transfers/ticket-links";
import { cancelledEventSnapshot, type CancelledEventRow, type EventCancelledPayload } from "./email-payload";

/** Orders claimed at a time by one worker. */
export const CANCELLATION_BATCH_SIZE = 25;
/** How long a worker holds the orders it claimed before another may take them over. */
export const CANCELLATION_LEASE_MS = 2 * 60_000;

/** The refund's request key: one per cancellation and order, so a retried order finds its refund. */
export function cancellationRefundKey(cancellationId: string, orderId: string): string {
  return `event-cancellation:${cancellationId}:${orderId}`;
}

type Options = {
  provider?: PaymentProvider;
  now?: Date;
  batchSize?: number;
  leaseMs?: number;
  /** At most this many batches per cancellation in this run (a web request's after()); the rest is the worker's. */
  maxBatches?: number;
};

export type CancellationRunReport = { orders: number; refunds: number; failed: number };

/**
 * Works through every running cancellation until none has an order left that is not claimed
 * by another worker. Safe to call from any number of processes at once, and at any time.
 */
export async function runEventCancellations(options: Options = {}): Promise<CancellationRunReport> {
  const running = await db.eventCancellation.findMany({
    where: { status: "RUNNING" },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  const report: CancellationRunReport = { orders: 0, refunds: 0, failed: 0 };
  for (const { id } of running) {
    const one = await processEventCancellation(id, options);
    report.orders += one.orders;
    report.refunds += one.refunds;
    report.failed += one.failed;
  }
  return report;
}

/** Claims and cancels batch after batch of one cancellation's orders, then ends the job if nothing is left. */
export async function processEventCancellation(cancellationId: string, options: Options = {}): Promise<CancellationRunReport> {
  const report: CancellationRunReport = { orders: 0, refunds: 0, failed: 0 };
  await adoptLatePayments(cancellationId);
  for (let batches = 0; batches < (options.maxBatches ?? Infinity); batches++) {
    const claimed = await claimBatch(cancellationId, options);
    if (claimed.length === 0) break;
    const batch = await cancelClaimedOrders(cancellationId, claimed, options);
    report.orders += batch.orders;
    report.refunds += batch.refunds;
    report.failed += batch.failed;
  }
  await finishIfDone(cancellationId, options.now ?? new Date());
  return report;
}

/**
 * Takes up to `batchSize` orders nobody holds (never claimed, or their lease ended: a worker
 * that crashed) and leases them to this worker. Exported for the crash test, which claims a
 * batch and leaves it unfinished.
 */
export async function claimBatch(
  cancellationId: string,
  { now = new Date(), batchSize = CANCELLATION_BATCH_SIZE, leaseMs = CANCELLATION_LEASE_MS }: Options = {},
): Promise<string[]> {
  const rows = await db.$queryRaw<{ orderId: string }[]>`
    UPDATE "EventCancellationOrder" SET "leaseUntil" = ${new Date(now.getTime() + leaseMs)}::timestamptz, "attempts" = "attempts" + 1
     WHERE "cancellationId" = ${cancellationId}::uuid AND "orderId" IN (
       SELECT "orderId" FROM "EventCancellationOrder"
        WHERE "cancellationId" = ${cancellationId}::uuid AND "doneAt" IS NULL
          AND ("leaseUntil" IS NULL OR "leaseUntil" <= ${now}::timestamptz)
        ORDER BY "orderId"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED)
    RETURNING "orderId"::text AS "orderId"`;
  return rows.map((row) => row.orderId).sort();
}

/** Cancels each claimed order in its own transaction, then asks the provider for each new refund. */
export async function cancelClaimedOrders(
  cancellationId: string,
  orderIds: string[],
  { provider = paymentProvider(), now = new Date() }: Options = {},
): Promise<CancellationRunReport> {
  const report: CancellationRunReport = { orders: 0, refunds: 0, failed: 0 };
  for (const orderId of orderIds) {
    let recorded: { refundId: string | null; pending: boolean };
    try {
      recorded = await db.$transaction((tx) => cancelOrderOfEvent(tx, cancellationId, orderId, now));
    } catch (error) {
      // Left claimed: once its lease ends, the next run tries again. No personal data in the log.
      console.error(`event cancellation: order ${orderId} failed (${(error as Error).name})`);
      await db.eventCancellationOrder.updateMany({
        where: { cancellationId, orderId, doneAt: null },
        data: { lastError: String((error as Error).message).slice(0, 500) },
      });
      report.failed += 1;
      continue;
    }
    report.orders += 1;
    if (recorded.pending && recorded.refundId) {
      // The refund's own lease keeps completeDueRefunds away meanwhile; after a crash or an
      // error here it takes over, so the rest of the batch goes on.
      try {
        await completeRefund(recorded.refundId, { provider, now });
        report.refunds += 1;
      } catch (error) {
        console.error(`event cancellation: refund ${recorded.refundId} left to the retries (${(error as Error).name})`);
      }
    }
  }
  return report;
}

/** PAID orders the job does not list yet: a payment that completed after the event was cancelled. */
async function adoptLatePayments(cancellationId: string): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "EventCancellationOrder" ("cancellationId", "orderId")
    SELECT c."id", o."id" FROM "EventCancellation" c JOIN "Order" o ON o."eventId" = c."eventId"
     WHERE c."id" = ${cancellationId}::uuid AND c."status" = 'RUNNING' AND o."status" = 'PAID'
    ON CONFLICT DO NOTHING`;
}

/**
 * Ends the job when every listed order is done and no order of the event can still become paid
 * (a checkout in progress would be adopted by a later run).
 */
async function finishIfDone(cancellationId: string, now: Date): Promise<void> {
  await db.$executeRaw`
    UPDATE "EventCancellation" c SET "status" = 'DONE', "finishedAt" = ${now}::timestamptz
     WHERE c."id" = ${cancellationId}::uuid AND c."status" = 'RUNNING'
       AND NOT EXISTS (SELECT 1 FROM "EventCancellationOrder" j WHERE j."cancellationId" = c."id" AND j."doneAt" IS NULL)
       AND NOT EXISTS (
         SELECT 1 FROM "Order" o
          WHERE o."eventId" = c."eventId"
            AND (o."status" = 'PENDING'
                 OR (o."status" = 'PAID' AND NOT EXISTS (SELECT 1 FROM "EventCancellationOrder" j WHERE j."orderId" = o."id"))))`;
}

/**
 * One order, under its row lock: a second worker whose lease overlapped waits here, then finds
 * the order done and does nothing.
 */
async function cancelOrderOfEvent(
  tx: DbTransaction,
  cancellationId: string,
  orderId: string,
  now: Date,
): Promise<{ refundId: string | null; pending: boolean }> {
  const status = await lockOrder(tx, orderId);
  const job = await tx.eventCancellationOrder.findUnique({ where: { orderId }, select: { doneAt: true, refundId: true } });
  if (!job || job.doneAt) return { refundId: job?.refundId ?? null, pending: false };
  // The job row and the refund are written together, so this finds nothing unless the row was
  // reset by hand: then the refund recorded before is the one, and nothing is voided twice.
  const requestKey = cancellationRefundKey(cancellationId, orderId);
  const earlier = await tx.refund.findUnique({ where: { requestKey }, select: { id: true, status: true } });
  if (earlier) {
    await tx.eventCancellationOrder.update({
      where: { cancellationId_orderId: { cancellationId, orderId } },
      data: { doneAt: now, leaseUntil: null, refundId: earlier.id, lastError: null },
    });
    return { refundId: earlier.id, pending: earlier.status === "PENDING" };
  }

  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      ...ORDER_HOLDER_SELECT,
      id: true,
      number: true,
      currency: true,
      items: { select: { ticketTypeId: true, unitPriceMinor: true } },
      tickets: {
        // Every ticket still valid, checked in or not and whoever holds it: the event is off.
        where: { status: "VALID", refunded: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          ticketTypeId: true,
          ...TICKET_HOLDER_FIELDS,
          transfers: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true, toEmail: true } },
        },
      },
      event: {
        select: {
          title: true,
          venue: true,
          city: true,
          startsAt: true,
          endsAt: true,
          timeZone: true,
          cancellation: { select: { id: true, message: true } },
          organizer: { select: { name: true, ...ORGANIZER_CONTACT_SELECT } },
        },
      },
    },
  });
  if (order.event.cancellation?.id !== cancellationId) throw new Error("event cancellation: the order is not of this event");

  let refund: { id: string; amountMinor: number; pending: boolean } | null = null;
  if (status === "PAID" && order.tickets.length > 0) {
    const price = new Map(order.items.map((item) => [item.ticketTypeId, item.unitPriceMinor]));
    const ids = order.tickets.map((ticket) => ticket.id);
    const voided = await tx.ticket.updateMany({ where: { id: { in: ids }, status: "VALID" }, data: { status: "VOID" } });
    if (voided.count !== ids.length) throw new Error("event cancellation: tickets changed under the order's lock");
    // Places back, per type, in id order like every other writer of TicketType. The event is
    // cancelled, so the waiting-list trigger offers them to nobody.
    const perType = new Map<string, number>();
    for (const ticket of order.tickets) perType.set(ticket.ticketTypeId, (perType.get(ticket.ticketTypeId) ?? 0) + 1);
    for (const [ticketTypeId, count] of [...perType].sort(([a], [b]) => a.localeCompare(b))) {
      await tx.$executeRaw`
        UPDATE "TicketType" SET "sold" = "sold" - ${count}, "updatedAt" = now()
         WHERE "id" = ${ticketTypeId}::uuid`;
    }
    const amountMinor = order.tickets.reduce((sum, ticket) => sum + (price.get(ticket.ticketTypeId) ?? 0), 0);
    const free = amountMinor === 0;
    const row = await tx.refund.create({
      data: {
        orderId,
        requestKey,
        requestedBy: "organizer",
        // The organizer called it off: everything back, no fee.
        amountMinor,
        feeMinor: 0,
        currency: order.currency,
        status: free ? "SUCCEEDED" : "PENDING",
        completedAt: free ? now : null,
        // This worker asks the provider right after the commit; completeDueRefunds after the lease.
        nextAttemptAt: new Date(now.getTime() + REFUND_LEASE_MS),
        tickets: { create: order.tickets.map((ticket) => ({ ticketId: ticket.id, amountMinor: price.get(ticket.ticketTypeId) ?? 0 })) },
      },
      select: { id: true },
    });
    refund = { id: row.id, amountMinor, pending: !free };
    await tx.order.update({ where: { id: orderId }, data: { status: "CANCELLED" } });
    await enqueueEmails(tx, cancellationEmails(cancellationId, order, amountMinor));
  }
  await tx.eventCancellationOrder.update({
    where: { cancellationId_orderId: { cancellationId, orderId } },
    data: { doneAt: now, leaseUntil: null, refundId: refund?.id ?? null, lastError: null },
  });
  return { refundId: refund?.id ?? null, pending: refund?.pending ?? false };
}

type OrderForEmails = {
  id: string;
  number: string;
  currency: string;
  locale: Locale;
  buyerEmail: string;
  buyerName: string;
  user: ({ email: string; name: string | null } & AccountForLocale) | null;
  tickets: {
    holderName: string | null;
    holderEmail: string | null;
    holderUser: { email: string; name: string | null; locale: Locale } | null;
    transfers: { id: string; toEmail: string }[];
  }[];
  event: CancelledEventRow & {
    cancellation: { message: string } | null;
    organizer: { name: string; email: string; contactEmail: string | null };
  };
};

/**
 * One email per address among the order's ticket holders (the ownership rule: a ticket passed
 * on is its new holder's) and, when money goes back, the order's holder, who paid. The dedupe
 * key names the cancellation and the address, so someone holding tickets of several orders
 * gets one email for the whole event.
 */
function cancellationEmails(cancellationId: string, order: OrderForEmails, refundMinor: number): QueuedEmail<"event-cancelled">[] {
  const { event } = order;
  const buyer = orderHolderContact(order);
  const paid = refundMinor > 0;
  const recipients = new Map<
    string,
    { name: string | null; holderName: string; money: EventCancelledPayload["money"]; link: string; locale: Locale }
  >();
  const forBuyer = () => ({
    name: buyer.name,
    locale: orderHolderLocale(order),
    holderName: order.buyerName,
    money: paid ? ("refund" as const) : ("free" as const),
    link: orderUrl({ id: order.id, buyerEmail: order.buyerEmail }),
  });
  if (paid) recipients.set(buyer.email, forBuyer());
  for (const ticket of order.tickets) {
    const transfer = ticket.transfers[0];
    if (ticketStillWithBuyer(ticket) || !transfer) {
      if (!recipients.has(buyer.email)) recipients.set(buyer.email, forBuyer());
      continue;
    }
    const holder = ticketHolderContact({ ...ticket, order });
    if (recipients.has(holder.email)) continue;
    recipients.set(holder.email, {
      name: holder.name,
      holderName: ticket.holderName ?? order.buyerName,
      money: paid ? "buyer" : "free",
      link: ticketLinkUrl(transfer),
      locale: ticketHolderLocale({ ...ticket, order }),
    });
  }
  const replyTo = organizerReplyTo(event.organizer);
  return [...recipients].map(([email, recipient]) => ({
    template: "event-cancelled",
    to: email,
    toName: recipient.name,
    locale: recipient.locale,
    dedupeKey: `event-cancelled:${cancellationId}:${email}`,
    payload: {
      organizerName: event.organizer.name,
      replyTo,
      holderName: recipient.holderName,
      orderNumber: order.number,
      event: cancelledEventSnapshot(event),
      message: event.cancellation?.message ?? "",
      money: recipient.money,
      refundMinor,
      currency: order.currency,
      link: recipient.link,
    },
  }));
}
