import { Button, Section, Text } from "react-email";
import { createTranslator } from "next-intl";
import { formatEventDateRange, formatPrice } from "../lib/i18n/format";
import type { AppLocale } from "../lib/i18n/locales";
import { messages } from "../lib/i18n/messages";
import type { RefundBuyerPayload } from "../lib/outbox/templates";
import { siteTimeZone } from "../lib/i18n/time-zone";
import { EmailLayout, emailStyles } from "./components/email-layout";

export type RefundBuyerEmailProps = RefundBuyerPayload & { locale: AppLocale };

function translator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "RefundEmails.buyer" });
}

/** To the buyer once the payment provider has taken the refund of cancelled tickets. */
export function RefundBuyerEmail(props: RefundBuyerEmailProps) {
  const { locale, event } = props;
  const t = translator(locale);
  const price = (minor: number) => formatPrice(minor, props.currency, locale);
  return (
    <EmailLayout
      locale={locale}
      footer={{ organizer: props.organizerName, replyTo: Boolean(props.replyTo) }}
      preview={t("preview", { refund: price(props.refundMinor) })}
    >
      <Text style={emailStyles.heading}>{t("heading", { name: props.buyerName })}</Text>
      <Text style={emailStyles.text}>{t("intro", { count: props.tickets.length, title: event.title })}</Text>
      <Section style={{ border: `1px solid ${emailStyles.colors.line}`, borderRadius: "8px", padding: "16px", margin: "8px 0 16px" }}>
        <Text style={{ ...emailStyles.text, fontWeight: 700 }}>{event.title}</Text>
        <Text style={emailStyles.text}>{formatEventDateRange(event.startsAt, event.endsAt, locale, event.timeZone)}</Text>
        {props.tickets.map((ticket) => (
          <Text key={ticket.code} style={{ ...emailStyles.muted, textDecoration: "line-through" }}>
            {`${ticket.typeName} · ${ticket.code}`}
          </Text>
        ))}
        <Text style={emailStyles.muted}>{t("orderNumber", { number: props.orderNumber })}</Text>
      </Section>
      <Text style={{ ...emailStyles.text, fontWeight: 700 }}>{t("refund", { refund: price(props.refundMinor) })}</Text>
      {props.feeMinor > 0 ? (
        <Text style={emailStyles.text}>{t("fee", { amount: price(props.amountMinor), fee: price(props.feeMinor) })}</Text>
      ) : null}
      <Text style={emailStyles.text}>
        {props.remainingTickets > 0 ? t("remaining", { count: props.remainingTickets }) : t("nothingLeft")}
      </Text>
      <Section style={{ margin: "16px 0" }}>
        <Button href={props.orderUrl} style={emailStyles.button}>
          {t("viewOrder")}
        </Button>
      </Section>
    </EmailLayout>
  );
}

export function refundBuyerSubject(locale: AppLocale, payload: RefundBuyerPayload): string {
  return translator(locale)("subject", { title: payload.event.title, number: payload.orderNumber });
}

RefundBuyerEmail.PreviewProps = {
  locale: "sv",
  buyerName: "Åsa Berg",
  orderNumber: "7KQ2M9XD",
  organizerName: "Konserthuset i Göteborg",
  event: {
    title: "Vårkonsert med Göteborgs symfoniker",
    venue: "Konserthuset",
    city: "Göteborg",
    startsAt: "2027-04-17T17:00:00.000Z",
    endsAt: "2027-04-17T19:30:00.000Z",
    timeZone: siteTimeZone,
  },
  tickets: [{ code: "3F7KQ2M9XDA4B8C1", typeName: "Ordinarie" }],
  amountMinor: 34500,
  feeMinor: 3450,
  refundMinor: 31050,
  currency: "SEK",
  remainingTickets: 1,
  orderUrl: "http://localhost:3000/orders/0190a4c2-0000-7000-8000-000000000000?key=abc",
  replyTo: "biljetter@konserthuset.example.se",
} satisfies RefundBuyerEmailProps;

export default RefundBuyerEmail;
