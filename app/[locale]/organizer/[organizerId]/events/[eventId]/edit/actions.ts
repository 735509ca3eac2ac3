"use server";
// The event's refund policy (roles.ts: setRefundPolicy, owners and admins), saved from its own
// form on the edit page; lib/refunds/refund-policy-settings.ts checks the membership again.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction, type ActionResult, type SharedRefusal } from "@/lib/actions";
import { form } from "@/lib/forms";
import { redirectLocalized } from "@/lib/i18n/server";
import { saveRefundPolicyForMember, type RefundPolicyFieldErrors, type RefundPolicyValues } from "@/lib/refunds/refund-policy-settings";

/** Saved, or refused with what was typed. */
export type RefundPolicyFormState = ActionResult<
  object,
  "invalid_form",
  { fieldErrors: RefundPolicyFieldErrors; values: RefundPolicyValues }
>;

export const saveRefundPolicyAction = memberAction({
  permission: "setRefundPolicy",
  event: true,
  returnPath: ({ organizerId, eventId }) => `/organizer/${organizerId}/events/${eventId}/edit`,
  schema: z.object({ kind: form.text(16), daysBefore: form.text(16), feeKind: form.text(16), feeValue: form.text(32) }),
  run: async (values, { user, scope }): Promise<RefundPolicyFormState | SharedRefusal> => {
    const result = await saveRefundPolicyForMember({
      userId: user.id,
      organizerId: scope.organizerId,
      eventId: scope.eventId ?? "",
      values,
    });
    if (!result.ok) {
      if (result.error === "not_found") return { ok: false, error: "not_found" };
      // Cancelled since the page was read: the edit page now says so instead of its forms.
      if (result.error === "cancelled") return redirectLocalized(`/organizer/${scope.organizerId}/events/${scope.eventId}/edit`);
      return { ok: false, error: "invalid_form", fieldErrors: result.fieldErrors, values };
    }
    revalidatePath(`/organizer/${scope.organizerId}/events/${scope.eventId}/edit`);
    return { ok: true };
  },
});
