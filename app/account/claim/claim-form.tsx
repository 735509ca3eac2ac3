"use client";
// Order number plus one proof (card digits or amount). A plain form: works without JavaScript.
import { useActionState } from "react";
import { useTranslations } from "@/components/i18n/client-text";
import { Notice } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { claimOrderAction, type ClaimFormState } from "./actions";

export function ClaimForm() {
  const t = useTranslations("OrderClaim");
  const [state, formAction, pending] = useActionState<ClaimFormState, FormData>(claimOrderAction, null);
  const errors = state?.fieldErrors ?? {};
  const method = state?.values.method || "card";
  return (
    <form action={formAction} noValidate className="flex flex-col gap-5">
      {state?.error ? <Notice tone="danger">{t(`errors.${state.error}`)}</Notice> : null}
      <Field
        id="claim-order-number"
        name="orderNumber"
        label={t("orderNumberLabel")}
        hint={t("orderNumberHint")}
        error={errors.orderNumber ? t(`errors.${errors.orderNumber}`) : null}
        defaultValue={state?.values.orderNumber ?? ""}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
      />
      <fieldset className="flex flex-col gap-2" aria-describedby={errors.method ? "claim-method-error" : undefined}>
        <legend className="mb-1 text-sm font-semibold text-zinc-900">{t("methodLegend")}</legend>
        {(["card", "amount"] as const).map((value) => (
          <label key={value} className="flex min-h-11 items-center gap-3 text-base text-zinc-900">
            <input type="radio" name="method" value={value} defaultChecked={method === value} className="size-5 accent-indigo-700" />
            {value === "card" ? t("methodCard") : t("methodAmount")}
          </label>
        ))}
        {errors.method ? (
          <p id="claim-method-error" className="text-sm font-medium text-red-700">
            {t(`errors.${errors.method}`)}
          </p>
        ) : null}
      </fieldset>
      <Field
        id="claim-secret"
        name="secret"
        label={t("secretLabel")}
        hint={t("secretHint")}
        error={errors.secret ? t(`errors.${errors.secret}`) : null}
        inputMode="decimal"
        autoComplete="off"
        required
      />
      <Button type="submit" size="lg" disabled={pending} aria-disabled={pending} className="self-start">
        {pending ? t("checking") : t("submit")}
      </Button>
    </form>
  );
}
