"use server";
// "Avboka biljetter" on the order page: whoever holds the order's signed link (its key) may
// cancel its tickets within the event's refund policy (lib/refunds/cancel-tickets.ts checks the
// key, the policy and the tickets). Success goes back to the order page, which shows the result,
// with and without JavaScript.
import { z } from "zod";
import { publicAction, type ActionResult, type SharedRefusal } from "@/lib/actions";
import { form } from "@/lib/forms";
import { redirectLocalized } from "@/lib/i18n/server";
import { cancelTicketsWithOrderKey, type CancelTicketsRefusal } from "@/lib/refunds/cancel-tickets";

export type CancelTicketsFormError = "nothing_chosen" | Exclude<CancelTicketsRefusal, "not_found">;
export type CancelTicketsFormState = ActionResult<object, CancelTicketsFormError, { fieldErrors: { codes?: CancelTicketsFormError } }>;

const codes = z.preprocess(
  (value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((code): code is string => typeof code === "string"),
  z.array(z.string().max(64)).max(200),
);

export const cancelTicketsAction = publicAction({
  schema: z.object({ orderId: form.text(100), key: form.text(200), requestKey: form.text(64), codes }),
  run: async ({ orderId, key, requestKey, codes }, { emailQueued }): Promise<CancelTicketsFormState | SharedRefusal> => {
    if (codes.length === 0) return { ok: false, error: "nothing_chosen", fieldErrors: { codes: "nothing_chosen" } };
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(requestKey)) return { ok: false, error: "not_found" };
    const result = await cancelTicketsWithOrderKey({ orderId, key, codes, requestKey, requestedBy: "buyer" });
    if (!result.ok) {
      if (result.error === "not_found") return { ok: false, error: "not_found" };
      const fieldErrors = result.error === "nothing_to_cancel" ? { codes: result.error } : {};
      return { ok: false, error: result.error, fieldErrors };
    }
    emailQueued();
    return redirectLocalized(`/orders/${orderId}?${new URLSearchParams({ key, cancelled: "1" }).toString()}`);
  },
});
