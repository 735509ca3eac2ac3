"use client";
// Compose → preview → send. A plain form posting to the server action, so every step works
// without JavaScript; the form's one-time key travels along and makes the send happen once.
import { useActionState } from "react";
import { failureOf } from "@/lib/action-result";
import { useTranslations } from "@/components/i18n/client-text";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClasses } from "@/components/ui/input";
import { MESSAGE_BODY_MAX, MESSAGE_SUBJECT_MAX } from "@/lib/organizers/message-schema";
import type { MessageFormState } from "./actions";

type MessageFormProps = {
  /** organizerMessageAction bound to the event by the page (a server component): see page.tsx. */
  action: (previous: MessageFormState | null, formData: FormData) => Promise<MessageFormState | null>;
  organizerName: string;
  requestKey: string;
};

export function MessageForm({ action, organizerName, requestKey }: MessageFormProps) {
  const t = useTranslations("OrganizerMessages");
  const [state, formAction, pending] = useActionState(action, null);
  const values = state?.values ?? { subject: "", body: "", requestKey };

  if (state?.ok && state.step === "preview") {
    return (
      <form action={formAction} className="flex flex-col gap-4">
        <input type="hidden" name="subject" value={values.subject} />
        <input type="hidden" name="body" value={values.body} />
        <input type="hidden" name="requestKey" value={values.requestKey} />
        <h2 className="text-xl font-bold text-zinc-950">{t("previewHeading")}</h2>
        <p className="text-zinc-700">{t("previewIntro", { name: state.previewName })}</p>
        <p className="font-semibold text-zinc-900">{t("previewSubject", { subject: state.subjectLine })}</p>
        {/* The email's own HTML, sandboxed: no scripts run and nothing can reach this page. */}
        <iframe
          title={t("previewFrameTitle")}
          srcDoc={state.html}
          sandbox=""
          className="h-[70vh] w-full rounded-xl border border-zinc-300 bg-white"
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" name="intent" value="send" size="lg" disabled={pending} aria-disabled={pending}>
            {pending ? t("sending") : t("sendButton", { count: state.recipientCount })}
          </Button>
          <Button type="submit" name="intent" value="edit" variant="secondary" size="lg" disabled={pending}>
            {t("editButton")}
          </Button>
        </div>
      </form>
    );
  }

  const failed = failureOf(state);
  const fieldErrors = failed?.fieldErrors ?? {};
  const formError = failed?.error === "no_recipients" ? "no_recipients" : fieldErrors.requestKey ? "invalid" : null;
  const errorText = (error: string | undefined, max: number) => (error ? t(`errors.${error as "required"}`, { max }) : null);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="requestKey" value={values.requestKey} />
      {formError ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-red-800">
          {t(`errors.${formError}`)}
        </p>
      ) : null}
      <Field
        id="message-subject"
        name="subject"
        label={t("subjectLabel")}
        hint={t("subjectHint", { max: MESSAGE_SUBJECT_MAX, organizer: organizerName })}
        error={errorText(fieldErrors.subject, MESSAGE_SUBJECT_MAX)}
        defaultValue={values.subject}
        maxLength={MESSAGE_SUBJECT_MAX}
        required
      />
      <Field
        id="message-body"
        name="body"
        label={t("bodyLabel")}
        hint={t("bodyHint", { max: MESSAGE_BODY_MAX })}
        error={errorText(fieldErrors.body, MESSAGE_BODY_MAX)}
        required
      >
        {(control) => <textarea {...control} rows={10} maxLength={MESSAGE_BODY_MAX} defaultValue={values.body} className={inputClasses} />}
      </Field>
      <Button type="submit" name="intent" value="preview" size="lg" disabled={pending} aria-disabled={pending} className="self-start">
        {pending ? t("previewing") : t("previewButton")}
      </Button>
    </form>
  );
}
