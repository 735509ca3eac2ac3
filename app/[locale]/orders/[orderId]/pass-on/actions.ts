"use server";
// "Pass a ticket on" from the order page: whoever posts it must hold the order's signed link
// (its key), and the ticket must still be the buyer's; lib/transfers/pass-ticket-on.ts checks both.
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

export const passTicketOnFromOrderAction = publicAction({
  schema: z.object({ orderId: form.text(100), key: form.text(200), code: form.text(100), name: form.text(400), email: form.text(400) }),
  run: async ({ orderId, key, code, name, email }, { emailQueued }): Promise<PassOnState | SharedRefusal> => {
    const result = await passTicketOn({
      sender: { via: "order", orderId, key },
      code,
      recipient: { name, email },
      locale: asLocale(await getLocale()),
      clientAddress: clientAddress(await headers()),
    });
    if (result.ok) {
      emailQueued();
      revalidatePath("/[locale]/orders/[orderId]", "page");
    }
    return passOnState(result, { code, name, email });
  },
});
