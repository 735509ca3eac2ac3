"use server";
// Asking for and confirming a new email address. Each action checks the session itself; the
// rules (password, rate limits, single-use links, one transaction) live in lib/accounts.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { confirmEmailChange, requestEmailChange, type EmailChangeFieldErrors } from "@/lib/accounts/email-change";
import { currentSessionToken, requireUser } from "../require-user";
import { confirmReturnPath } from "./confirm/return-path";

export type EmailChangeFormState =
  | { ok: true; newEmail: string }
  | { ok: false; error: "invalid_form" | "rate_limited"; fieldErrors: EmailChangeFieldErrors; newEmail: string }
  | null;

export type ConfirmEmailState = { ok: false; error: "invalid_link" | "address_unavailable" } | null;

const text = z.preprocess((value) => (typeof value === "string" ? value : ""), z.string());
const requestSchema = z.object({ newEmail: text, currentPassword: text });

export async function requestEmailChangeAction(_previous: EmailChangeFormState, formData: FormData): Promise<EmailChangeFormState> {
  const user = await requireUser("/account/email");
  const { newEmail, currentPassword } = requestSchema.parse({ newEmail: formData.get("newEmail"), currentPassword: formData.get("currentPassword") });
  const result = await requestEmailChange({ userId: user.id, sessionToken: await currentSessionToken(), newEmail, currentPassword });
  if (!result.ok) {
    if (result.error === "no_such_user") redirect("/login?callbackUrl=/account/email");
    return { ok: false, error: result.error, fieldErrors: result.fieldErrors, newEmail };
  }
  // The password is never sent back.
  return { ok: true, newEmail: result.newEmail };
}

export async function confirmEmailChangeAction(_previous: ConfirmEmailState, formData: FormData): Promise<ConfirmEmailState> {
  const token = text.parse(formData.get("token"));
  // The same account that asked must be signed in: lib checks that the request is this user's.
  const user = await requireUser(confirmReturnPath(token));
  const sessionToken = await currentSessionToken();
  const result = await confirmEmailChange({ userId: user.id, token, currentSessionToken: sessionToken });
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath("/", "layout");
  redirect("/account/profile?notice=email-changed");
}
