"use client";
// The "Skicka mina biljetter" form: a plain form posting to a server action handed down by the
// page, so it works without JavaScript and keeps what was typed after a refusal. Its words come
// from the server component around it, so no message namespace has to travel to the browser.
import { useActionState } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { EmailProblem } from "@/lib/accounts/email-address";
import type { StateAction } from "@/lib/actions";
import type { SendMyTicketsFormState } from "@/app/[locale]/help/actions";

export type SendMyTicketsWords = {
  email: string;
  submit: string;
  submitPending: string;
  /** With `{email}` still in it: the answer names the address as typed. */
  sent: string;
  rateLimited: string;
  problems: Record<EmailProblem, string>;
};

export function SendMyTicketsForm({
  action,
  words,
  idPrefix,
}: {
  action: StateAction<SendMyTicketsFormState>;
  words: SendMyTicketsWords;
  /** Keeps the field's id unique when the page has other forms. */
  idPrefix: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const problem = state && !state.ok ? state.fieldErrors.email : undefined;
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      {state?.ok ? (
        <FormAlert tone="success" focusKey={state}>
          {words.sent.replace("{email}", state.email)}
        </FormAlert>
      ) : null}
      {state && !state.ok && state.error === "rate_limited" ? (
        <FormAlert tone="error" focusKey={state}>
          {words.rateLimited}
        </FormAlert>
      ) : null}
      <Field
        key={state ? `${state.email}:${state.ok}` : "empty"}
        id={`${idPrefix}-send-tickets-email`}
        name="email"
        type="email"
        inputMode="email"
        label={words.email}
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        required
        defaultValue={state?.email ?? ""}
        error={problem ? words.problems[problem] : null}
      />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? words.submitPending : words.submit}
      </Button>
      <p role="status" className="sr-only">
        {pending ? words.submitPending : ""}
      </p>
    </form>
  );
}
