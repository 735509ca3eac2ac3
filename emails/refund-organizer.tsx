import { Button, Section, Text } from "react-email";
import { createTranslator } from "next-intl";
import { formatPrice } from "../lib/i18n/format";
import type { AppLocale } from "../lib/i18n/locales";
import { messages } from "../lib/i18n/messages";
import type { RefundOrganizerPayload } from "../lib/outbox/templates";
import { EmailLayout, emailStyles } from "./components/email-layout";

export type RefundOrganizerEmailProps = RefundOrganizerPayload & { locale: AppLocale };

function translator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "RefundEmails.organizer" });
}

/**
 * To the organizer's contact address when a buyer cancels within the policy. It concerns the
 * organizer's own account on the site, so it has no Reply-To (a reply would reach nobody).
 */
export function RefundOrganizerEmail(props: RefundOrganizerEmailProps) {
  const t = translator(props.locale);
  const price = (minor: number) => formatPrice(minor, props.currency, props.locale);
  return (
    <EmailLayout locale={props.locale} footer="account" preview={t("preview", { count: props.ticketCount })}>
      <Text style={emailStyles.heading}>{t("heading")}</Text>
      <Text style={emailStyles.text}>
        {t("body", { buyer: props.buyerName, count: props.ticketCount, number: props.orderNumber, title: props.eventTitle })}
      </Text>
      <Text style={emailStyles.text}>{t("refund", { refund: price(props.refundMinor), fee: price(props.feeMinor) })}</Text>
      <Section style={{ margin: "16px 0" }}>
        <Button href={props.orderUrl} style={emailStyles.button}>
          {t("viewOrder")}
        </Button>
      </Section>
    </EmailLayout>
  );
}

export function refundOrganizerSubject(locale: AppLocale, payload: RefundOrganizerPayload): string {
  return translator(locale)("subject", { title: payload.eventTitle, number: payload.orderNumber });
}

RefundOrganizerEmail.PreviewProps = {
  locale: "sv",
  organizerName: "Konserthuset i Göteborg",
  orderNumber: "7KQ2M9XD",
  buyerName: "Åsa Berg",
  eventTitle: "Vårkonsert med Göteborgs symfoniker",
  ticketCount: 1,
  refundMinor: 31050,
  feeMinor: 3450,
  currency: "SEK",
  orderUrl: "http://localhost:3000/organizer/0190a4c2-0000-7000-8000-000000000001/orders/0190a4c2-0000-7000-8000-000000000000",
} satisfies RefundOrganizerEmailProps;

export default RefundOrganizerEmail;
