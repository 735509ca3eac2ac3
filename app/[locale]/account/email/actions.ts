"use server";
// Asking for and confirming a new email address. The rules (password, rate limits, single-use
// links, one transaction) live in lib/accounts.
import { redirectLocalized } from "@/lib/i18n/server";
import { z } from "zod";
import { confirmEmailChange, requestEmailChange, type EmailChangeFieldErrors } from "@/lib/accounts/email-change";
import { userAction, type ActionResult, type SharedRefusal } from "@/lib/actions";
import { form } from "@/lib/forms";
import { currentSessionToken } from "@/lib/guards";
import { confirmReturnPath } from "./confirm/return-path";

/** `newEmail` comes back as typed, to show it again; the password never does. */
export type EmailChangeFormState = ActionResult<
  { newEmail: string },
  "invalid_form" | "rate_limited",
  { fieldErrors: EmailChangeFieldErrors; newEmail: string }
>;
export type ConfirmEmailState = ActionResult<object, "invalid_link" | "address_unavailable">;

export const requestEmailChangeAction = userAction({
  returnPath: "/account/email",
  schema: z.object({ newEmail: form.text(), currentPassword: form.text() }),
  run: async ({ newEmail, currentPassword }, { user, emailQueued }): Promise<EmailChangeFormState | SharedRefusal> => {
    const result = await requestEmailChange({ userId: user.id, sessionToken: await currentSessionToken(), newEmail, currentPassword });
    if (!result.ok)
      return result.error === "no_such_user"
        ? { ok: false, error: "no_such_user" }
        : { ok: false, error: result.error, fieldErrors: result.fieldErrors, newEmail };
    emailQueued();
    return { ok: true, newEmail: result.newEmail };
  },
});

export const confirmEmailChangeAction = userAction({
  // The same account that asked must be signed in: lib checks that the request is this user's.
  returnPath: ({ token }) => confirmReturnPath(token),
  schema: z.object({ token: form.text(1_000) }),
  run: async ({ token }, { user }): Promise<ConfirmEmailState> => {
    const result = await confirmEmailChange({ userId: user.id, token, currentSessionToken: await currentSessionToken() });
    if (!result.ok) return { ok: false, error: result.error, fieldErrors: {} };
    return redirectLocalized("/account/profile?notice=email-changed");
  },
});
