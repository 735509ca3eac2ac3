import { Section, Text } from "react-email";
import { formatEventDateRange } from "../lib/i18n/format";
import type { AppLocale } from "../lib/i18n/locales";
import type { WaitingListCancelledPayload } from "../lib/event-cancellation/email-payload";
import { siteTimeZone } from "../lib/i18n/time-zone";
import { EmailLayout, emailStyles } from "./components/email-layout";
import { QuotedMessage } from "./components/quoted-message";
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
      <Section style={{ border: `1px solid ${emailStyles.colors.line}`, borderRadius: "8px", padding: "16px", margin: "8px 0 16px" }}>
        <Text style={{ ...emailStyles.text, fontWeight: 700, textDecoration: "line-through" }}>{event.title}</Text>
        <Text style={emailStyles.text}>{formatEventDateRange(event.startsAt, event.endsAt, locale, event.timeZone)}</Text>
        <Text style={emailStyles.text}>{`${event.venue}, ${event.city}`}</Text>
      </Section>
      <Text style={emailStyles.text}>{t("cancelled.closed")}</Text>
    </EmailLayout>
  );
}

export function waitingListCancelledSubject(locale: AppLocale, payload: Pick<WaitingListCancelledPayload, "event">): string {
  return waitingListEmailTranslator(locale)("cancelled.subject", { title: payload.event.title });
}

WaitingListCancelledEmail.PreviewProps = {
  locale: "sv",
  organizerName: "Göteborgs Symfoniker",
  replyTo: "biljetter@gso.example.se",
  event: {
    title: "Beethovens nionde symfoni",
    venue: "Konserthuset",
    city: "Göteborg",
    startsAt: "2027-04-17T17:00:00.000Z",
    endsAt: "2027-04-17T19:00:00.000Z",
    timeZone: siteTimeZone,
  },
  message: "Dirigenten har blivit sjuk och vi hittar ingen ersättare.\n\nVi ber om ursäkt och hoppas att vi ses en annan kväll.",
} satisfies WaitingListCancelledEmailProps;

export default WaitingListCancelledEmail;
