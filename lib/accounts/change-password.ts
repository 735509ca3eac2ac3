// The /account/password form's core, kept free of Auth.js and of requests so tests call it
// directly: check the fields, then set the password for the signed-in user.
//
// Replacing a password that exists needs proof that the person at the keyboard is the owner,
// not someone at an unlocked computer or holding a stolen cookie (who could then use the new
// password to move the account to their own address). The proof is either the current
// password or a sign-in moments ago (recent-sign-in.ts), which is how "Forgot password" ends up here.
import { z } from "zod";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from "../auth/cookie-names";
import { db } from "../db/client";
import { formFields, form } from "../forms";
import { hit, type RateLimit } from "../rate-limit";
import { checkPasswordPolicy, verifyPassword, type PasswordProblem } from "./passwords";
import { signedInRecently } from "./recent-sign-in";
import { setPassword } from "./set-password";

export { RECENT_SIGN_IN_MINUTES } from "./recent-sign-in";
/** Guesses at the current password per account, so a stolen session cannot try many. */
export const CURRENT_PASSWORD_TRIES: RateLimit = { limit: 5, windowMs: 15 * 60_000 };

export type PasswordFormFieldErrors = {
  currentPassword?: "missing" | "wrong" | "rate_limited";
  password?: PasswordProblem;
  confirmation?: "mismatch";
};

export type ChangePasswordResult =
  | { ok: true }
  | { ok: false; error: "invalid_form"; fieldErrors: PasswordFormFieldErrors }
  | { ok: false; error: "no_such_user"; fieldErrors: PasswordFormFieldErrors };

// A missing field reads as an empty one, so the policy's "too short" explains it.
export const passwordFormSchema = z.object({ currentPassword: form.text(), password: form.text(), confirmation: form.text() });

export type PasswordFormInput = z.infer<typeof passwordFormSchema>;

export function parsePasswordForm(formData: FormData): PasswordFormInput {
  return passwordFormSchema.parse(formFields(formData));
}

/**
 * The hash the current password must match, when this session must give it: only when the
 * account has one and the session was not made within the last few minutes (or is not this
 * user's). Null when the new password is enough.
 */
async function passwordToConfirm(userId: string, sessionToken: string | null, now: Date): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user?.passwordHash) return null;
  return (await signedInRecently({ userId, sessionToken, now })) ? null : user.passwordHash;
}

/** Whether this session must give the current password to replace it (see passwordToConfirm). */
export async function needsCurrentPassword({
  userId,
  sessionToken,
  now = new Date(),
}: {
  userId: string;
  sessionToken: string | null;
  now?: Date;
}): Promise<boolean> {
  return (await passwordToConfirm(userId, sessionToken, now)) !== null;
}

/** The problems of a posted pair of new passwords, one per field, without hashing anything. */
export function checkPasswordForm({
  password,
  confirmation,
}: Pick<PasswordFormInput, "password" | "confirmation">): PasswordFormFieldErrors {
  const fieldErrors: PasswordFormFieldErrors = {};
  const policy = checkPasswordPolicy(password);
  if (!policy.ok) fieldErrors.password = policy.problem;
  // Compared as typed: a confirmation is about the keys pressed, and the policy normalises later.
  if (confirmation !== password) fieldErrors.confirmation = "mismatch";
  return fieldErrors;
}

async function checkCurrentPassword(
  userId: string,
  passwordHash: string,
  currentPassword: string,
  now: Date,
): Promise<PasswordFormFieldErrors["currentPassword"]> {
  if (currentPassword === "") return "missing";
  const tries = await hit(`password-change:user:${userId}`, { ...CURRENT_PASSWORD_TRIES, now });
  if (!tries.allowed) return "rate_limited";
  return (await verifyPassword(passwordHash, currentPassword)) ? undefined : "wrong";
}

export async function changePasswordForUser({
  userId,
  sessionToken,
  currentPassword = "",
  password,
  confirmation,
  now = new Date(),
}: {
  userId: string;
  /** The session asking; it stays signed in while every other one is signed out. */
  sessionToken: string | null;
  /** Asked for only when needsCurrentPassword says so; ignored otherwise. */
  currentPassword?: string;
  password: string;
  confirmation: string;
  now?: Date;
}): Promise<ChangePasswordResult> {
  const fieldErrors = checkPasswordForm({ password, confirmation });
  const passwordHash = await passwordToConfirm(userId, sessionToken, now);
  if (passwordHash) {
    const problem = await checkCurrentPassword(userId, passwordHash, currentPassword, now);
    if (problem) fieldErrors.currentPassword = problem;
  }
  if (fieldErrors.currentPassword || fieldErrors.password || fieldErrors.confirmation)
    return { ok: false, error: "invalid_form", fieldErrors };
  const result = await setPassword({ userId, password, currentSessionToken: sessionToken, now });
  if (result.ok) return { ok: true };
  if (result.error === "no_such_user") return { ok: false, error: "no_such_user", fieldErrors: {} };
  return { ok: false, error: "invalid_form", fieldErrors: { password: result.error } };
}

export { SECURE_SESSION_COOKIE, SESSION_COOKIE } from "../auth/cookie-names";

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
