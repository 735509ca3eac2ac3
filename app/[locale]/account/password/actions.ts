"use server";
// The set-password form: the domain function checks and sets it, then on to the account page.
// The password is never sent back, not even after a refusal.
import { redirectLocalized } from "@/lib/i18n/server";
import { changePasswordForUser, passwordFormSchema, type PasswordFormFieldErrors } from "@/lib/accounts/change-password";
import { userAction, type ActionResult, type SharedRefusal } from "@/lib/actions";
import { currentSessionToken } from "@/lib/guards";

export type PasswordFormState = ActionResult<object, "invalid_form", { fieldErrors: PasswordFormFieldErrors }>;

export const setPasswordAction = userAction({
  returnPath: "/account/password",
  schema: passwordFormSchema,
  run: async (fields, { user, emailQueued }): Promise<PasswordFormState | SharedRefusal> => {
    const result = await changePasswordForUser({ userId: user.id, sessionToken: await currentSessionToken(), ...fields });
    if (!result.ok) return result.error === "no_such_user" ? { ok: false, error: "no_such_user" } : result;
    // The account's address hears that its password was set or changed.
    emailQueued();
    // redirect() throws to end the request, so it stays outside any try/catch.
    return redirectLocalized("/account?notice=password-set");
  },
});
