"use server";
// The confirmation page's actions. "Wrong address? Correct it": whoever posts it must hold the
// buying browser's signed cookie for the order; the link then goes to the corrected address.
// "Choose a password": whoever posts it must hold the order's signed link (its key); a
// set-password link goes to the order's address.
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { publicAction, type ActionResult, type SharedRefusal } from "@/lib/actions";
import { form } from "@/lib/forms";
import { asLocale } from "@/lib/i18n/locales";
import { localizedPath } from "@/lib/i18n/server";
import { ordersOfThisBrowser } from "@/lib/orders/buyer-browser";
import { requestOrderPasswordLink } from "@/lib/orders/order-password-link";
import { SET_PASSWORD_LINK_PATH } from "@/lib/auth/magic-link";
import { requestOrderCorrection, type CorrectionFieldErrors } from "@/lib/organizers/corrections/buyer-correction";
import { clientAddress } from "@/lib/rate-limit";

export type BuyerCorrectionState = ActionResult<
  { sentTo: string },
  "invalid_form" | "closed" | "rate_limited",
  { fieldErrors: CorrectionFieldErrors; email: string }
>;

export const requestOrderCorrectionAction = publicAction({
  schema: z.object({ orderId: form.text(100), email: form.text(320) }),
  run: async ({ orderId, email }, { emailQueued }): Promise<BuyerCorrectionState | SharedRefusal> => {
    const locale = await getLocale();
    const result = await requestOrderCorrection({
      orderId,
      browserOrders: await ordersOfThisBrowser(),
      email,
      locale: asLocale(locale),
      clientAddress: clientAddress(await headers()),
    });
    if (result.ok) {
      emailQueued();
      return { ok: true, sentTo: result.toEmail };
    }
    if (result.error === "invalid_form") return { ok: false, error: "invalid_form", fieldErrors: result.fieldErrors, email };
    return { ok: false, error: result.error, fieldErrors: {}, email };
  },
});

/** The same answer whatever the account is like; only the rate limit differs. */
export type OrderPasswordLinkState = ActionResult<{ sentTo: string }, "rate_limited">;

export const requestOrderPasswordLinkAction = publicAction({
  schema: z.object({ orderId: form.text(100), key: form.text(200) }),
  run: async ({ orderId, key }, { emailQueued }): Promise<OrderPasswordLinkState | SharedRefusal> => {
    const result = await requestOrderPasswordLink({
      orderId,
      key,
      callbackPath: await localizedPath(SET_PASSWORD_LINK_PATH),
      clientAddress: clientAddress(await headers()),
    });
    if (result.ok) {
      emailQueued();
      return { ok: true, sentTo: result.email };
    }
    if (result.error === "not_found") return { ok: false, error: "not_found" };
    return { ok: false, error: "rate_limited", fieldErrors: {} };
  },
});
