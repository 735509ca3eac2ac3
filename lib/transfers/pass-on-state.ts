// What the "pass a ticket on" forms show after a post, and how a domain result becomes it: one
// shape for the order page, the account's ticket page and the passed-on ticket's own page.
import type { ActionResult } from "../action-result";
import type { SharedRefusal } from "../actions";
import type { PassTicketOnResult } from "./pass-ticket-on";
import type { TransferFieldErrors } from "./schemas";

type Values = { code: string; name: string; email: string };

export type PassOnState = ActionResult<
  { toName: string; toEmail: string },
  "invalid_form" | "not_allowed" | "closed" | "checked_in" | "not_valid" | "rate_limited" | "changed",
  { fieldErrors: TransferFieldErrors; values: Values }
>;

/** The form's answer: the refusal with what was typed, or the pipeline's 404 for someone else's ticket. */
export function passOnState(result: PassTicketOnResult, values: Values): PassOnState | SharedRefusal {
  if (result.ok) return { ok: true, toName: result.toName, toEmail: result.toEmail };
  if (result.error === "not_found") return { ok: false, error: "not_found" };
  if (result.error === "invalid_form") return { ok: false, error: "invalid_form", fieldErrors: result.fieldErrors, values };
  return { ok: false, error: result.error, fieldErrors: {}, values };
}
