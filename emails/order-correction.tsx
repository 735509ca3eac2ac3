import { Button, Link, Section, Text } from "react-email";
import type { AppLocale } from "../lib/i18n/locales";
import type { OrderCorrectionPayload } from "../lib/outbox/templates";
import { EmailLayout, emailStyles } from "./components/email-layout";
import { emailTranslator } from "./components/translator";

export type OrderCorrectionEmailProps = OrderCorrectionPayload & { locale: AppLocale };

/** Goes to the corrected address: following its link proves the address, and moves the order. */
export function OrderCorrectionEmail({
  locale,
  buyerName,
  orderNumber,
  eventTitle,
  confirmUrl,
  expiresInMinutes,
  organizerName,
  replyTo,
}: OrderCorrectionEmailProps) {
  const t = emailTranslator(locale);
  // Rows queued before the organizer was named keep the general footer.
  const footer = organizerName ? { organizer: organizerName, replyTo: Boolean(replyTo) } : "account";
  return (
    <EmailLayout locale={locale} footer={footer} preview={t("orderCorrection.preview", { number: orderNumber })}>
      <Text style={emailStyles.heading}>{t("orderCorrection.heading")}</Text>
      <Text style={emailStyles.text}>{t("orderCorrection.greeting", { name: buyerName })}</Text>
      <Text style={emailStyles.text}>{t("orderCorrection.body", { number: orderNumber, event: eventTitle })}</Text>
      <Section style={{ margin: "20px 0" }}>
        <Button href={confirmUrl} style={emailStyles.button}>
          {t("orderCorrection.button")}
        </Button>
      </Section>
      <Text style={emailStyles.text}>{t("orderCorrection.validity", { minutes: expiresInMinutes })}</Text>
      <Text style={emailStyles.muted}>{t("orderCorrection.fallback")}</Text>
      <Text style={{ ...emailStyles.muted, wordBreak: "break-all" }}>
        <Link href={confirmUrl} style={{ color: emailStyles.colors.brand }}>
          {confirmUrl}
        </Link>
      </Text>
      <Text style={emailStyles.muted}>{t("orderCorrection.ignore")}</Text>
    </EmailLayout>
  );
}

export function orderCorrectionSubject(locale: AppLocale, payload: Pick<OrderCorrectionPayload, "orderNumber">): string {
  return emailTranslator(locale)("orderCorrection.subject", { number: payload.orderNumber });
}

OrderCorrectionEmail.PreviewProps = {
  locale: "sv",
  buyerName: "Greta Köpare",
  orderNumber: "7KQ2M9XD",
  eventTitle: "Vårkonsert i Stadshuset",
  confirmUrl: "http://localhost:3000/orders/correct?token=exempel",
  expiresInMinutes: 60,
  organizerName: "Stockholms Kammarkör",
  replyTo: "info@kammarkoren.example.se",
} satisfies OrderCorrectionEmailProps;

export default OrderCorrectionEmail;
