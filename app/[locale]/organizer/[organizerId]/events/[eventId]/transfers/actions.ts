"use server";
// The event's setting for passing tickets on (roles.ts: editEvents, owners and admins);
// lib/transfers/settings.ts checks the membership and the event again.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction, type ActionResult, type SharedRefusal } from "@/lib/actions";
import { form } from "@/lib/forms";
import { saveTransferSettings, type TransferSettingsFieldErrors } from "@/lib/transfers/settings";

export type TransferSettingsState = ActionResult<
  { allowed: boolean; cutoffHours: number },
  "invalid_form",
  { fieldErrors: TransferSettingsFieldErrors; values: { allowed: boolean; cutoffHours: string } }
>;

export const saveTransferSettingsAction = memberAction({
  permission: "editEvents",
  event: true,
  returnPath: ({ organizerId, eventId }) => `/organizer/${organizerId}/events/${eventId}`,
  schema: z.object({ allowed: form.checkbox(), cutoffHours: form.text(10) }),
  run: async (values, { user, scope, event }): Promise<TransferSettingsState | SharedRefusal> => {
    if (!event) return { ok: false, error: "not_found" };
    const result = await saveTransferSettings({ userId: user.id, organizerId: scope.organizerId, eventId: event.id, ...values });
    if (!result.ok) {
      if (result.error === "not_found") return result;
      return { ok: false, error: "invalid_form", fieldErrors: result.fieldErrors, values };
    }
    revalidatePath(`/organizer/${scope.organizerId}/events/${event.id}`);
    return result;
  },
});
