// The "important information" form: what may be sent and how a bad post is described.
import { z } from "zod";
import { fieldErrorsOf, form } from "../forms";
import { multiLineText, singleLineText } from "../free-text";

export const MESSAGE_SUBJECT_MAX = 150;
export const MESSAGE_BODY_MAX = 5000;

export const messageFormSchema = z.object({
  // A subject is one header line: a line break would be refused by mail servers anyway.
  subject: singleLineText("one_line").min(1, "required").max(MESSAGE_SUBJECT_MAX, "too_long"),
  body: multiLineText().min(1, "required").max(MESSAGE_BODY_MAX, "too_long"),
  requestKey: z.uuid("invalid"),
});

export type MessageForm = z.infer<typeof messageFormSchema>;
export type MessageFieldError = "required" | "too_long" | "one_line" | "control_characters" | "invalid";
export type MessageFieldErrors = Partial<Record<keyof MessageForm, MessageFieldError>>;
export type MessageValues = { subject: string; body: string; requestKey: string };

/** The form as posted, to check with parseMessageForm and to show again as typed. */
export const messageFieldsSchema = z.object({ subject: form.text(), body: form.text(), requestKey: form.text(100) });

const FIELD_ERRORS: readonly string[] = ["required", "too_long", "one_line", "control_characters"];

export function parseMessageForm(values: MessageValues): { ok: true; data: MessageForm } | { ok: false; fieldErrors: MessageFieldErrors } {
  const parsed = messageFormSchema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: MessageFieldErrors = fieldErrorsOf(parsed.error, (issue): MessageFieldError =>
    FIELD_ERRORS.includes(issue.message) ? (issue.message as MessageFieldError) : "invalid",
  );
  return { ok: false, fieldErrors };
}
