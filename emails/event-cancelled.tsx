import { Button, Section, Text } from "react-email";
import { createTranslator } from "next-intl";
import { formatEventDateRange, formatPrice } from "../lib/i18n/format";
import type { AppLocale } from "../lib/i18n/locales";
import { messages } from "../lib/i18n/messages";
import type { ReactNode } from "react";
import type { CancelledEvent, EventCancelledPayload } from "../lib/event-cancellation/email-payload";
import { previewEventWithoutAddress, previewOrderLink, previewOrganizer } from "./components/preview-data";
import { EmailLayout, emailStyles } from "./components/email-layout";
import { QuotedMessage } from "./components/quoted-message";

export type EventCancelledEmailProps = EventCancelledPayload & { locale: AppLocale };

function translator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "EventCancelledEmail" });
}

/** To every holder of a ticket (and the buyer who paid) when the organizer cancels the event. */
export function EventCancelledEmail(props: EventCancelledEmailProps) {
  const { locale, event, organizerName } = props;
  const t = translator(locale);
  const refund = formatPrice(props.refundMinor, props.currency, locale);
  return (
    <EmailLayout
      locale={locale}
      footer={{ organizer: organizerName, replyTo: true }}
      preview={t("preview", { organizer: organizerName, title: event.title })}
    >
      <Text style={emailStyles.heading}>{t("heading", { title: event.title })}</Text>
      <Text style={emailStyles.text}>{t("greeting", { name: props.holderName })}</Text>
      <Text style={emailStyles.text}>{t("intro", { organizer: organizerName, title: event.title })}</Text>
      <QuotedMessage body={props.message} label={t("messageLabel", { organizer: organizerName })} />
      <CancelledEventBox locale={locale} event={event}>
        <Text style={emailStyles.muted}>{t("orderNumber", { number: props.orderNumber })}</Text>
      </CancelledEventBox>
      <Text style={{ ...emailStyles.text, fontWeight: 700 }}>{t(`money.${props.money}`, { refund })}</Text>
      <Text style={emailStyles.text}>{t("ticketsVoid")}</Text>
      <Section style={{ margin: "16px 0" }}>
        <Button href={props.link} style={emailStyles.button}>
          {t(props.money === "buyer" ? "viewTicket" : "viewOrder")}
        </Button>
      </Section>
    </EmailLayout>
  );
}

/** The cancelled event in a frame, its title struck through, and what the email adds about it. */
export function CancelledEventBox({ locale, event, children }: { locale: AppLocale; event: CancelledEvent; children?: ReactNode }) {
  return (
    <Section style={{ border: `1px solid ${emailStyles.colors.line}`, borderRadius: "8px", padding: "16px", margin: "8px 0 16px" }}>
      <Text style={{ ...emailStyles.text, fontWeight: 700, textDecoration: "line-through" }}>{event.title}</Text>
      <Text style={emailStyles.text}>{formatEventDateRange(event.startsAt, event.endsAt, locale, event.timeZone)}</Text>
      <Text style={emailStyles.text}>{`${event.venue}, ${event.city}`}</Text>
      {children}
    </Section>
  );
}

export function eventCancelledSubject(locale: AppLocale, payload: Pick<EventCancelledPayload, "event">): string {
  return translator(locale)("subject", { title: payload.event.title });
}

EventCancelledEmail.PreviewProps = {
  locale: "sv",
  ...previewOrganizer,
  holderName: "Åsa Berg",
  orderNumber: "7KQ2M9XD",
  event: previewEventWithoutAddress,
  message: "Dirigenten har blivit sjuk och vi hittar ingen ersättare.\n\nVi ber om ursäkt och hoppas att vi ses en annan kväll.",
  money: "refund",
  refundMinor: 69000,
  currency: "SEK",
  link: previewOrderLink,
} satisfies EventCancelledEmailProps;

export default EventCancelledEmail;
