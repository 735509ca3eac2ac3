"use client";
// Asking for a new email address. A plain form posting to a server action (works without
// JavaScript). After a post the answer takes the focus, so a screen reader reads it out.
import { Link } from "@/components/i18n/link";
import { useActionState, useState } from "react";
import { useTranslations } from "@/components/i18n/client-text";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { EmailChangeProof } from "@/lib/accounts/email-change";
import { requestEmailChangeAction } from "./actions";

const SIGN_IN_AGAIN_PATH = "/login?callbackUrl=/account/email";

export function EmailChangeForm({
  currentEmail,
  proof,
  minutes,
  recentMinutes,
}: {
  currentEmail: string;
  /** What this session must give (lib/accounts/email-change.ts); it may change while the page is open. */
  proof: EmailChangeProof;
  minutes: number;
  recentMinutes: number;
}) {
  const t = useTranslations("EmailChange");
  const [state, formAction, pending] = useActionState(requestEmailChangeAction, null);
  const [newEmail, setNewEmail] = useState("");
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    if (state) setNewEmail(state.ok ? "" : state.newEmail);
  }
  const fieldErrors = state && !state.ok ? state.fieldErrors : {};
  // The sign-in may have grown too old since the page was shown: then the answer asks for the password.
  const askPassword = proof === "password" || fieldErrors.currentPassword !== undefined;
  const signInAgain = proof === "sign_in_again" || fieldErrors.newEmail === "sign_in_again";

  return (
    <form action={formAction} noValidate className="flex flex-col gap-5">
      {state?.ok ? (
        <FormAlert tone="success" focusKey={state}>
          {t("sent", { email: state.newEmail, minutes })}
        </FormAlert>
      ) : null}
      {state && !state.ok && state.error === "rate_limited" ? (
        <FormAlert tone="error" focusKey={state}>
          {t("errors.rate_limited")}
        </FormAlert>
      ) : null}
      {/* For password managers: the account the password belongs to. */}
      <input type="email" autoComplete="username" value={currentEmail} readOnly hidden />
      <Field
        id="new-email"
        name="newEmail"
        type="email"
        inputMode="email"
        label={t("newEmailLabel")}
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={newEmail}
        onChange={(event) => setNewEmail(event.currentTarget.value)}
        hint={
          signInAgain
            ? t.rich("signInAgainHint", {
                minutes: recentMinutes,
                link: (chunks) => (
                  <Link href={SIGN_IN_AGAIN_PATH} className="font-medium text-indigo-800 underline underline-offset-2">
                    {chunks}
                  </Link>
                ),
              })
            : undefined
        }
        error={fieldErrors.newEmail ? t(`errors.${fieldErrors.newEmail}`, { minutes: recentMinutes }) : null}
      />
      {askPassword ? (
        <Field
          id="current-password"
          name="currentPassword"
          type="password"
          label={t("passwordLabel")}
          hint={t("passwordHint", { minutes: recentMinutes })}
          autoComplete="current-password"
          required
          error={fieldErrors.currentPassword ? t(`errors.${fieldErrors.currentPassword}`) : null}
        />
      ) : null}
      <Button type="submit" disabled={pending} aria-disabled={pending} className="self-start">
        {pending ? t("sending") : t("submit")}
      </Button>
    </form>
  );
}
