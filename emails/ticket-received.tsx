import { Button, Column, Img, Link, Row, Section, Text } from "react-email";
import { formatEventDateRange } from "../lib/i18n/format";
import type { AppLocale } from "../lib/i18n/locales";
import type { TicketReceivedPayload } from "../lib/outbox/templates";
import { EmailLayout, emailStyles } from "./components/email-layout";
import { createTranslator } from "next-intl";
import { messages } from "../lib/i18n/messages";
import { emailTranslator } from "./components/translator";

function transferTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "TransferEmails" });
}

export type TicketReceivedEmailProps = TicketReceivedPayload & {
  locale: AppLocale;
  /** The QR code's source: a cid: reference when sent, a data: URL in previews. */
  qrSrc: string;
};

/** Goes to whoever a ticket was passed on to: the ticket with its QR code, and its own signed link. */
export function TicketReceivedEmail(props: TicketReceivedEmailProps) {
  const { locale, event, ticket } = props;
  const t = emailTranslator(locale);
  const tt = transferTranslator(locale);
  const when = formatEventDateRange(event.startsAt, event.endsAt, locale, event.timeZone);
  return (
    <EmailLayout
      locale={locale}
      footer={{ organizer: props.organizerName, replyTo: Boolean(props.replyTo) }}
      preview={tt("ticketReceived.preview", { from: props.fromName, title: event.title })}
    >
      <Text style={emailStyles.heading}>{tt("ticketReceived.heading", { name: props.toName })}</Text>
      <Text style={emailStyles.text}>{tt("ticketReceived.intro", { from: props.fromName, title: event.title })}</Text>
      <Section style={{ border: `1px solid ${emailStyles.colors.line}`, borderRadius: "8px", padding: "16px", margin: "8px 0 16px" }}>
        <Text style={{ ...emailStyles.text, fontWeight: 700, fontSize: "17px" }}>{event.title}</Text>
        <Text style={emailStyles.text}>{when}</Text>
        <Text style={emailStyles.text}>{`${event.venue}, ${event.city}`}</Text>
        <Text style={emailStyles.muted}>{t("orderConfirmation.organizer", { organizer: props.organizerName })}</Text>
        <Text style={emailStyles.muted}>{t("orderConfirmation.orderNumber", { number: props.orderNumber })}</Text>
      </Section>
      <Row>
        <Column style={{ width: "132px" }}>
          <Img src={props.qrSrc} width="120" height="120" alt={t("orderConfirmation.qrAlt", { code: ticket.code })} />
        </Column>
        <Column>
          <Text style={{ ...emailStyles.text, fontWeight: 700 }}>{ticket.typeName}</Text>
          <Text style={emailStyles.text}>{tt("ticketReceived.holder", { name: props.toName })}</Text>
          <Text style={{ ...emailStyles.muted, fontFamily: "monospace" }}>{ticket.code}</Text>
        </Column>
      </Row>
      <Section style={{ margin: "20px 0" }}>
        <Button href={props.ticketUrl} style={emailStyles.button}>
          {tt("ticketReceived.button")}
        </Button>
      </Section>
      <Text style={emailStyles.muted}>{tt("ticketReceived.fallback")}</Text>
      <Text style={{ ...emailStyles.muted, wordBreak: "break-all" }}>
        <Link href={props.ticketUrl} style={{ color: emailStyles.colors.brand }}>
          {props.ticketUrl}
        </Link>
      </Text>
      <Text style={emailStyles.muted}>{tt("ticketReceived.yours")}</Text>
    </EmailLayout>
  );
}

export function ticketReceivedSubject(locale: AppLocale, payload: Pick<TicketReceivedPayload, "fromName" | "event">): string {
  return transferTranslator(locale)("ticketReceived.subject", { from: payload.fromName, title: payload.event.title });
}

TicketReceivedEmail.PreviewProps = {
  locale: "sv",
  fromName: "Greta Köpare",
  toName: "Tove Vän",
  organizerName: "Stockholms Kammarkör",
  replyTo: "info@kammarkoren.example.se",
  orderNumber: "7KQ2M9XD",
  event: {
    title: "Vårkonsert i Stadshuset",
    venue: "Stadshuset",
    address: "Hantverkargatan 1",
    city: "Stockholm",
    startsAt: "2027-04-10T17:00:00.000Z",
    endsAt: "2027-04-10T19:00:00.000Z",
    timeZone: "Europe/Stockholm",
  },
  ticket: { code: "7KQ2M9XDA1B2C3D4", typeName: "Parkett" },
  ticketUrl: "http://localhost:3000/tickets/0190a5f2-0000-7000-8000-000000000000?key=exempel",
  qrSrc: "data:image/png;base64,",
} satisfies TicketReceivedEmailProps;

export default TicketReceivedEmail;
