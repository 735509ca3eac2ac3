"use server";
// "Pass this ticket on" from a passed-on ticket's own page: whoever posts it must hold that
// page's signed link, and the transfer it names must still be the ticket's latest
// (lib/transfers/pass-ticket-on.ts checks both).
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { publicAction, type SharedRefusal } from "@/lib/actions";
import { form } from "@/lib/forms";
import { asLocale } from "@/lib/i18n/locales";
import { clientAddress } from "@/lib/rate-limit";
import { passOnState, type PassOnState } from "@/lib/transfers/pass-on-state";
import { passTicketOn } from "@/lib/transfers/pass-ticket-on";

export const passTicketOnFromLinkAction = publicAction({
  schema: z.object({ transferId: form.text(100), key: form.text(200), code: form.text(100), name: form.text(400), email: form.text(400) }),
  run: async ({ transferId, key, code, name, email }, { emailQueued }): Promise<PassOnState | SharedRefusal> => {
    const result = await passTicketOn({
      sender: { via: "link", transferId, key },
      code,
      recipient: { name, email },
      locale: asLocale(await getLocale()),
      clientAddress: clientAddress(await headers()),
    });
    if (result.ok) {
      emailQueued();
      revalidatePath("/[locale]/tickets/[transferId]", "page");
    }
    return passOnState(result, { code, name, email });
  },
});
