"use server";
// "Pass this ticket on" from a passed-on ticket's own page: whoever posts it must hold that
// page's signed link, and the transfer it names must still be the ticket's latest
// (lib/transfers/pass-ticket-on.ts checks both).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { publicAction, type SharedRefusal } from "@/lib/actions";
import { form } from "@/lib/forms";
import { passOnFields, passOnFromForm } from "@/lib/transfers/pass-on-form";
import { passOnState, type PassOnState } from "@/lib/transfers/pass-on-state";

export const passTicketOnFromLinkAction = publicAction({
  schema: z.object({ transferId: form.text(100), key: form.text(200), ...passOnFields }),
  run: async ({ transferId, key, ...values }, { emailQueued }): Promise<PassOnState | SharedRefusal> => {
    const result = await passOnFromForm({ via: "link", transferId, key }, values, emailQueued);
    if (result.ok) revalidatePath("/[locale]/tickets/[transferId]", "page");
    return passOnState(result, values);
  },
});
