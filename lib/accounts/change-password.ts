// The /account/password form's core, kept free of Auth.js and of requests so tests call it
// directly: check the two fields, then set the password for the signed-in user.
import { z } from "zod";
import { checkPasswordPolicy, type PasswordProblem } from "./passwords";
import { setPassword } from "./set-password";

export type PasswordFormFieldErrors = {
  password?: PasswordProblem;
  confirmation?: "mismatch";
};

export type ChangePasswordResult =
  | { ok: true }
  | { ok: false; error: "invalid_form"; fieldErrors: PasswordFormFieldErrors }
  | { ok: false; error: "no_such_user"; fieldErrors: PasswordFormFieldErrors };

// A missing field reads as an empty one, so the policy's "too short" explains it.
const text = z.preprocess((value) => (typeof value === "string" ? value : ""), z.string());

export const passwordFormSchema = z.object({ password: text, confirmation: text });

export type PasswordFormInput = z.infer<typeof passwordFormSchema>;

export function parsePasswordForm(formData: FormData): PasswordFormInput {
  return passwordFormSchema.parse({ password: formData.get("password"), confirmation: formData.get("confirmation") });
}

/** The problems of a posted pair of passwords, one per field, without hashing anything. */
export function checkPasswordForm({ password, confirmation }: PasswordFormInput): PasswordFormFieldErrors {
  const fieldErrors: PasswordFormFieldErrors = {};
  const policy = checkPasswordPolicy(password);
  if (!policy.ok) fieldErrors.password = policy.problem;
  // Compared as typed: a confirmation is about the keys pressed, and the policy normalises later.
  if (confirmation !== password) fieldErrors.confirmation = "mismatch";
  return fieldErrors;
}

export async function changePasswordForUser({
  userId,
  sessionToken,
  password,
  confirmation,
  now,
}: {
  userId: string;
  /** The session asking; it stays signed in while every other one is signed out. */
  sessionToken: string | null;
  password: string;
  confirmation: string;
  now?: Date;
}): Promise<ChangePasswordResult> {
  const fieldErrors = checkPasswordForm({ password, confirmation });
  if (fieldErrors.password || fieldErrors.confirmation) return { ok: false, error: "invalid_form", fieldErrors };
  const result = await setPassword({ userId, password, currentSessionToken: sessionToken, now });
  if (result.ok) return { ok: true };
  if (result.error === "no_such_user") return { ok: false, error: "no_such_user", fieldErrors: {} };
  return { ok: false, error: "invalid_form", fieldErrors: { password: result.error } };
}

export const SESSION_COOKIE = "authjs.session-token";
export const SECURE_SESSION_COOKIE = "__Secure-authjs.session-token";

/**
 * The session token Auth.js set in this browser: the __Secure- cookie when the site is served
 * over https, the plain one otherwise (Auth.js picks the name the same way).
 */
export function sessionTokenFromCookies(
  cookies: { get(name: string): { value: string } | undefined },
  siteUrl: string | undefined,
): string | null {
  const secure = siteUrl?.startsWith("https:") ?? false;
  const [preferred, other] = secure ? [SECURE_SESSION_COOKIE, SESSION_COOKIE] : [SESSION_COOKIE, SECURE_SESSION_COOKIE];
  // The other name only behind a proxy that disagrees with SITE_URL; without any token the
  // change would sign this browser out too.
  return cookies.get(preferred)?.value ?? cookies.get(other)?.value ?? null;
}
