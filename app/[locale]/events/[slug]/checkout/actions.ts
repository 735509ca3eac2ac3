"use server";
// The checkout form's server action. Anyone may buy tickets, so there is no one to check:
// every input is checked by lib/orders/checkout.ts and again by placeOrder.
import { refresh } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { localizePath } from "@/lib/i18n/paths";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { publicAction } from "@/lib/actions";
import { asLocale } from "@/lib/i18n/locales";
import { boughtPath, rememberOrderInThisBrowser } from "@/lib/orders/buyer-browser";
import { checkout, type CheckoutResult } from "@/lib/orders/checkout";
import { clientAddress } from "@/lib/rate-limit";

/** What the form shows after a post: a refusal, or the placed order's address to go to. */
export type CheckoutFormState = Extract<CheckoutResult, { ok: false }>;
export type CheckoutAnswer = CheckoutFormState | { ok: true; location: string };

export const placeOrderAction = publicAction({
  // Every field as posted: the ticket types' quantity fields are named after their ids.
  schema: z.record(z.string(), z.unknown()),
  run: async (fields, { emailQueued }): Promise<CheckoutAnswer> => {
    const requested = await getLocale();
    const locale = asLocale(requested);
    const result = await checkout(fields, { locale, clientAddress: clientAddress(await headers()) });
    if (!result.ok) {
      // A refusal brings the quantities as they are now, and the form shows them; rendering the
      // page again (into this answer) is kept for a page that has itself changed. In a rush, most
      // of the buyers are told "sold out", and a page for each would double the server's work.
      if (result.available === null) refresh();
      return result;
    }
    emailQueued();
    // This browser may correct a misspelled address for a day without the organizer. On our own
    // confirmation page it gets there through the order's `bought` route, which remembers it
    // (lib/orders/buyer-browser.ts says why not here); before a payment provider's page, here.
    const ownPage = result.location.startsWith("/");
    if (!ownPage) await rememberOrderInThisBrowser(result.orderId);
    // In this page's language (a payment provider's address stays as it is).
    const location = localizePath(ownPage ? boughtPath(result.location, result.orderId) : result.location, locale);
    // With JavaScript the page navigates itself: a redirect here would render the whole order
    // page into this answer. A plain form post (no JavaScript) is redirected.
    if (fields.answer === "address") return { ok: true, location };
    redirect(location);
  },
});
