"use server";
// The button on the cancel page: releases a pending order's tickets. A GET never does this,
// so a link preview or a prefetch cannot cancel anybody's order.
import { notFound, redirect } from "next/navigation";
import { cancelPendingOrder } from "@/lib/orders/cancel-order";
import { findOrderLinkTarget } from "@/lib/orders/queries";
import { isValidOrderKey, orderCancelPath } from "@/lib/orders/order-links";

export async function cancelOrderAction(formData: FormData): Promise<void> {
  const orderId = formData.get("orderId");
  const key = formData.get("key");
  // Whoever holds the order's key (from its links) may cancel it; nobody else learns it exists.
  if (typeof orderId !== "string" || typeof key !== "string") notFound();
  const order = await findOrderLinkTarget(orderId);
  if (!order || !isValidOrderKey(order, key)) notFound();
  const outcome = await cancelPendingOrder(order.id);
  // Two answers the order's status alone cannot tell the page: paid meanwhile, or not reached.
  const note = outcome === "payment_in_progress" ? "&outcome=processing" : outcome === "provider_unavailable" ? "&outcome=unavailable" : "";
  redirect(`${orderCancelPath(order)}${note}`);
}
