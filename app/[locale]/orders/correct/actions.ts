"use server";
// The button on the page the correction link opens. The link's secret is the authorization:
// it reached only the corrected mailbox, and it is used up before anything moves.
import { redirectLocalized } from "@/lib/i18n/server";
import { z } from "zod";
import { publicAction } from "@/lib/actions";
import { form } from "@/lib/forms";
import { orderPath } from "@/lib/orders/order-links";
import { confirmOrderCorrection } from "@/lib/organizers/corrections/buyer-correction";

export const confirmOrderCorrectionAction = publicAction({
  form: true,
  schema: z.object({ token: form.text(1_000) }),
  run: async ({ token }, { emailQueued }) => {
    const result = await confirmOrderCorrection({ token });
    if (!result.ok) return redirectLocalized(`/orders/correct?problem=${result.error}`);
    emailQueued();
    return redirectLocalized(`${orderPath(result.order)}&moved=1`);
  },
});
