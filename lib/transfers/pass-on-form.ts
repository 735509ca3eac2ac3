// The three "pass a ticket on" forms (the order page, a passed-on ticket's own page, the account's
// ticket page) post the same fields and pass the ticket on the same way; their actions differ only
// in who the sender is and which page they refresh after.
import "server-only";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { form } from "../forms";
import { asLocale } from "../i18n/locales";
import { clientAddress } from "../rate-limit";
import { passTicketOn, type PassTicketOnResult, type TransferSender } from "./pass-ticket-on";

/** The fields every pass-on form posts, for the action's schema (beside its own, such as a link's key). */
export const passOnFields = { code: form.text(100), name: form.text(400), email: form.text(400) };

/**
 * Passes the ticket on for `sender`, in the request's language and with its client address (for
 * the rate limit); `emailQueued` is the action pipeline's, called when the emails were queued.
 */
export async function passOnFromForm(
  sender: TransferSender,
  { code, name, email }: { code: string; name: string; email: string },
  emailQueued: () => void,
): Promise<PassTicketOnResult> {
  const result = await passTicketOn({
    sender,
    code,
    recipient: { name, email },
    locale: asLocale(await getLocale()),
    clientAddress: clientAddress(await headers()),
  });
  if (result.ok) emailQueued();
  return result;
}
