import { Button, Section, Text } from "react-email";
import { formatEventDateRange } from "../lib/i18n/format";
import type { AppLocale } from "../lib/i18n/locales";
import { previewEvent, previewOrderLink, previewOrganizer } from "./components/preview-data";
import type { EventReminderPayload } from "../lib/reminders/email-payload";
import { EmailLayout, emailStyles } from "./components/email-layout";
import { emailTranslator } from "./components/translator";

export type EventReminderEmailProps = EventReminderPayload & { locale: AppLocale };

/** About a day before the event, to everyone holding a ticket: when, where, and their own link to the tickets. */
export function EventReminderEmail(props: EventReminderEmailProps) {
  const { locale, event, organizerName } = props;
  const t = emailTranslator(locale);
  const when = formatEventDateRange(event.startsAt, event.endsAt, locale, event.timeZone);
  const where = [event.venue, event.address, event.city].filter(Boolean).join(", ");
  return (
    <EmailLayout
      locale={locale}
      footer={{ organizer: organizerName, replyTo: true }}
      preview={t("eventReminder.preview", { when, venue: event.venue })}
    >
      <Text style={emailStyles.heading}>{t("eventReminder.heading", { title: event.title })}</Text>
      <Text style={emailStyles.text}>{t("eventReminder.greeting", { name: props.holderName })}</Text>
      <Text style={emailStyles.text}>{t("eventReminder.intro", { title: event.title })}</Text>
      <Section style={{ border: `1px solid ${emailStyles.colors.line}`, borderRadius: "8px", padding: "16px", margin: "8px 0 16px" }}>
        <Text style={{ ...emailStyles.text, fontWeight: 700 }}>{event.title}</Text>
        <Text style={emailStyles.muted}>{t("eventReminder.when")}</Text>
        <Text style={emailStyles.text}>{when}</Text>
        <Text style={emailStyles.muted}>{t("eventReminder.where")}</Text>
        <Text style={emailStyles.text}>{where}</Text>
        <Text style={emailStyles.muted}>{t("eventReminder.orderNumber", { number: props.orderNumber })}</Text>
      </Section>
      <Text style={emailStyles.text}>{t("eventReminder.atTheDoor")}</Text>
      <Section style={{ margin: "16px 0" }}>
        <Button href={props.link} style={emailStyles.button}>
          {t(props.linkTo === "ticket" ? "eventReminder.viewTicket" : "eventReminder.viewOrder")}
        </Button>
      </Section>
    </EmailLayout>
  );
}

export function eventReminderSubject(locale: AppLocale, payload: Pick<EventReminderPayload, "event">): string {
  return emailTranslator(locale)("eventReminder.subject", { title: payload.event.title });
}

EventReminderEmail.PreviewProps = {
  locale: "sv",
  ...previewOrganizer,
  holderName: "Åsa Berg",
  orderNumber: "7KQ2M9XD",
  event: previewEvent,
  link: previewOrderLink,
  linkTo: "order",
} satisfies EventReminderEmailProps;

export default EventReminderEmail;
