// What the order page shows about cancelling: the event's policy as it applies now, the
// tickets that can still be cancelled with their prices, and the refunds made so far. The page
// checks the order's signed key before asking.
import "server-only";
import { db } from "../db/client";
import type { RefundFeeKind, RefundStatus } from "../db/types";
import { orderPath } from "../orders/order-links";
import { NO_REFUNDS, refundQuote } from "./policy";
import { STILL_WITH_BUYER } from "../ownership/ticket-holder";

export type OrderRefundView = {
  currency: string;
  policy: { refundable: boolean; feeKind: RefundFeeKind; feeValue: number };
  /** Null without refunds; otherwise the last moment to cancel, and whether it has passed. */
  deadline: Date | null;
  open: boolean;
  cancellable: { code: string; typeName: string; priceMinor: number }[];
  refunds: {
    id: string;
    status: RefundStatus;
    amountMinor: number;
    feeMinor: number;
    ticketCount: number;
    createdAt: Date;
    /** Why the provider refused, for the organizer who settles it by hand (never shown to the buyer). */
    failureReason: string | null;
    /** "buyer", or "organizer" when the organizer cancelled the event. */
    requestedBy: string;
  }[];
};

export async function getOrderRefundView(orderId: string, now = new Date()): Promise<OrderRefundView | null> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      currency: true,
      status: true,
      items: { select: { ticketTypeId: true, unitPriceMinor: true } },
      event: { select: { startsAt: true, timeZone: true, refundPolicy: true } },
      tickets: {
        // Only tickets the buyer still holds: one passed on belongs to its new holder.
        where: { status: "VALID", checkedInAt: null, refunded: null, ...STILL_WITH_BUYER },
        orderBy: [{ createdAt: "asc" }, { code: "asc" }],
        select: { code: true, ticketTypeId: true, ticketType: { select: { name: true } } },
      },
      refunds: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          status: true,
          amountMinor: true,
          feeMinor: true,
          createdAt: true,
          lastError: true,
          requestedBy: true,
          _count: { select: { tickets: true } },
        },
      },
    },
  });
  if (!order) return null;
  const policy = order.event.refundPolicy ?? NO_REFUNDS;
  const quote = refundQuote(policy, order.event, 0, now);
  const price = new Map(order.items.map((item) => [item.ticketTypeId, item.unitPriceMinor]));
  return {
    currency: order.currency,
    policy: { refundable: policy.refundable, feeKind: policy.feeKind, feeValue: policy.feeValue },
    deadline: quote.allowed || quote.reason === "too_late" ? quote.deadline : null,
    open: quote.allowed && order.status === "PAID",
    cancellable:
      order.status === "PAID"
        ? order.tickets.map((ticket) => ({
            code: ticket.code,
            typeName: ticket.ticketType.name,
            priceMinor: price.get(ticket.ticketTypeId) ?? 0,
          }))
        : [],
    refunds: order.refunds.map(({ _count, lastError, ...refund }) => ({
      ...refund,
      ticketCount: _count.tickets,
      failureReason: refund.status === "FAILED" ? (lastError ?? "") : null,
    })),
  };
}

/**
 * For "My tickets": the order page (by its signed link) where the account's holder can cancel,
 * while the policy allows it; null otherwise. The caller lists only orders the account holds.
 */
export async function accountCancelPath(orderId: string, now = new Date()): Promise<string | null> {
  const [view, order] = await Promise.all([
    getOrderRefundView(orderId, now),
    db.order.findUnique({ where: { id: orderId }, select: { id: true, buyerEmail: true } }),
  ]);
  if (!view || !order || !view.open || view.cancellable.length === 0) return null;
  return orderPath(order);
}
