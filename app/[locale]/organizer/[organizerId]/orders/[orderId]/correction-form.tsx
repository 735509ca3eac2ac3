"use client";
// The corrected address, typed twice; a plain form, so it works without JavaScript too.
import { useActionState } from "react";
import { useTranslations } from "@/components/i18n/client-text";
import { Notice } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { CorrectionFormState } from "./actions";

/** `action` is correctOrderEmailAction bound to the order by the page (a server component): see page.tsx. */
export function CorrectionForm({
  action,
}: {
  action: (previous: CorrectionFormState | null, formData: FormData) => Promise<CorrectionFormState | null>;
}) {
  const t = useTranslations("OrderCorrection");
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="flex flex-col gap-5">
      {state && state.error !== "invalid_form" ? <Notice tone="danger">{t(`errors.${state.error}`)}</Notice> : null}
      <Field
        id="corrected-email"
        name="email"
        type="email"
        label={t("emailLabel")}
        error={errors.email ? t(`errors.${errors.email}`) : null}
        defaultValue={state?.values.email ?? ""}
        autoComplete="off"
        required
      />
      <Field
        id="corrected-email-confirmation"
        name="confirmation"
        type="email"
        label={t("confirmationLabel")}
        error={errors.confirmation ? t(`errors.${errors.confirmation}`) : null}
        defaultValue={state?.values.confirmation ?? ""}
        autoComplete="off"
        required
      />
      <Button type="submit" size="lg" disabled={pending} aria-disabled={pending} className="self-start">
        {pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
