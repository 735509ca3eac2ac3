import { Text } from "react-email";
import type { AppLocale } from "../lib/i18n/locales";
import type { WaitingListCancelledPayload } from "../lib/event-cancellation/email-payload";
import { EmailLayout, emailStyles } from "./components/email-layout";
import { QuotedMessage } from "./components/quoted-message";
import { CancelledEventBox, EventCancelledEmail } from "./event-cancelled";
import { waitingListEmailTranslator } from "./waiting-list-joined";

export type WaitingListCancelledEmailProps = WaitingListCancelledPayload & { locale: AppLocale };

/** To everyone in line for an event the organizer cancelled: with their words, and that the list is closed. */
export function WaitingListCancelledEmail({ locale, organizerName, event, message }: WaitingListCancelledEmailProps) {
  const t = waitingListEmailTranslator(locale);
  return (
    <EmailLayout
      locale={locale}
      footer={{ organizer: organizerName, replyTo: true, text: t("cancelled.footer", { title: event.title }) }}
      preview={t("cancelled.preview", { organizer: organizerName, title: event.title })}
    >
      <Text style={emailStyles.heading}>{t("cancelled.heading", { title: event.title })}</Text>
      <Text style={emailStyles.text}>{t("cancelled.intro", { organizer: organizerName, title: event.title })}</Text>
      <QuotedMessage body={message} label={t("cancelled.messageLabel", { organizer: organizerName })} />
      <CancelledEventBox locale={locale} event={event} />
      <Text style={emailStyles.text}>{t("cancelled.closed")}</Text>
    </EmailLayout>
  );
}

export function waitingListCancelledSubject(locale: AppLocale, payload: Pick<WaitingListCancelledPayload, "event">): string {
  return waitingListEmailTranslator(locale)("cancelled.subject", { title: payload.event.title });
}

// The same event, organizer and message as the ticket holders' email.
WaitingListCancelledEmail.PreviewProps = {
  locale: "sv",
  organizerName: EventCancelledEmail.PreviewProps.organizerName,
  replyTo: EventCancelledEmail.PreviewProps.replyTo,
  event: EventCancelledEmail.PreviewProps.event,
  message: EventCancelledEmail.PreviewProps.message,
} satisfies WaitingListCancelledEmailProps;

export default WaitingListCancelledEmail;
