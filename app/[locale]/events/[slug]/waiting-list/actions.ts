"use server";
// Joining a sold-out ticket type's waiting list: anyone may, with an address (a signed-in
// visitor with their own, in one click). The answer is a redirect back to the page, the same for
// every address; lib/waiting-list/join.ts checks everything and counts the attempts.
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { publicAction } from "@/lib/actions";
import { form } from "@/lib/forms";
import { asLocale } from "@/lib/i18n/locales";
import { redirectLocalized } from "@/lib/i18n/server";
import { clientAddress } from "@/lib/rate-limit";
import { joinWaitingList } from "@/lib/waiting-list/join";
import { joinPagePath } from "@/lib/waiting-list/paths";

export const joinWaitingListAction = publicAction({
  form: true,
  schema: z.object({
    event: form.text(200),
    type: form.text(100),
    email: form.text(1_000),
    quantity: form.text(10),
    asViewer: form.checkbox(),
  }),
  run: async (fields, { viewer, emailQueued }) => {
    const locale = asLocale(await getLocale());
    // The signed-in visitor's own address, never one posted in its name.
    const user = fields.asViewer ? await viewer() : null;
    const quantity = Number(fields.quantity);
    const result = await joinWaitingList({
      eventSlug: fields.event,
      ticketTypeId: fields.type,
      email: user ? user.email : fields.email,
      quantity,
      locale,
      clientAddress: clientAddress(await headers()),
    });
    if (result.ok) {
      emailQueued();
      return redirectLocalized(joinPagePath(fields.event, fields.type, { joined: "1" }));
    }
    return redirectLocalized(
      joinPagePath(fields.event, fields.type, { error: result.error, quantity: Number.isInteger(quantity) ? String(quantity) : "1" }),
    );
  },
});
