"use client";
// The new-password form. A plain form posting to a server action, so it works without
// JavaScript; with it, a strength meter follows the typing and the passwords can be shown.
import { Link } from "@/components/i18n/link";
import { failureOf } from "@/lib/action-result";
import { useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useTranslations } from "@/components/i18n/client-text";
import { PasswordStrengthMeter } from "@/components/account/password-strength-meter";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { setPasswordAction } from "./actions";

const subscribeNothing = () => () => {};

/** True once the page runs JavaScript: controls that need it are rendered only then. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}

type PasswordFormProps = {
  /** The account's address, for password managers to file the new password under. */
  email: string;
  /** Whether the current password is needed (an existing one, and no sign-in just now). */
  askCurrent: boolean;
  /** How recent a sign-in spares the current password (lib/accounts/change-password.ts). */
  recentMinutes: number;
  /** The policy's limits (lib/accounts/passwords.ts reads files, so it stays on the server). */
  minLength: number;
  maxLength: number;
};

export function PasswordForm({ email, askCurrent, recentMinutes, minLength, maxLength }: PasswordFormProps) {
  const t = useTranslations("PasswordPage");
  const authT = useTranslations("Auth.errors");
  const hydrated = useHydrated();
  const [state, formAction, pending] = useActionState(setPasswordAction, null);
  const [password, setPasswordValue] = useState("");
  const [visible, setVisible] = useState(false);
  const [answered, setAnswered] = useState(state);
  const currentRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmationRef = useRef<HTMLInputElement>(null);

  // React empties the form after each post (the password is never sent back), so the meter
  // starts again from nothing too.
  if (state !== answered) {
    setAnswered(state);
    setPasswordValue("");
  }

  const failed = failureOf(state);
  const fieldErrors = failed?.fieldErrors ?? {};
  useEffect(() => {
    if (!failed) return;
    if (failed.fieldErrors.currentPassword) currentRef.current?.focus();
    else if (failed.fieldErrors.password) passwordRef.current?.focus();
    else if (failed.fieldErrors.confirmation) confirmationRef.current?.focus();
  }, [failed]);

  const passwordError = fieldErrors.password ? authT(fieldErrors.password, { min: minLength, max: maxLength }) : null;
  const confirmationError = fieldErrors.confirmation ? t("errors.mismatch") : null;
  const currentError = fieldErrors.currentPassword ? t(`errors.current_${fieldErrors.currentPassword}`) : null;
  // The action may ask for it even when the page did not: the sign-in grew old meanwhile.
  const showCurrent = askCurrent || Boolean(fieldErrors.currentPassword);
  const type = visible ? "text" : "password";

  return (
    <form action={formAction} noValidate className="flex flex-col gap-5">
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      {showCurrent ? (
        <div className="flex flex-col gap-2">
          <Field
            ref={currentRef}
            id="current-password"
            name="currentPassword"
            type={type}
            label={t("currentLabel")}
            hint={t("currentHint", { minutes: recentMinutes })}
            error={currentError}
            autoComplete="current-password"
            required
          />
          <Link href="/login/forgot" className="self-start text-base font-semibold text-indigo-800 underline underline-offset-2">
            {t("currentForgotten")}
          </Link>
        </div>
      ) : null}
      <Field
        ref={passwordRef}
        id="new-password"
        name="password"
        type={type}
        label={t("passwordLabel")}
        hint={t("passwordHint", { min: minLength, max: maxLength })}
        error={passwordError}
        autoComplete="new-password"
        required
        aria-describedby={hydrated ? "new-password-strength" : undefined}
        onChange={(event) => setPasswordValue(event.currentTarget.value)}
      />
      {hydrated ? <PasswordStrengthMeter id="new-password-strength" password={password} /> : null}
      <Field
        ref={confirmationRef}
        id="confirm-password"
        name="confirmation"
        type={type}
        label={t("confirmationLabel")}
        error={confirmationError}
        autoComplete="new-password"
        required
      />
      {hydrated ? (
        <label className="flex min-h-11 items-center gap-3 self-start text-base text-zinc-900">
          <input
            type="checkbox"
            checked={visible}
            onChange={(event) => setVisible(event.currentTarget.checked)}
            className="size-5 accent-indigo-700"
          />
          {t("showPasswords")}
        </label>
      ) : null}
      <Button type="submit" size="lg" disabled={pending} aria-disabled={pending} className="self-start">
        {pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
