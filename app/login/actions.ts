"use server";
// The sign-in form's action. Its two submit buttons post the same form: "password" signs in
// through Auth.js's credentials provider, "link" asks for a sign-in link by email.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { requestSignInLink } from "@/lib/auth/request-link";
import { safeReturnPath } from "@/lib/navigation/return-path";
import { wakeOutboxSender } from "@/lib/outbox/in-app";
import { clientAddress } from "@/lib/rate-limit";
import { postedText, type LoginFormState } from "./form-state";

/** Auth.js's errors carry `type` (CredentialsSignin) and, for ours, `code`; names are minified. */
function authErrorKind(error: unknown): { type?: unknown; code?: unknown } | null {
  return typeof error === "object" && error !== null && "type" in error ? (error as { type?: unknown; code?: unknown }) : null;
}

export async function signInAction(_previous: LoginFormState, formData: FormData): Promise<LoginFormState> {
  const email = postedText(formData, "email").trim();
  const callbackPath = safeReturnPath(postedText(formData, "callbackUrl"), "/");

  if (postedText(formData, "intent") === "link") {
    const result = await requestSignInLink({ email, callbackPath, clientAddress: clientAddress(await headers()) });
    if (!result.ok) return { ok: false, error: result.reason, field: result.reason === "invalid_email" ? "email" : undefined, email };
    wakeOutboxSender();
    redirect("/login/check-email");
  }

  const password = postedText(formData, "password");
  if (email === "") return { ok: false, error: "invalid_email", field: "email", email };
  if (password === "") return { ok: false, error: "password_missing", field: "password", email };
  try {
    // On success this throws Next's redirect to the callback path; it must not be caught here.
    await signIn("password", { email, password, redirectTo: callbackPath });
  } catch (error) {
    const kind = authErrorKind(error);
    if (kind?.type === "CredentialsSignin") {
      // Only password sign-in is locked: the answer points to the link button of the same form.
      if (kind.code === "rate_limited") return { ok: false, error: "password_locked", field: "password", email };
      return { ok: false, error: "invalid_credentials", email };
    }
    throw error;
  }
  return null;
}
