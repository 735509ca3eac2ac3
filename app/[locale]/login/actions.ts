"use server";
// The sign-in form's action. Its two submit buttons post the same form: "password" signs in
// through Auth.js's credentials provider, "link" asks for a sign-in link by email.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { localizedPath, redirectLocalized } from "@/lib/i18n/server";
import { z } from "zod";
import { publicAction, type ActionResult } from "@/lib/actions";
import { SIGNED_IN_HINT_COOKIE, signedInHintOptions } from "@/lib/auth/cookie-names";
import { requestSignInLink } from "@/lib/auth/request-link";
import { env } from "@/lib/env";
import { form } from "@/lib/forms";
import { safeReturnPath } from "@/lib/navigation/return-path";
import { clientAddress } from "@/lib/rate-limit";
import { AFTER_SIGN_IN_PATH, signInPurpose } from "./destination";

/** rate_limited: too many link requests; password_locked: too many wrong passwords (a link still works). */
export type LoginError = "invalid_credentials" | "rate_limited" | "password_locked" | "invalid_email" | "password_missing";
/**
 * One message, next to its field or for the form; the email comes back as typed, never the
 * password. A sign-in or a link request redirects; only a like's way back comes as a location.
 */
export type LoginFormState = ActionResult<
  { location: string },
  LoginError,
  { fieldErrors: { email?: LoginError; password?: LoginError }; email: string }
>;
type LoginRefusal = Extract<LoginFormState, { ok: false }>;

/** Auth.js's errors carry `type` (CredentialsSignin) and, for ours, `code`; names are minified. */
function authErrorKind(error: unknown): { type?: unknown; code?: unknown } | null {
  return typeof error === "object" && error !== null && "type" in error ? (error as { type?: unknown; code?: unknown }) : null;
}

const refuse = (error: LoginError, email: string, field?: "email" | "password"): LoginRefusal => ({
  ok: false,
  error,
  fieldErrors: field ? { [field]: error } : {},
  email,
});

export const signInAction = publicAction({
  schema: z.object({
    email: form.text(1_000),
    password: form.text(),
    intent: form.text(16),
    callbackUrl: form.text(2_048),
    // "document" once the form runs JavaScript: see the end of the password branch.
    navigate: form.text(16),
  }),
  run: async (fields, { emailQueued }): Promise<LoginFormState> => {
    const email = fields.email.trim();
    // Back to the page asked for, in the language of this sign-in page (and of the link email);
    // without one, to My tickets.
    const callbackPath = await localizedPath(safeReturnPath(fields.callbackUrl, AFTER_SIGN_IN_PATH));

    if (fields.intent === "link") {
      const result = await requestSignInLink({ email, callbackPath, clientAddress: clientAddress(await headers()) });
      if (!result.ok) return refuse(result.reason, email, result.reason === "invalid_email" ? "email" : undefined);
      emailQueued();
      return redirectLocalized("/login/check-email");
    }

    if (email === "") return refuse("invalid_email", email, "email");
    if (fields.password === "") return refuse("password_missing", email, "password");
    let location: string;
    try {
      // Auth.js is loaded here, not with the module: see signedInUser in lib/guards.ts.
      const { signIn } = await import("@/lib/auth");
      // The page after a password sign-in comes in this action's answer, with no request of its
      // own for proxy.ts to set the "signed in" hint on: set it here (a wrong password leaves it
      // for proxy.ts to clear on the next request, and /api/viewer answers "nobody" meanwhile).
      (await cookies()).set(SIGNED_IN_HINT_COOKIE, "1", signedInHintOptions(env().SITE_URL));
      // Answers where to go on success; a wrong password throws.
      location = await signIn("password", { email, password: fields.password, redirect: false, redirectTo: callbackPath });
    } catch (error) {
      const kind = authErrorKind(error);
      if (kind?.type === "CredentialsSignin") {
        // Only password sign-in is locked: the answer points to the link button of the same form.
        if (kind.code === "rate_limited") return refuse("password_locked", email, "password");
        return refuse("invalid_credentials", email);
      }
      throw error;
    }
    const destination = safeReturnPath(location, callbackPath);
    // Saving a like waits in a route, not a page: Next's router would show the event under the
    // route's address, so a form running JavaScript has the browser open it itself.
    if (fields.navigate === "document" && signInPurpose(destination) === "like") return { ok: true, location: destination };
    // redirect() throws to end the request, so it stays outside the try/catch.
    return redirect(destination);
  },
});
