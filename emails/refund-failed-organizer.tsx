import { Button, Section, Text } from "react-email";
import { createTranslator } from "next-intl";
import { formatPrice } from "../lib/i18n/format";
import type { AppLocale } from "../lib/i18n/locales";
import { messages } from "../lib/i18n/messages";
import type { RefundFailedOrganizerPayload } from "../lib/outbox/templates";
import { EmailLayout, emailStyles } from "./components/email-layout";

export type RefundFailedOrganizerEmailProps = RefundFailedOrganizerPayload & { locale: AppLocale };

function translator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "RefundEmails.failedOrganizer" });
}

/**
 * To the organizer's contact address when the payment provider refuses a refund, perhaps days
 * after the buyer cancelled (its webhook): the tickets stay cancelled and the organizer must pay
 * the buyer back some other way. About the organizer's own account, so no Reply-To.
 */
export function RefundFailedOrganizerEmail(props: RefundFailedOrganizerEmailProps) {
  const t = translator(props.locale);
  const refund = formatPrice(props.refundMinor, props.currency, props.locale);
  return (
    <EmailLayout locale={props.locale} footer="account" preview={t("preview", { refund })}>
      <Text style={emailStyles.heading}>{t("heading")}</Text>
      <Text style={emailStyles.text}>
        {t("body", { refund, buyer: props.buyerName, number: props.orderNumber, title: props.eventTitle, reason: props.reason })}
      </Text>
      <Text style={emailStyles.text}>{t("action")}</Text>
      <Section style={{ margin: "16px 0" }}>
        <Button href={props.orderUrl} style={emailStyles.button}>
          {t("viewOrder")}
        </Button>
      </Section>
    </EmailLayout>
  );
}

export function refundFailedOrganizerSubject(locale: AppLocale, payload: RefundFailedOrganizerPayload): string {
  return translator(locale)("subject", { number: payload.orderNumber, title: payload.eventTitle });
}

RefundFailedOrganizerEmail.PreviewProps = {
  locale: "sv",
  organizerName: "Konserthuset i Göteborg",
  orderNumber: "7KQ2M9XD",
  buyerName: "Åsa Berg",
  eventTitle: "Vårkonsert med Göteborgs symfoniker",
  refundMinor: 31050,
  currency: "SEK",
  reason: "expired_or_canceled_card",
  orderUrl: "http://localhost:3000/organizer/0190a4c2-0000-7000-8000-000000000001/orders/0190a4c2-0000-7000-8000-000000000000",
} satisfies RefundFailedOrganizerEmailProps;

export default RefundFailedOrganizerEmail;
