"use client";
// The tickets of an order that can still be cancelled, as checkboxes, and the button. A plain
// form posting to a server action handed down by the page, so it works without JavaScript; the
// answer to a success is the order page again, a refusal is shown at the ticket list.
import { useActionState } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import type { StateAction } from "@/lib/actions";
import type { CancelTicketsFormError, CancelTicketsFormState } from "@/app/[locale]/orders/[orderId]/refunds/actions";

export type CancelTicketsFormTexts = {
  choose: string;
  submit: string;
  submitPending: string;
  errors: Record<CancelTicketsFormError, string>;
};

export function CancelTicketsForm({
  action,
  orderId,
  orderKey,
  requestKey,
  tickets,
  texts,
}: {
  action: StateAction<CancelTicketsFormState>;
  orderId: string;
  orderKey: string;
  /** Made once per rendering of the page: a double click cancels once. */
  requestKey: string;
  tickets: { code: string; label: string }[];
  texts: CancelTicketsFormTexts;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const fieldError = failed?.fieldErrors.codes;
  const formError = failed && !fieldError ? texts.errors[failed.error] : null;
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      {formError ? (
        <FormAlert tone="error" focusKey={state}>
          {formError}
        </FormAlert>
      ) : null}
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="key" value={orderKey} />
      <input type="hidden" name="requestKey" value={requestKey} />
      <fieldset className="flex flex-col gap-2" aria-describedby={fieldError ? "cancel-tickets-error" : undefined}>
        <legend className="mb-1 font-semibold text-zinc-900">{texts.choose}</legend>
        {tickets.map((ticket) => (
          <label key={ticket.code} className="flex items-center gap-3 text-zinc-900">
            <input
              type="checkbox"
              name="codes"
              value={ticket.code}
              className="h-5 w-5 accent-indigo-700"
              aria-invalid={fieldError ? true : undefined}
            />
            {ticket.label}
          </label>
        ))}
        {fieldError ? (
          <p id="cancel-tickets-error" className="text-sm font-semibold text-red-800">
            {texts.errors[fieldError]}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {pending ? texts.submitPending : texts.submit}
      </Button>
    </form>
  );
}
