"use server";
// "Pass this ticket on" from the account's ticket page: the signed-in account must hold the
// ticket by the ownership rule (lib/transfers/pass-ticket-on.ts asks it). Done, it leads back to
// My tickets: the ticket's page is no longer this account's.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction, type SharedRefusal } from "@/lib/actions";
import { redirectLocalized } from "@/lib/i18n/server";
import { TICKET_CODE_PATTERN } from "@/lib/orders/codes";
import { passOnFields, passOnFromForm } from "@/lib/transfers/pass-on-form";
import { passOnState, type PassOnState } from "@/lib/transfers/pass-on-state";

export const passTicketOnFromAccountAction = userAction({
  schema: z.object(passOnFields),
  returnPath: ({ code }) => (TICKET_CODE_PATTERN.test(code) ? `/account/tickets/${code}` : "/account/tickets"),
  run: async (values, { user, emailQueued }): Promise<PassOnState | SharedRefusal> => {
    const result = await passOnFromForm({ via: "account", userId: user.id }, values, emailQueued);
    if (!result.ok) return passOnState(result, values);
    revalidatePath("/[locale]/account/tickets", "layout");
    // The ticket's page is the new holder's now: back to the list, where it shows as passed on,
    // under a notice that says so (the recipient's name stays out of the address).
    return redirectLocalized("/account/tickets?notice=passed-on");
  },
});
