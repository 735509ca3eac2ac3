"use server";
// "Wrong address? Correct it" on the confirmation page. Whoever posts this must hold the
// buying browser's signed cookie for the order; the link then goes to the corrected address.
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { publicAction, type ActionResult, type SharedRefusal } from "@/lib/actions";
import { form } from "@/lib/forms";
import { asLocale } from "@/lib/i18n/locales";
import { ordersOfThisBrowser } from "@/lib/orders/buyer-browser";
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
