"use client";
// The event's refund policy on its edit page: a plain form (works without JavaScript) whose
// texts come translated from the page. A refusal keeps what was typed, each message at its field.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { RefundPolicyFieldErrors, RefundPolicyValues } from "@/lib/refunds/refund-policy-settings";
import type { RefundPolicyFormState } from "@/app/[locale]/organizer/[organizerId]/events/[eventId]/edit/actions";

export type RefundPolicyFormTexts = {
  kind: string;
  kindNone: string;
  kindUntil: string;
  daysBefore: string;
  daysBeforeHint: string;
  feeKind: string;
  feeNone: string;
  feeFixed: string;
  feePercent: string;
  feeValue: string;
  feeValueHint: string;
  save: string;
  saved: string;
  errors: Record<NonNullable<RefundPolicyFieldErrors[keyof RefundPolicyFieldErrors]>, string>;
};

const radioClasses = "h-5 w-5 accent-indigo-700";

/** `action` is saveRefundPolicyAction bound to the organizer and event by the page. */
export function RefundPolicyForm({
  action,
  current,
  texts,
}: {
  action: (previous: RefundPolicyFormState | null, formData: FormData) => Promise<RefundPolicyFormState | null>;
  current: RefundPolicyValues;
  texts: RefundPolicyFormTexts;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const values = failed ? failed.values : current;
  const error = (field: keyof RefundPolicyFieldErrors) => {
    const code = failed?.fieldErrors[field];
    return code ? texts.errors[code] : null;
  };
  return (
    <form action={formAction} noValidate className="flex flex-col gap-5" key={JSON.stringify(state)}>
      {state?.ok ? <Notice tone="success">{texts.saved}</Notice> : null}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-semibold text-zinc-900">{texts.kind}</legend>
        <label className="flex items-center gap-3">
          <input type="radio" name="kind" value="none" defaultChecked={values.kind !== "until"} className={radioClasses} />
          {texts.kindNone}
        </label>
        <label className="flex items-center gap-3">
          <input type="radio" name="kind" value="until" defaultChecked={values.kind === "until"} className={radioClasses} />
          {texts.kindUntil}
        </label>
      </fieldset>
      <Field
        id="refund-days-before"
        name="daysBefore"
        inputMode="numeric"
        label={texts.daysBefore}
        hint={texts.daysBeforeHint}
        defaultValue={values.daysBefore}
        error={error("daysBefore")}
        className="max-w-xs"
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-semibold text-zinc-900">{texts.feeKind}</legend>
        {(
          [
            ["NONE", texts.feeNone],
            ["FIXED", texts.feeFixed],
            ["PERCENT", texts.feePercent],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-3">
            <input
              type="radio"
              name="feeKind"
              value={value}
              defaultChecked={values.feeKind === value || (value === "NONE" && !["FIXED", "PERCENT"].includes(values.feeKind))}
              className={radioClasses}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <Field
        id="refund-fee-value"
        name="feeValue"
        inputMode="decimal"
        label={texts.feeValue}
        hint={texts.feeValueHint}
        defaultValue={values.feeValue}
        error={error("feeValue")}
        className="max-w-xs"
      />
      <Button type="submit" disabled={pending} aria-disabled={pending} className="self-start">
        {texts.save}
      </Button>
    </form>
  );
}
