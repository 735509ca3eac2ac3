"use client";
// "Pass a ticket on": the recipient's name and address (and, on an order with several tickets,
// which one). A plain form, so it works without JavaScript; the errors sit under their fields.
// Its words come translated from the page, and the hidden fields say who is asking (the order's
// or the ticket's signed key), which the action checks again.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClasses } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import type { PassOnState } from "@/lib/transfers/pass-on-state";

export type PassOnFormTexts = {
  ticketLabel: string;
  nameLabel: string;
  emailLabel: string;
  emailHint: string;
  submit: string;
  sending: string;
  /** With {name} and {email} left in, filled in here. */
  sent: string;
  errors: Record<string, string>;
};

export type PassOnTicketChoice = { code: string; label: string };

export function PassOnForm({
  action,
  hidden,
  tickets,
  texts,
  idPrefix = "pass-on",
}: {
  action: (previous: PassOnState | null, formData: FormData) => Promise<PassOnState | null>;
  /** The fields that say who asks: orderId and key, a transferId and key, or nothing for an account. */
  hidden: Record<string, string>;
  /** One ticket (a hidden field) or several (a choice). */
  tickets: PassOnTicketChoice[];
  texts: PassOnFormTexts;
  idPrefix?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) {
    return <Notice tone="success">{texts.sent.replace("{name}", state.toName).replace("{email}", state.toEmail)}</Notice>;
  }
  const failed = state && !state.ok ? state : null;
  const message = (code: string | undefined) => (code ? (texts.errors[code] ?? code) : null);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      {failed && failed.error !== "invalid_form" ? <Notice tone="danger">{message(failed.error)}</Notice> : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {tickets.length === 1 ? (
        <input type="hidden" name="code" value={tickets[0].code} />
      ) : (
        <Field id={`${idPrefix}-ticket`} name="code" label={texts.ticketLabel} required>
          {(control) => (
            <select {...control} defaultValue={failed?.values.code ?? tickets[0]?.code} className={inputClasses}>
              {tickets.map((ticket) => (
                <option key={ticket.code} value={ticket.code}>
                  {ticket.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field
        key={`name-${JSON.stringify(failed)}`}
        id={`${idPrefix}-name`}
        name="name"
        label={texts.nameLabel}
        error={message(failed?.fieldErrors.name)}
        defaultValue={failed?.values.name ?? ""}
        autoComplete="off"
        maxLength={200}
        required
      />
      <Field
        key={`email-${JSON.stringify(failed)}`}
        id={`${idPrefix}-email`}
        name="email"
        type="email"
        label={texts.emailLabel}
        hint={texts.emailHint}
        error={message(failed?.fieldErrors.email)}
        defaultValue={failed?.values.email ?? ""}
        autoComplete="off"
        autoCapitalize="none"
        inputMode="email"
        spellCheck={false}
        required
      />
      <Button type="submit" disabled={pending} aria-disabled={pending} className="self-start">
        {pending ? texts.sending : texts.submit}
      </Button>
    </form>
  );
}
