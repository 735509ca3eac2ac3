"use server";
// Corrects the buyer's email of one order (roles.ts: correctOrders, owners and admins). The
// domain function checks the membership and that the order belongs to this organizer again.
import { revalidatePath } from "next/cache";
import { redirectLocalized } from "@/lib/i18n/server";
import { z } from "zod";
import { memberAction, type ActionResult, type SharedRefusal } from "@/lib/actions";
import { form } from "@/lib/forms";
import { correctOrderEmail, type CorrectionFieldErrors } from "@/lib/organizers/corrections/order-correction";

type CorrectionValues = { email: string; confirmation: string };
export type CorrectionFormState = Extract<
  ActionResult<object, "invalid_form" | "same_email" | "not_paid", { fieldErrors: CorrectionFieldErrors; values: CorrectionValues }>,
  { ok: false }
>;

export const correctOrderEmailAction = memberAction({
  permission: "correctOrders",
  returnPath: ({ organizerId, orderId }) => `/organizer/${organizerId}/orders/${orderId}`,
  schema: z.object({ email: form.text(320), confirmation: form.text(320) }),
  run: async (values, { user, scope, emailQueued }): Promise<CorrectionFormState | SharedRefusal> => {
    const path = `/organizer/${scope.organizerId}/orders/${scope.orderId}`;
    const result = await correctOrderEmail({ userId: user.id, organizerId: scope.organizerId, orderId: scope.orderId ?? "", ...values });
    if (!result.ok) {
      if (result.error === "not_found") return { ok: false, error: "not_found" };
      return { ok: false, error: result.error, fieldErrors: result.error === "invalid_form" ? result.fieldErrors : {}, values };
    }
    emailQueued();
    revalidatePath(path);
    return redirectLocalized(`${path}?corrected=${result.changeId}`);
  },
});
