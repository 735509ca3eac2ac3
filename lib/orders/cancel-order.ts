// A buyer who gives up on the payment page (Stripe's cancel link) gets their held tickets
// released at once instead of when the hold expires.
import { db } from "../db/client";
import { failOrder, lockOrder } from "./finalize-order";

export type CancelOutcome = "cancelled" | "already_failed" | "paid" | "not_cancellable" | "not_found";

/**
 * Fails a PENDING order that is waiting on a provider's payment page and gives its admissions
 * back. Only an order with a payment reference qualifies: a card-form order is pending only
 * while its charge is in flight, and failing it then could leave a charged card without
 * tickets. Safe to repeat; a paid order is left alone.
 */
export async function cancelPendingOrder(orderId: string): Promise<CancelOutcome> {
  return db.$transaction(async (tx) => {
    const status = await lockOrder(tx, orderId);
    if (status === null) return "not_found";
    if (status === "PAID") return "paid";
    if (status === "FAILED") return "already_failed";
    if (status !== "PENDING") return "not_cancellable";
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { paymentRef: true } });
    if (order.paymentRef === null) return "not_cancellable";
    return (await failOrder(tx, orderId, "payment_unavailable")) ? "cancelled" : "already_failed";
  });
}
