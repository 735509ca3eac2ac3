"use client";
// Cancelling an event: the message to every ticket holder and the event's name typed again, so
// nobody cancels by a slip. A plain form posting to the server action, so it works without
// JavaScript; a refusal shows at its field and keeps what was typed.
import { useActionState } from "react";
import { failureOf } from "@/lib/action-result";
import { useTranslations } from "@/components/i18n/client-text";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClasses } from "@/components/ui/input";
import type { CancelEventFormState } from "@/app/[locale]/organizer/[organizerId]/events/actions";

type CancelEventFormProps = {
  /** cancelEventAction bound to the event by the page. */
  action: (previous: CancelEventFormState | null, formData: FormData) => Promise<CancelEventFormState | null>;
  eventTitle: string;
  messageMax: number;
};

export function CancelEventForm({ action, eventTitle, messageMax }: CancelEventFormProps) {
  const t = useTranslations("EventCancellation");
  const [state, formAction, pending] = useActionState(action, null);
  const failed = failureOf(state);
  const values = failed?.values ?? { message: "", confirmation: "" };
  const fieldErrors = failed?.fieldErrors ?? {};
  const errorText = (error: string | undefined) => (error ? t(`errors.${error as "required"}`, { max: messageMax }) : null);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-5">
      {failed && failed.error !== "invalid_form" ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-red-800">
          {t(`errors.${failed.error}`)}
        </p>
      ) : null}
      <Field
        id="cancel-message"
        name="message"
        label={t("messageLabel")}
        hint={t("messageHint", { max: messageMax })}
        error={errorText(fieldErrors.message)}
        required
      >
        {(control) => <textarea {...control} rows={6} maxLength={messageMax} defaultValue={values.message} className={inputClasses} />}
      </Field>
      <Field
        id="cancel-confirmation"
        name="confirmation"
        label={t("confirmationLabel")}
        hint={t("confirmationHint", { title: eventTitle })}
        error={errorText(fieldErrors.confirmation)}
        defaultValue={values.confirmation}
        autoComplete="off"
        required
      />
      <Button type="submit" variant="danger" size="lg" disabled={pending} aria-disabled={pending} className="self-start">
        {pending ? t("submitPending") : t("submit")}
      </Button>
    </form>
  );
}
