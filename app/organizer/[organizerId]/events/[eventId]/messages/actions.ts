"use server";
// The message form's one action, in three steps chosen by the pressed button: preview (render
// the email as a recipient gets it), edit (back to the text), send (once per form key).
import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { renderOrganizerMessage } from "@/emails/render";
import { isLocale } from "@/lib/i18n/locales";
import { requireOrganizerEvent } from "@/lib/organizers/access";
import { messageValues, parseMessageForm, type MessageFieldErrors, type MessageValues } from "@/lib/organizer-ops/message-schema";
import { previewOrganizerMessage, sendOrganizerMessage } from "@/lib/organizer-ops/messages";
import { wakeOutboxSender } from "@/lib/outbox/in-app";

export type MessageFormState =
  | { step: "edit"; values: MessageValues; fieldErrors: MessageFieldErrors; error?: "no_recipients" }
  | { step: "preview"; values: MessageValues; subjectLine: string; html: string; recipientCount: number; previewName: string }
  | null;

export async function organizerMessageAction(
  organizerId: string,
  eventId: string,
  _previous: MessageFormState,
  formData: FormData,
): Promise<MessageFormState> {
  const path = `/organizer/${organizerId}/events/${eventId}/messages`;
  // STAFF and outsiders get the 404 a missing event gives; nothing below runs for them.
  const { user } = await requireOrganizerEvent(organizerId, eventId, { returnPath: path, permission: "messageHolders" });
  const values = messageValues(formData);
  const intent = formData.get("intent");
  if (intent === "edit") return { step: "edit", values, fieldErrors: {} };

  const parsed = parseMessageForm(values);
  if (!parsed.ok) return { step: "edit", values, fieldErrors: parsed.fieldErrors };
  const message = parsed.data;

  if (intent === "send") {
    const result = await sendOrganizerMessage({ userId: user.id, organizerId, eventId, message });
    if (!result.ok && result.error === "not_found") notFound();
    if (!result.ok) return { step: "edit", values, fieldErrors: {}, error: "no_recipients" };
    if (!result.alreadySent) wakeOutboxSender();
    revalidatePath(path);
    redirect(`${path}?sent=${result.messageId}`);
  }

  const [locale, t] = await Promise.all([getLocale(), getTranslations("OrganizerMessages")]);
  const preview = await previewOrganizerMessage(
    { userId: user.id, organizerId, eventId, message },
    { buyerName: t("standInName"), orderNumber: "7KQ2M9XD" },
  );
  if (!preview) notFound();
  const rendered = await renderOrganizerMessage(isLocale(locale) ? locale : "sv", preview.payload);
  return {
    step: "preview",
    values: { subject: message.subject, body: message.body, requestKey: message.requestKey },
    subjectLine: rendered.subject,
    html: rendered.html,
    recipientCount: preview.recipientCount,
    previewName: preview.payload.buyerName,
  };
}
