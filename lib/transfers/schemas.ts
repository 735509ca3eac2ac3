// The "pass a ticket on" form: the recipient's name and address, checked field by field. The
// name is single-line free text (lib/free-text.ts: it ends up in email headers and greetings),
// the address one plain mailbox (lib/accounts/email-address.ts), stored normalised.
import { parseEmail, type EmailProblem } from "../accounts/email-address";
import { singleLineText } from "../free-text";

export const MAX_RECIPIENT_NAME_LENGTH = 200;

export type TransferNameError = "name_required" | "name_too_long" | "name_control_characters";
export type TransferEmailError = `email_${EmailProblem}` | "email_same_holder";
export type TransferFieldErrors = { name?: TransferNameError; email?: TransferEmailError };

export type TransferRecipient = { name: string; email: string };

const nameSchema = singleLineText("name_control_characters")
  .min(1, { error: "name_required" })
  .max(MAX_RECIPIENT_NAME_LENGTH, { error: "name_too_long" });

export function parseTransferRecipient(input: {
  name: string;
  email: string;
}): { ok: true; data: TransferRecipient } | { ok: false; fieldErrors: TransferFieldErrors } {
  const fieldErrors: TransferFieldErrors = {};
  const name = nameSchema.safeParse(input.name);
  if (!name.success) fieldErrors.name = name.error.issues[0].message as TransferNameError;
  const email = parseEmail(input.email);
  if (!email.ok) fieldErrors.email = `email_${email.problem}`;
  if (!name.success || !email.ok) return { ok: false, fieldErrors };
  return { ok: true, data: { name: name.data, email: email.email } };
}
