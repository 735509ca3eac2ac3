// What the sign-in forms show after a post: one form-level message or one field error, and the
// email as typed (never the password).
/** rate_limited: too many link requests; password_locked: too many wrong passwords (a link still works). */
export type LoginError = "invalid_credentials" | "rate_limited" | "password_locked" | "invalid_email" | "password_missing";

export type LoginFormState = {
  ok: false;
  error: LoginError;
  /** The field the error is about; a form-level message when absent. */
  field?: "email" | "password";
  email: string;
} | null;

export type ForgotFormState =
  | { ok: true; email: string }
  | { ok: false; error: "invalid_email" | "rate_limited"; email: string }
  | null;

export function postedText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}
