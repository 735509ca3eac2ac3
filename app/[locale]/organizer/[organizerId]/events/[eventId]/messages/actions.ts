"use server";
// The message form's one action, in three steps chosen by the pressed button: preview (render
// the email as a recipient gets it), edit (back to the text), send (once per form key).
import { revalidatePath } from "next/cache";
import { redirectLocalized } from "@/lib/i18n/server";
import { getLocale, getTranslations } from "next-intl/server";
import { renderOrganizerMessage } from "@/emails/render";
import { memberAction, type ActionResult, type SharedRefusal } from "@/lib/actions";
import { form } from "@/lib/forms";
import { asLocale } from "@/lib/i18n/locales";
import { messageFieldsSchema, parseMessageForm, type MessageFieldErrors, type MessageValues } from "@/lib/organizers/message-schema";
import { previewOrganizerMessage, sendOrganizerMessage } from "@/lib/organizers/messages";

type MessagePreview = {
  step: "preview";
  values: MessageValues;
  subjectLine: string;
  html: string;
  recipientCount: number;
  previewName: string;
};
export type MessageFormState = ActionResult<
  MessagePreview | { step: "edit"; values: MessageValues },
  "invalid_form" | "no_recipients",
  { fieldErrors: MessageFieldErrors; values: MessageValues }
>;

export const organizerMessageAction = memberAction({
  // Staff and outsiders get the 404 a missing event gives; nothing below runs for them.
  permission: "messageHolders",
  event: true,
  returnPath: ({ organizerId, eventId }) => `/organizer/${organizerId}/events/${eventId}/messages`,
  schema: messageFieldsSchema.extend({ intent: form.text(16) }),
  run: async ({ intent, ...values }, { user, scope, emailQueued }): Promise<MessageFormState | SharedRefusal> => {
    const { organizerId } = scope;
    const eventId = scope.eventId ?? "";
    const path = `/organizer/${organizerId}/events/${eventId}/messages`;
    if (intent === "edit") return { ok: true, step: "edit", values };

    const parsed = parseMessageForm(values);
    if (!parsed.ok) return { ok: false, error: "invalid_form", fieldErrors: parsed.fieldErrors, values };
    const message = parsed.data;

    if (intent === "send") {
      const result = await sendOrganizerMessage({ userId: user.id, organizerId, eventId, message });
      if (!result.ok)
        return result.error === "not_found"
          ? { ok: false, error: "not_found" }
          : { ok: false, error: "no_recipients", fieldErrors: {}, values };
      if (!result.alreadySent) emailQueued();
      revalidatePath(path);
      return redirectLocalized(`${path}?sent=${result.messageId}`);
    }

    const [locale, t] = await Promise.all([getLocale(), getTranslations("OrganizerMessages")]);
    const preview = await previewOrganizerMessage(
      { userId: user.id, organizerId, eventId, message },
      { buyerName: t("standInName"), orderNumber: "7KQ2M9XD" },
    );
    if (!preview) return { ok: false, error: "not_found" };
    const rendered = await renderOrganizerMessage(asLocale(locale), preview.payload);
    return {
      ok: true,
      step: "preview",
      values: { subject: message.subject, body: message.body, requestKey: message.requestKey },
      subjectLine: rendered.subject,
      html: rendered.html,
      recipientCount: preview.recipientCount,
      previewName: preview.payload.buyerName,
    };
  },
});
