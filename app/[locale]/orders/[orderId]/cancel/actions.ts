"use server";
// The button on the cancel page: releases a pending order's tickets. A GET never does this,
// so a link preview or a prefetch cannot cancel anybody's order.
import { redirectLocalized } from "@/lib/i18n/server";
import { z } from "zod";
import { publicAction, type SharedRefusal } from "@/lib/actions";
import { form } from "@/lib/forms";
import { cancelPendingOrder } from "@/lib/orders/cancel-order";
import { findOrderLinkTarget } from "@/lib/orders/queries";
import { isValidOrderKey, orderCancelPath } from "@/lib/orders/order-links";

export const cancelOrderAction = publicAction({
  form: true,
  schema: z.object({ orderId: form.text(100), key: form.text(200) }),
  run: async ({ orderId, key }): Promise<SharedRefusal> => {
    // Whoever holds the order's key (from its links) may cancel it; nobody else learns it exists.
    const order = orderId && key ? await findOrderLinkTarget(orderId) : null;
    if (!order || !isValidOrderKey(order, key)) return { ok: false, error: "not_found" };
    const outcome = await cancelPendingOrder(order.id);
    // Two answers the order's status alone cannot tell the page: paid meanwhile, or not reached.
    const note =
      outcome === "payment_in_progress" ? "&outcome=processing" : outcome === "provider_unavailable" ? "&outcome=unavailable" : "";
    return redirectLocalized(`${orderCancelPath(order)}${note}`);
  },
});
