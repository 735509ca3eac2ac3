"use client";
// The event's setting for passing tickets on: allowed or not, and the cut-off in hours before
// the start. A plain form, so it works without JavaScript; its words come from the page.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { TransferSettingsState } from "@/app/[locale]/organizer/[organizerId]/events/[eventId]/transfers/actions";

export type TransferSettingsTexts = {
  allowedLabel: string;
  cutoffLabel: string;
  cutoffHint: string;
  submit: string;
  saving: string;
  saved: string;
  cutoffInvalid: string;
};

export function TransferSettingsForm({
  action,
  current,
  texts,
}: {
  action: (previous: TransferSettingsState | null, formData: FormData) => Promise<TransferSettingsState | null>;
  current: { allowed: boolean; cutoffHours: number };
  texts: TransferSettingsTexts;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const values = state
    ? state.ok
      ? { allowed: state.allowed, cutoffHours: String(state.cutoffHours) }
      : state.values
    : { allowed: current.allowed, cutoffHours: String(current.cutoffHours) };
  const error = state && !state.ok ? state.fieldErrors.cutoffHours : undefined;
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4" key={JSON.stringify(state)}>
      {state?.ok ? <Notice tone="success">{texts.saved}</Notice> : null}
      <label className="flex items-center gap-3 text-zinc-900">
        <input type="checkbox" name="allowed" defaultChecked={values.allowed} className="size-5 accent-indigo-700" />
        {texts.allowedLabel}
      </label>
      <Field
        id="transfer-cutoff-hours"
        name="cutoffHours"
        inputMode="numeric"
        label={texts.cutoffLabel}
        hint={texts.cutoffHint}
        error={error ? texts.cutoffInvalid : null}
        defaultValue={values.cutoffHours}
        className="max-w-48"
      />
      <Button type="submit" variant="secondary" disabled={pending} aria-disabled={pending} className="self-start">
        {pending ? texts.saving : texts.submit}
      </Button>
    </form>
  );
}
