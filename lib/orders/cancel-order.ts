// A buyer who gives up on the payment page (Stripe's cancel link) gets their held tickets
// released at once instead of when the hold expires.
import { db } from "../db/client";
import { paymentProvider } from "../payments";
import { PaymentUnavailableError, type PaymentProvider } from "../payments/provider";
import { failOrder, lockOrder } from "./finalize-order";

export type CancelOutcome =
  | "cancelled"
  | "already_failed"
  | "paid"
  /** Paid on the provider's page already; its webhook completes the order. */
  | "payment_in_progress"
  /** The provider could not close its page, so the tickets stay held for now. */
  | "provider_unavailable"
  | "not_cancellable"
  | "not_found";

/**
 * Fails a PENDING order that is waiting on a provider's payment page and gives its admissions
 * back. Only an order with a payment reference qualifies: a card-form order is pending only
 * while its charge is in flight, and failing it then could leave a charged card without
 * tickets. Safe to repeat; a paid order is left alone.
 */
export async function cancelPendingOrder(orderId: string, provider: PaymentProvider = paymentProvider()): Promise<CancelOutcome> {
  const order = await db.order.findUnique({ where: { id: orderId }, select: { status: true, paymentProvider: true, paymentRef: true } });
  if (order?.status === "PENDING" && order.paymentRef && provider.flow === "redirect" && order.paymentProvider === provider.id) {
    // The provider's page is closed first: otherwise a buyer who cancels here and then pays in
    // a tab still open would pay for tickets that went back on sale meanwhile. Done outside the
    // transaction, which must not wait on the network.
    try {
      if ((await provider.closeCheckout(order.paymentRef)) === "paid") return "payment_in_progress";
    } catch (error) {
      if (error instanceof PaymentUnavailableError) return "provider_unavailable";
      throw error;
    }
  }
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
