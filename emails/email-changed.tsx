import { Button, Section, Text } from "react-email";
import type { AppLocale } from "../lib/i18n/locales";
import type { EmailChangedPayload } from "../lib/outbox/templates";
import { EmailLayout, emailStyles } from "./components/email-layout";
import { accountEmailTranslator } from "./components/translator";
import { formatPasswordSetTime } from "./password-set";

export type EmailChangedEmailProps = EmailChangedPayload & { locale: AppLocale };

/** Goes to the OLD address once the change is confirmed, so that a takeover does not pass unseen. */
export function EmailChangedEmail({ locale, name, newEmail, changedAt, signInUrl }: EmailChangedEmailProps) {
  const t = accountEmailTranslator(locale);
  const when = formatPasswordSetTime(changedAt, locale);
  return (
    <EmailLayout locale={locale} footer="account" preview={t("emailChanged.preview", { email: newEmail })}>
      <Text style={emailStyles.heading}>{t("emailChanged.heading")}</Text>
      <Text style={emailStyles.text}>{name ? t("emailChanged.greeting", { name }) : t("emailChanged.greetingNoName")}</Text>
      <Text style={emailStyles.text}>{t("emailChanged.body", { email: newEmail, when })}</Text>
      <Text style={emailStyles.text}>{t("emailChanged.youDidIt")}</Text>
      <Text style={emailStyles.text}>{t("emailChanged.notYou")}</Text>
      <Section style={{ margin: "20px 0" }}>
        <Button href={signInUrl} style={emailStyles.button}>
          {t("emailChanged.button")}
        </Button>
      </Section>
    </EmailLayout>
  );
}

export function emailChangedSubject(locale: AppLocale): string {
  return accountEmailTranslator(locale)("emailChanged.subject");
}

EmailChangedEmail.PreviewProps = {
  locale: "sv",
  name: "Åsa Berg",
  newEmail: "asa.berg@example.se",
  changedAt: "2027-04-17T16:05:00.000Z",
  signInUrl: "http://localhost:3000/login",
} satisfies EmailChangedEmailProps;

export default EmailChangedEmail;
