import { Text } from "react-email";
import type { AppLocale } from "../lib/i18n/locales";
import type { TicketPassedOnPayload } from "../lib/outbox/templates";
import { EmailLayout, emailStyles } from "./components/email-layout";
import { createTranslator } from "next-intl";
import { messages } from "../lib/i18n/messages";

function transferTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "TransferEmails" });
}

export type TicketPassedOnEmailProps = TicketPassedOnPayload & { locale: AppLocale };

/**
 * Goes to whoever passed a ticket on: what went to whom. No code and no link: the ticket is
 * the recipient's now, and it cannot be pulled back.
 */
export function TicketPassedOnEmail({
  locale,
  fromName,
  toName,
  orderNumber,
  eventTitle,
  typeName,
  organizerName,
  replyTo,
}: TicketPassedOnEmailProps) {
  const tt = transferTranslator(locale);
  return (
    <EmailLayout
      locale={locale}
      footer={{ organizer: organizerName, replyTo: Boolean(replyTo) }}
      preview={tt("ticketPassedOn.preview", { to: toName, title: eventTitle })}
    >
      <Text style={emailStyles.heading}>{tt("ticketPassedOn.heading")}</Text>
      <Text style={emailStyles.text}>{tt("ticketPassedOn.greeting", { name: fromName })}</Text>
      <Text style={emailStyles.text}>
        {tt("ticketPassedOn.body", { type: typeName, title: eventTitle, to: toName, number: orderNumber })}
      </Text>
      <Text style={emailStyles.text}>{tt("ticketPassedOn.final")}</Text>
      <Text style={emailStyles.muted}>{tt("ticketPassedOn.notYou", { organizer: organizerName })}</Text>
    </EmailLayout>
  );
}

export function ticketPassedOnSubject(locale: AppLocale, payload: Pick<TicketPassedOnPayload, "eventTitle">): string {
  return transferTranslator(locale)("ticketPassedOn.subject", { title: payload.eventTitle });
}

TicketPassedOnEmail.PreviewProps = {
  locale: "sv",
  fromName: "Greta Köpare",
  toName: "Tove Vän",
  organizerName: "Stockholms Kammarkör",
  replyTo: "info@kammarkoren.example.se",
  orderNumber: "7KQ2M9XD",
  eventTitle: "Vårkonsert i Stadshuset",
  typeName: "Parkett",
} satisfies TicketPassedOnEmailProps;

export default TicketPassedOnEmail;
