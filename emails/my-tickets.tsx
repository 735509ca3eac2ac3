import { Button, Section, Text } from "react-email";
import { createTranslator } from "next-intl";
import { formatEventDateRange } from "../lib/i18n/format";
import type { AppLocale } from "../lib/i18n/locales";
import { messages } from "../lib/i18n/messages";
import type { MyTicketsPayload } from "../lib/outbox/templates";
import { siteTimeZone } from "../lib/i18n/time-zone";
import { EmailLayout, emailStyles } from "./components/email-layout";

export type MyTicketsEmailProps = MyTicketsPayload & { locale: AppLocale };

function translator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "SendTicketsEmail" });
}

/**
 * "Send my tickets": the orders the account holds for upcoming events, each with its signed
 * link. It goes only to the account's own address, so it concerns the account (no Reply-To).
 */
export function MyTicketsEmail({ locale, orders }: MyTicketsEmailProps) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} footer="account" preview={t("preview", { count: orders.length })}>
      <Text style={emailStyles.heading}>{t("heading")}</Text>
      <Text style={emailStyles.text}>{t("intro")}</Text>
      {orders.map((order) => (
        <Section
          key={order.orderNumber}
          style={{ border: `1px solid ${emailStyles.colors.line}`, borderRadius: "8px", padding: "16px", margin: "8px 0 16px" }}
        >
          <Text style={{ ...emailStyles.text, fontWeight: 700, fontSize: "17px" }}>{order.event.title}</Text>
          <Text style={emailStyles.text}>
            {formatEventDateRange(order.event.startsAt, order.event.endsAt, locale, order.event.timeZone)}
          </Text>
          <Text style={emailStyles.text}>{`${order.event.venue}, ${order.event.city}`}</Text>
          {order.tickets.map((line) => (
            <Text key={line.typeName} style={emailStyles.text}>{`${t("tickets", { count: line.count })}: ${line.typeName}`}</Text>
          ))}
          <Text style={emailStyles.muted}>{t("organizer", { organizer: order.organizerName })}</Text>
          <Text style={emailStyles.muted}>{t("orderNumber", { number: order.orderNumber })}</Text>
          <Button href={order.orderUrl} style={emailStyles.button}>
            {t("open")}
          </Button>
        </Section>
      ))}
      <Text style={emailStyles.muted}>{t("notYou")}</Text>
    </EmailLayout>
  );
}

export function myTicketsSubject(locale: AppLocale): string {
  return translator(locale)("subject");
}

MyTicketsEmail.PreviewProps = {
  locale: "sv",
  name: "Åsa Berg",
  orders: [
    {
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
      tickets: [{ typeName: "Ordinarie", count: 2 }],
      orderUrl: "http://localhost:3000/orders/0190a4c2-0000-7000-8000-000000000000?key=abc",
    },
  ],
} satisfies MyTicketsEmailProps;

export default MyTicketsEmail;
