import { Button, Section, Text } from "react-email";
import { formatEventDateRange } from "../lib/i18n/format";
import type { AppLocale } from "../lib/i18n/locales";
import type { OrganizerMessagePayload } from "../lib/outbox/templates";
import { EmailLayout, emailStyles } from "./components/email-layout";
import { QuotedMessage } from "./components/quoted-message";
import { emailTranslator } from "./components/translator";
import { previewEvent, previewOrganizer } from "./components/preview-data";

export type OrganizerMessageEmailProps = OrganizerMessagePayload & { locale: AppLocale };

// Pages that show an organizer's message split it the same way.
export { messageParagraphs } from "./components/quoted-message";

export function OrganizerMessageEmail(props: OrganizerMessageEmailProps) {
  const { locale, event, organizerName } = props;
  const t = emailTranslator(locale);
  const when = formatEventDateRange(event.startsAt, event.endsAt, locale, event.timeZone);
  return (
    <EmailLayout
      locale={locale}
      preview={t("organizerMessage.preview", { organizer: organizerName, title: event.title })}
      footer={{ organizer: organizerName, replyTo: true, text: t("organizerMessage.footer", { organizer: organizerName }) }}
    >
      <Text style={{ ...emailStyles.muted, textTransform: "uppercase", letterSpacing: "0.04em" }}>{t("organizerMessage.label")}</Text>
      <Text style={emailStyles.heading}>{props.subject}</Text>
      <Text style={emailStyles.text}>{t("organizerMessage.greeting", { name: props.buyerName })}</Text>
      <Text style={emailStyles.text}>{t("organizerMessage.intro", { organizer: organizerName, title: event.title })}</Text>
      <QuotedMessage body={props.body} />
      <Section style={{ border: `1px solid ${emailStyles.colors.line}`, borderRadius: "8px", padding: "16px", margin: "8px 0 16px" }}>
        <Text style={emailStyles.muted}>{t("organizerMessage.event")}</Text>
        <Text style={{ ...emailStyles.text, fontWeight: 700 }}>{event.title}</Text>
        <Text style={emailStyles.text}>{when}</Text>
        <Text style={emailStyles.text}>{`${event.venue}, ${event.city}`}</Text>
        <Text style={emailStyles.muted}>{`${t("organizerMessage.order")}: ${props.orderNumber}`}</Text>
      </Section>
      <Section style={{ margin: "20px 0" }}>
        <Button href={props.orderUrl} style={emailStyles.button}>
          {t("organizerMessage.button")}
        </Button>
      </Section>
      <Text style={emailStyles.muted}>{t("organizerMessage.reply", { organizer: organizerName })}</Text>
    </EmailLayout>
  );
}

export function organizerMessageSubject(locale: AppLocale, payload: Pick<OrganizerMessagePayload, "organizerName" | "subject">): string {
  return emailTranslator(locale)("organizerMessage.subject", { organizer: payload.organizerName, subject: payload.subject });
}

OrganizerMessageEmail.PreviewProps = {
  locale: "sv",
  ...previewOrganizer,
  buyerName: "Åsa Berg",
  orderNumber: "B7K2-9QXM",
  event: previewEvent,
  subject: "Ändrad starttid",
  body: "Konserten börjar en halvtimme senare än planerat, kl. 19.30.\n\nDörrarna öppnar kl. 18.45.\nVälkomna!",
  orderUrl: "http://localhost:3000/orders/preview?key=preview",
} satisfies OrganizerMessageEmailProps;

export default OrganizerMessageEmail;
