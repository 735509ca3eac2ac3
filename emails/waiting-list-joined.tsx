import { Link, Section, Text } from "react-email";
import { createTranslator } from "next-intl";
import type { AppLocale } from "../lib/i18n/locales";
import { messages } from "../lib/i18n/messages";
import type { WaitingListJoinedPayload } from "../lib/waiting-list/email-payloads";
import { EmailLayout, emailStyles } from "./components/email-layout";

export type WaitingListJoinedEmailProps = WaitingListJoinedPayload & { locale: AppLocale };

export function waitingListEmailTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "WaitingListEmails" });
}

/** To an address that joined a waiting list: it is in line, and the link to leave if it did not ask. */
export function WaitingListJoinedEmail({ locale, eventTitle, ticketTypeName, quantity, eventUrl, leaveUrl }: WaitingListJoinedEmailProps) {
  const t = waitingListEmailTranslator(locale);
  return (
    <EmailLayout locale={locale} footer="account" preview={t("joined.preview")}>
      <Text style={emailStyles.heading}>{t("joined.heading")}</Text>
      <Text style={emailStyles.text}>{t("joined.body", { quantity, name: ticketTypeName, event: eventTitle })}</Text>
      <Text style={emailStyles.text}>
        <Link href={eventUrl} style={{ color: emailStyles.colors.brand }}>
          {t("joined.event")}
        </Link>
      </Text>
      <Section style={{ margin: "20px 0 0" }}>
        <Text style={emailStyles.muted}>{t("joined.notYou")}</Text>
        <Text style={emailStyles.muted}>
          <Link href={leaveUrl} style={{ color: emailStyles.colors.brand }}>
            {t("joined.leave")}
          </Link>
        </Text>
      </Section>
    </EmailLayout>
  );
}

export function waitingListJoinedSubject(locale: AppLocale, payload: Pick<WaitingListJoinedPayload, "eventTitle">): string {
  return waitingListEmailTranslator(locale)("joined.subject", { event: payload.eventTitle });
}

WaitingListJoinedEmail.PreviewProps = {
  locale: "sv",
  eventTitle: "Vårkonsert i Stadshuset",
  ticketTypeName: "Ståplats",
  quantity: 2,
  eventUrl: "http://localhost:3000/events/varkonsert",
  leaveUrl: "http://localhost:3000/waiting-list/leave?entry=exempel&key=exempel",
} satisfies WaitingListJoinedEmailProps;

export default WaitingListJoinedEmail;
