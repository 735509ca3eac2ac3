import { Button, Column, Img, Row, Section, Text } from "react-email";
import { formatEventDateRange, formatPrice } from "../lib/i18n/format";
import type { AppLocale } from "../lib/i18n/locales";
import type { OrderConfirmationPayload } from "../lib/outbox/templates";
import { EmailLayout, emailStyles } from "./components/email-layout";
import { emailTranslator } from "./components/translator";
import { siteTimeZone } from "../lib/i18n/time-zone";

export type OrderConfirmationEmailProps = OrderConfirmationPayload & {
  locale: AppLocale;
  /** Image source per ticket code: a cid: reference when sent, a data: URL in previews. */
  qrSrc: Record<string, string>;
};

export function qrContentId(code: string): string {
  return `qr-${code}@biljett`;
}

export function OrderConfirmationEmail(props: OrderConfirmationEmailProps) {
  const { locale, event } = props;
  const t = emailTranslator(locale);
  const when = formatEventDateRange(event.startsAt, event.endsAt, locale, event.timeZone);
  const count = props.tickets.length;
  return (
    <EmailLayout
      locale={locale}
      footer={{ organizer: props.organizerName, replyTo: Boolean(props.replyTo) }}
      preview={t("orderConfirmation.preview", { count, title: event.title })}
    >
      <Text style={emailStyles.heading}>{t("orderConfirmation.heading", { name: props.buyerName })}</Text>
      <Text style={emailStyles.text}>{t("orderConfirmation.intro", { count, title: event.title })}</Text>

      <Section style={{ border: `1px solid ${emailStyles.colors.line}`, borderRadius: "8px", padding: "16px", margin: "8px 0 16px" }}>
        <Text style={{ ...emailStyles.text, fontWeight: 700, fontSize: "17px" }}>{event.title}</Text>
        <Text style={emailStyles.text}>{when}</Text>
        <Text style={emailStyles.text}>{`${event.venue}, ${event.city}`}</Text>
        <Text style={emailStyles.muted}>{t("orderConfirmation.organizer", { organizer: props.organizerName })}</Text>
        <Text style={emailStyles.muted}>{t("orderConfirmation.orderNumber", { number: props.orderNumber })}</Text>
      </Section>

      {props.lines.map((line) => (
        <Row key={line.name}>
          <Column>
            <Text style={emailStyles.text}>{`${line.quantity} × ${line.name}`}</Text>
          </Column>
          <Column align="right">
            <Text style={emailStyles.text}>
              {line.unitPriceMinor === 0 ? t("common.free") : formatPrice(line.unitPriceMinor * line.quantity, props.currency, locale)}
            </Text>
          </Column>
        </Row>
      ))}
      <Row>
        <Column>
          <Text style={{ ...emailStyles.text, fontWeight: 700 }}>{t("orderConfirmation.total")}</Text>
        </Column>
        <Column align="right">
          <Text style={{ ...emailStyles.text, fontWeight: 700 }}>
            {props.totalMinor === 0 ? t("common.free") : formatPrice(props.totalMinor, props.currency, locale)}
          </Text>
        </Column>
      </Row>

      <Text style={{ ...emailStyles.heading, fontSize: "18px", marginTop: "16px" }}>{t("orderConfirmation.ticketsHeading")}</Text>
      <Text style={emailStyles.muted}>{t("orderConfirmation.ticketsHelp")}</Text>
      {props.tickets.map((ticket, index) => (
        <Section key={ticket.code} style={{ borderTop: `1px solid ${emailStyles.colors.line}`, padding: "12px 0" }}>
          <Row>
            <Column style={{ width: "132px" }}>
              <Img src={props.qrSrc[ticket.code]} width="120" height="120" alt={t("orderConfirmation.qrAlt", { code: ticket.code })} />
            </Column>
            <Column>
              <Text style={{ ...emailStyles.text, fontWeight: 700 }}>
                {t("orderConfirmation.ticketLabel", { index: index + 1, count })}
              </Text>
              <Text style={emailStyles.text}>{ticket.typeName}</Text>
              <Text style={{ ...emailStyles.muted, fontFamily: "monospace" }}>{ticket.code}</Text>
            </Column>
          </Row>
        </Section>
      ))}

      <Section style={{ margin: "20px 0" }}>
        <Button href={props.orderUrl} style={emailStyles.button}>
          {t("orderConfirmation.viewOrder")}
        </Button>
      </Section>
      <Text style={emailStyles.muted}>{t("orderConfirmation.pdfNote")}</Text>
      <Text style={emailStyles.muted}>{t("orderConfirmation.organizerNote", { organizer: props.organizerName })}</Text>
    </EmailLayout>
  );
}

export function orderConfirmationSubject(locale: AppLocale, payload: OrderConfirmationPayload): string {
  return emailTranslator(locale)("orderConfirmation.subject", { title: payload.event.title, number: payload.orderNumber });
}

OrderConfirmationEmail.PreviewProps = {
  locale: "sv",
  orderNumber: "7KQ2M9XD",
  buyerName: "Åsa Berg",
  organizerName: "Konserthuset i Göteborg",
  event: {
    title: "Vårkonsert med Göteborgs symfoniker",
    venue: "Konserthuset",
    city: "Göteborg",
    startsAt: "2027-04-17T17:00:00.000Z",
    endsAt: "2027-04-17T19:30:00.000Z",
    timeZone: siteTimeZone,
  },
  lines: [{ name: "Ordinarie", quantity: 2, unitPriceMinor: 34500 }],
  tickets: [
    { code: "3F7KQ2M9XDA4B8C1", typeName: "Ordinarie" },
    { code: "9ZP4TQ1W6N3H8M2R", typeName: "Ordinarie" },
  ],
  totalMinor: 69000,
  currency: "SEK",
  orderUrl: "http://localhost:3000/orders/7KQ2M9XD",
  replyTo: "biljetter@konserthuset.example.se",
  qrSrc: {},
} satisfies OrderConfirmationEmailProps;

export default OrderConfirmationEmail;
