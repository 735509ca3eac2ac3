import { Button, Section, Text } from "react-email";
import type { AppLocale } from "../lib/i18n/locales";
import type { WelcomePayload } from "../lib/outbox/templates";
import { EmailLayout, emailStyles } from "./components/email-layout";
import { emailTranslator } from "./components/translator";

export type WelcomeEmailProps = WelcomePayload & { locale: AppLocale };

export function WelcomeEmail({ locale, name, setPasswordUrl }: WelcomeEmailProps) {
  const t = emailTranslator(locale);
  return (
    <EmailLayout locale={locale} footer="account" preview={t("welcome.preview")}>
      <Text style={emailStyles.heading}>{t("welcome.heading", { name })}</Text>
      <Text style={emailStyles.text}>{t("welcome.intro")}</Text>
      <Text style={emailStyles.text}>{t("welcome.benefits")}</Text>
      <Section style={{ margin: "20px 0" }}>
        <Button href={setPasswordUrl} style={emailStyles.button}>
          {t("welcome.button")}
        </Button>
      </Section>
      <Text style={emailStyles.muted}>{t("welcome.noNeed")}</Text>
      <Text style={emailStyles.muted}>{t("welcome.linkValidity")}</Text>
    </EmailLayout>
  );
}

export function welcomeSubject(locale: AppLocale): string {
  return emailTranslator(locale)("welcome.subject");
}

WelcomeEmail.PreviewProps = {
  locale: "sv",
  name: "Åsa Berg",
  setPasswordUrl: "http://localhost:3000/auth/welcome?token=preview",
} satisfies WelcomeEmailProps;

export default WelcomeEmail;
