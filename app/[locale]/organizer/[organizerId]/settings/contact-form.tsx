"use client";
// The contact address field; a plain form, so it works without JavaScript too. Its texts come
// translated from the page (the organizer area sends no settings messages to the browser).
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ContactFieldError } from "@/lib/organizers/contact";
import type { ContactFormState } from "./actions";

export type ContactFormTexts = {
  label: string;
  hint: string;
  submit: string;
  saving: string;
  saved: string;
  errors: Record<ContactFieldError, string>;
};

/** `action` is saveOrganizerContactAction bound to the organizer by the page (a server component). */
export function ContactForm({
  action,
  current,
  texts,
}: {
  action: (previous: ContactFormState | null, formData: FormData) => Promise<ContactFormState | null>;
  current: string;
  texts: ContactFormTexts;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const error = state && !state.ok ? state.fieldErrors.contactEmail : undefined;
  // What was typed after a refusal; what is stored after a save (in its canonical form).
  const value = state ? (state.ok ? (state.contactEmail ?? "") : state.values.contactEmail) : current;
  return (
    <form action={formAction} noValidate className="flex flex-col gap-5">
      {state?.ok ? <Notice tone="success">{texts.saved}</Notice> : null}
      <Field
        key={JSON.stringify(state)}
        id="organizer-contact-email"
        name="contactEmail"
        type="email"
        inputMode="email"
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        label={texts.label}
        hint={texts.hint}
        error={error ? texts.errors[error] : null}
        defaultValue={value}
      />
      <Button type="submit" size="lg" disabled={pending} aria-disabled={pending} className="self-start">
        {pending ? texts.saving : texts.submit}
      </Button>
    </form>
  );
}
