"use server";
// The set-password form's server action: who is asking, then the domain function, then on to
// the account page. The password is never sent back, not even after a refusal.
import { redirect } from "next/navigation";
import { changePasswordForUser, parsePasswordForm, type PasswordFormFieldErrors } from "@/lib/accounts/change-password";
import { currentSessionToken, requireUser } from "../require-user";

export type PasswordFormState = { ok: false; error: "invalid_form"; fieldErrors: PasswordFormFieldErrors } | null;

export async function setPasswordAction(_previous: PasswordFormState, formData: FormData): Promise<PasswordFormState> {
  // An action is a public endpoint: the session is checked here, not only by the page.
  const user = await requireUser("/account/password");
  const { currentPassword, password, confirmation } = parsePasswordForm(formData);
  const sessionToken = await currentSessionToken();
  const result = await changePasswordForUser({ userId: user.id, sessionToken, currentPassword, password, confirmation });
  if (!result.ok && result.error === "no_such_user") redirect("/login?callbackUrl=/account/password");
  if (!result.ok) return { ok: false, error: "invalid_form", fieldErrors: result.fieldErrors };
  // redirect() throws to end the request, so it stays outside any try/catch.
  redirect("/account?notice=password-set");
}
