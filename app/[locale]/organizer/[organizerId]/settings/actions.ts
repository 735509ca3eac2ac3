"use server";
// The organizer's settings (roles.ts: editEvents, owners and admins): the contact address that
// order emails carry as Reply-To. lib/organizers/contact.ts checks the membership again.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction, type ActionResult, type SharedRefusal } from "@/lib/actions";
import { form } from "@/lib/forms";
import { saveOrganizerContact, type ContactFieldErrors } from "@/lib/organizers/contact";

type ContactValues = { contactEmail: string };
/** Saved (with the address as stored), or refused with the address as typed. */
export type ContactFormState = ActionResult<
  { contactEmail: string | null },
  "invalid_form",
  { fieldErrors: ContactFieldErrors; values: ContactValues }
>;

export const saveOrganizerContactAction = memberAction({
  permission: "editEvents",
  returnPath: ({ organizerId }) => `/organizer/${organizerId}/settings`,
  schema: z.object({ contactEmail: form.text(320) }),
  run: async (values, { user, scope }): Promise<ContactFormState | SharedRefusal> => {
    const result = await saveOrganizerContact({ userId: user.id, organizerId: scope.organizerId, contactEmail: values.contactEmail });
    if (!result.ok) {
      if (result.error === "not_found") return { ok: false, error: "not_found" };
      return { ok: false, error: "invalid_form", fieldErrors: result.fieldErrors, values };
    }
    revalidatePath(`/organizer/${scope.organizerId}/settings`);
    return { ok: true, contactEmail: result.contactEmail };
  },
});
