"use client";
// Order number plus the two proofs (amount and card digits). A plain form: works without JavaScript.
import { useActionState } from "react";
import { failureOf } from "@/lib/action-result";
import { useTranslations } from "@/components/i18n/client-text";
import { Notice } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { claimOrderAction } from "./actions";

export function ClaimForm() {
  const t = useTranslations("OrderClaim");
  const [state, formAction, pending] = useActionState(claimOrderAction, null);
  const failed = failureOf(state);
  const errors = failed?.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="flex flex-col gap-5">
      {failed && failed.error !== "invalid_form" ? <Notice tone="danger">{t(`errors.${failed.error}`)}</Notice> : null}
      <Field
        id="claim-order-number"
        name="orderNumber"
        label={t("orderNumberLabel")}
        hint={t("orderNumberHint")}
        error={errors.orderNumber ? t(`errors.${errors.orderNumber}`) : null}
        defaultValue={failed?.values.orderNumber ?? ""}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
      />
      <Field
        id="claim-amount"
        name="amount"
        label={t("amountLabel")}
        hint={t("amountHint")}
        error={errors.amount ? t(`errors.${errors.amount}`) : null}
        defaultValue={failed?.values.amount ?? ""}
        inputMode="decimal"
        autoComplete="off"
        required
      />
      <Field
        id="claim-last4"
        name="last4"
        label={t("last4Label")}
        hint={t("last4Hint")}
        error={errors.last4 ? t(`errors.${errors.last4}`) : null}
        inputMode="numeric"
        maxLength={4}
        autoComplete="off"
        required
      />
      <Button type="submit" size="lg" disabled={pending} aria-disabled={pending} className="self-start">
        {pending ? t("checking") : t("submit")}
      </Button>
    </form>
  );
}
