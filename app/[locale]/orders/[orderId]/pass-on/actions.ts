"use server";
// "Pass a ticket on" from the order page: whoever posts it must hold the order's signed link
// (its key), and the ticket must still be the buyer's; lib/transfers/pass-ticket-on.ts checks both.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { publicAction, type SharedRefusal } from "@/lib/actions";
import { form } from "@/lib/forms";
import { passOnFields, passOnFromForm } from "@/lib/transfers/pass-on-form";
import { passOnState, type PassOnState } from "@/lib/transfers/pass-on-state";

export const passTicketOnFromOrderAction = publicAction({
  schema: z.object({ orderId: form.text(100), key: form.text(200), ...passOnFields }),
  run: async ({ orderId, key, ...values }, { emailQueued }): Promise<PassOnState | SharedRefusal> => {
    const result = await passOnFromForm({ via: "order", orderId, key }, values, emailQueued);
    if (result.ok) revalidatePath("/[locale]/orders/[orderId]", "page");
    return passOnState(result, values);
  },
});
