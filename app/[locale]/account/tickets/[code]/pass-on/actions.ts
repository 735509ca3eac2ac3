"use server";
// "Pass this ticket on" from the account's ticket page: the signed-in account must hold the
// ticket by the ownership rule (lib/transfers/pass-ticket-on.ts asks it). Done, it leads back to
// My tickets: the ticket's page is no longer this account's.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { userAction, type SharedRefusal } from "@/lib/actions";
import { form } from "@/lib/forms";
import { asLocale } from "@/lib/i18n/locales";
import { redirectLocalized } from "@/lib/i18n/server";
import { TICKET_CODE_PATTERN } from "@/lib/orders/codes";
import { clientAddress } from "@/lib/rate-limit";
import { passOnState, type PassOnState } from "@/lib/transfers/pass-on-state";
import { passTicketOn } from "@/lib/transfers/pass-ticket-on";

export const passTicketOnFromAccountAction = userAction({
  schema: z.object({ code: form.text(100), name: form.text(400), email: form.text(400) }),
  returnPath: ({ code }) => (TICKET_CODE_PATTERN.test(code) ? `/account/tickets/${code}` : "/account/tickets"),
  run: async ({ code, name, email }, { user, emailQueued }): Promise<PassOnState | SharedRefusal> => {
    const result = await passTicketOn({
      sender: { via: "account", userId: user.id },
      code,
      recipient: { name, email },
      locale: asLocale(await getLocale()),
      clientAddress: clientAddress(await headers()),
    });
    if (result.ok) {
      emailQueued();
      revalidatePath("/[locale]/account/tickets", "layout");
      // The ticket's page is the new holder's now: back to the list, where it shows as passed on.
      return redirectLocalized("/account/tickets");
    }
    return passOnState(result, { code, name, email });
  },
});
