import { Button, Link, Section, Text } from "react-email";
import type { AppLocale } from "../lib/i18n/locales";
import type { EmailChangePayload } from "../lib/outbox/templates";
import { EmailLayout, emailStyles } from "./components/email-layout";
import { accountEmailTranslator } from "./components/translator";

export type EmailChangeEmailProps = EmailChangePayload & { locale: AppLocale };

/** Goes to the NEW address: following its link is the proof that the address belongs to the user. */
export function EmailChangeEmail({ locale, name, newEmail, confirmUrl, expiresInMinutes }: EmailChangeEmailProps) {
  const t = accountEmailTranslator(locale);
  return (
    <EmailLayout locale={locale} footer="account" preview={t("emailChange.preview", { email: newEmail, minutes: expiresInMinutes })}>
      <Text style={emailStyles.heading}>{t("emailChange.heading")}</Text>
      <Text style={emailStyles.text}>{name ? t("emailChange.greeting", { name }) : t("emailChange.greetingNoName")}</Text>
      <Text style={emailStyles.text}>{t("emailChange.body", { email: newEmail })}</Text>
      <Section style={{ margin: "20px 0" }}>
        <Button href={confirmUrl} style={emailStyles.button}>
          {t("emailChange.button")}
        </Button>
      </Section>
      <Text style={emailStyles.text}>{t("emailChange.validity", { minutes: expiresInMinutes })}</Text>
      <Text style={emailStyles.muted}>{t("emailChange.fallback")}</Text>
      <Text style={{ ...emailStyles.muted, wordBreak: "break-all" }}>
        <Link href={confirmUrl} style={{ color: emailStyles.colors.brand }}>
          {confirmUrl}
        </Link>
      </Text>
      <Text style={emailStyles.muted}>{t("emailChange.ignore")}</Text>
    </EmailLayout>
  );
}

export function emailChangeSubject(locale: AppLocale): string {
  return accountEmailTranslator(locale)("emailChange.subject");
}

EmailChangeEmail.PreviewProps = {
  locale: "sv",
  name: "Åsa Berg",
  newEmail: "asa.berg@example.se",
  confirmUrl: "http://localhost:3000/account/email/confirm?token=preview",
  expiresInMinutes: 30,
} satisfies EmailChangeEmailProps;

export default EmailChangeEmail;
