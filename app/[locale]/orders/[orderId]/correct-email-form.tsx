"use client";
// The buyer types the address they meant; a link goes there. A plain form: works without JavaScript.
import { useActionState } from "react";
import { failureOf } from "@/lib/action-result";
import { useTranslations } from "@/components/i18n/client-text";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { requestOrderCorrectionAction } from "./actions";

export function CorrectEmailForm({ orderId }: { orderId: string }) {
  const t = useTranslations("BuyerCorrection");
  const [state, formAction, pending] = useActionState(requestOrderCorrectionAction, null);
  if (state?.ok) {
    return <Notice tone="success">{t("sent", { email: state.sentTo })}</Notice>;
  }
  const failed = failureOf(state);
  const emailError = failed?.fieldErrors.email;
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      {failed && failed.error !== "invalid_form" ? <Notice tone="danger">{t(`errors.${failed.error}`)}</Notice> : null}
      <input type="hidden" name="orderId" value={orderId} />
      <Field
        id="buyer-correction-email"
        name="email"
        type="email"
        label={t("emailLabel")}
        hint={t("emailHint")}
        error={emailError ? t(`errors.${emailError}`) : null}
        defaultValue={failed?.email ?? ""}
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        required
      />
      <Button type="submit" variant="secondary" disabled={pending} aria-disabled={pending} className="self-start">
        {pending ? t("sending") : t("submit")}
      </Button>
    </form>
  );
}
