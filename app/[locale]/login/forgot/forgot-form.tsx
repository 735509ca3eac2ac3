"use client";
// The forgot-password form. Its answer is the same whether or not the address has an account.
import { Link } from "@/components/i18n/link";
import { useActionState } from "react";
import { useTranslations } from "@/components/i18n/client-text";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { forgotPasswordAction } from "./actions";

export function ForgotForm({ initialEmail, linkMinutes }: { initialEmail: string; linkMinutes: number }) {
  const t = useTranslations("ForgotPage");
  const [state, formAction, pending] = useActionState(forgotPasswordAction, null);
  const emailError = state && !state.ok && state.error === "invalid_email" ? t("errors.invalid_email") : null;

  return (
    <form action={formAction} noValidate className="flex flex-col gap-5">
      {state?.ok ? (
        <FormAlert tone="success" focusKey={state}>
          {t("sent", { minutes: linkMinutes })}
        </FormAlert>
      ) : null}
      {state && !state.ok && state.error === "rate_limited" ? (
        <FormAlert tone="error" focusKey={state}>
          {t("errors.rate_limited")}
        </FormAlert>
      ) : null}
      <Field
        key={state?.email ?? initialEmail}
        id="forgot-email"
        name="email"
        type="email"
        inputMode="email"
        label={t("email")}
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        required
        defaultValue={state?.email ?? initialEmail}
        error={emailError}
      />
      <Button type="submit" size="lg" fullWidth disabled={pending}>
        {pending ? t("submitPending") : t("submit")}
      </Button>
      <p role="status" className="sr-only">
        {pending ? t("submitPending") : ""}
      </p>
      <Link href="/login" className="self-start font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950">
        {t("backToLogin")}
      </Link>
    </form>
  );
}
