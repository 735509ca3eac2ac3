// The "important information" form: what may be sent and how a bad post is described.
import { z } from "zod";
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

export function messageValues(formData: FormData): MessageValues {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return { subject: text("subject"), body: text("body"), requestKey: text("requestKey") };
}

export function parseMessageForm(
  values: MessageValues,
): { ok: true; data: MessageForm } | { ok: false; fieldErrors: MessageFieldErrors } {
  const parsed = messageFormSchema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: MessageFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof MessageForm;
    fieldErrors[field] ??= (["required", "too_long", "one_line", "control_characters"].includes(issue.message) ? issue.message : "invalid") as MessageFieldError;
  }
  return { ok: false, fieldErrors };
}
