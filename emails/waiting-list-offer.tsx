import { Button, Link, Section, Text } from "react-email";
import type { AppLocale } from "../lib/i18n/locales";
import { formatDateTime } from "../lib/i18n/format";
import type { WaitingListOfferPayload } from "../lib/waiting-list/email-payloads";
import { EmailLayout, emailStyles } from "./components/email-layout";
import { waitingListEmailTranslator } from "./waiting-list-joined";

export type WaitingListOfferEmailProps = WaitingListOfferPayload & { locale: AppLocale };

function offerTime(payload: Pick<WaitingListOfferPayload, "offerExpiresAt" | "timeZone">, locale: AppLocale): string {
  return formatDateTime(payload.offerExpiresAt, locale, { dateStyle: "medium", timeStyle: "short" }, payload.timeZone);
}

/** Tickets came back and are held for the first in line: the link buys them, another leaves the list. */
export function WaitingListOfferEmail(props: WaitingListOfferEmailProps) {
  const { locale, eventTitle, ticketTypeName, quantity, organizerName, offerUrl, leaveUrl } = props;
  const t = waitingListEmailTranslator(locale);
  const time = offerTime(props, locale);
  return (
    <EmailLayout locale={locale} footer={{ organizer: organizerName, replyTo: false }} preview={t("offer.preview", { time })}>
      <Text style={emailStyles.heading}>{t("offer.heading")}</Text>
      <Text style={emailStyles.text}>{t("offer.body", { quantity, name: ticketTypeName, event: eventTitle, time })}</Text>
      <Section style={{ margin: "20px 0" }}>
        <Button href={offerUrl} style={emailStyles.button}>
          {t("offer.button")}
        </Button>
      </Section>
      <Text style={emailStyles.text}>{t("offer.later", { time })}</Text>
      <Text style={emailStyles.muted}>{t("offer.fallback")}</Text>
      <Text style={{ ...emailStyles.muted, wordBreak: "break-all" }}>
        <Link href={offerUrl} style={{ color: emailStyles.colors.brand }}>
          {offerUrl}
        </Link>
      </Text>
      <Text style={emailStyles.muted}>{t("offer.leaveText")}</Text>
      <Text style={emailStyles.muted}>
        <Link href={leaveUrl} style={{ color: emailStyles.colors.brand }}>
          {t("offer.leave")}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export function waitingListOfferSubject(locale: AppLocale, payload: Pick<WaitingListOfferPayload, "eventTitle">): string {
  return waitingListEmailTranslator(locale)("offer.subject", { event: payload.eventTitle });
}

WaitingListOfferEmail.PreviewProps = {
  locale: "sv",
  eventTitle: "Vårkonsert i Stadshuset",
  ticketTypeName: "Ståplats",
  quantity: 2,
  organizerName: "Stockholms Kammarkör",
  offerExpiresAt: "2026-05-14T17:30:00.000Z",
  timeZone: "Europe/Stockholm",
  offerUrl: "http://localhost:3000/events/nordljus/checkout/offer?entry=exempel&key=exempel",
  leaveUrl: "http://localhost:3000/waiting-list/leave?entry=exempel&key=exempel",
} satisfies WaitingListOfferEmailProps;

export default WaitingListOfferEmail;
