import { Text } from "react-email";
import type { AppLocale } from "../lib/i18n/locales";
import type { OrderMovedPayload } from "../lib/outbox/templates";
import { EmailLayout, emailStyles } from "./components/email-layout";
import { emailTranslator } from "./components/translator";

export type OrderMovedEmailProps = OrderMovedPayload & { locale: AppLocale };

/**
 * Goes to the address an order was moved away from. It names neither the new address nor a
 * link to the tickets: it only tells an owner who did not ask for it that something happened.
 */
export function OrderMovedEmail({ locale, orderNumber, eventTitle, organizerName, movedBy, replyTo }: OrderMovedEmailProps) {
  const t = emailTranslator(locale);
  return (
    <EmailLayout
      locale={locale}
      footer={{ organizer: organizerName, replyTo: Boolean(replyTo) }}
      preview={t("orderMoved.preview", { number: orderNumber })}
    >
      <Text style={emailStyles.heading}>{t("orderMoved.heading")}</Text>
      <Text style={emailStyles.text}>{t("orderMoved.body", { number: orderNumber, event: eventTitle })}</Text>
      <Text style={emailStyles.text}>
        {movedBy === "organizer" ? t("orderMoved.byOrganizer", { organizer: organizerName }) : t("orderMoved.byBuyer")}
      </Text>
      <Text style={emailStyles.text}>{t("orderMoved.oldTickets")}</Text>
      <Text style={emailStyles.muted}>
        {replyTo ? t("orderMoved.notYouReply", { organizer: organizerName }) : t("orderMoved.notYou", { organizer: organizerName })}
      </Text>
    </EmailLayout>
  );
}

export function orderMovedSubject(locale: AppLocale, payload: Pick<OrderMovedPayload, "orderNumber">): string {
  return emailTranslator(locale)("orderMoved.subject", { number: payload.orderNumber });
}

OrderMovedEmail.PreviewProps = {
  locale: "sv",
  orderNumber: "7KQ2M9XD",
  eventTitle: "Vårkonsert i Stadshuset",
  organizerName: "Stockholms Kammarkör",
  movedBy: "buyer",
  replyTo: "info@kammarkoren.example.se",
} satisfies OrderMovedEmailProps;

export default OrderMovedEmail;
