"use server";
// "Send my tickets again": the form's fields, then the domain function.
import { randomUUID } from "node:crypto";
import { getLocale } from "next-intl/server";
import { userAction, type ActionResult, type SharedRefusal } from "@/lib/actions";
import { asLocale } from "@/lib/i18n/locales";
import { resendOrderTickets, resendTicketsSchema } from "@/lib/tickets/resend-tickets";

/** Each answer carries a fresh key, so a later deliberate click is a new request. */
export type ResendTicketsState = ActionResult<
  { to: string; nextKey: string },
  "not_paid" | "invalid_form" | "rate_limited",
  { nextKey: string; retryAfterMinutes?: number }
>;

export const resendTicketsAction = userAction({
  returnPath: "/account/tickets",
  schema: resendTicketsSchema,
  invalid: (fieldErrors): ResendTicketsState => ({ ok: false, error: "invalid_form", fieldErrors, nextKey: randomUUID() }),
  run: async (input, { user, emailQueued }): Promise<ResendTicketsState | SharedRefusal> => {
    const locale = await getLocale();
    const result = await resendOrderTickets({ userId: user.id, ...input, locale: asLocale(locale) });
    const nextKey = randomUUID();
    // Someone else's order, or none: the same 404 as the pages give (the pipeline answers it).
    if (!result.ok) return result.error === "not_found" ? result : { ...result, fieldErrors: {}, nextKey };
    emailQueued();
    return { ...result, nextKey };
  },
});
