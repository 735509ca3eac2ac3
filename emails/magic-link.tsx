import { Button, Link, Section, Text } from "react-email";
import type { AppLocale } from "../lib/i18n/locales";
import type { MagicLinkPayload } from "../lib/outbox/templates";
import { EmailLayout, emailStyles } from "./components/email-layout";
import { accountEmailTranslator } from "./components/translator";

export type MagicLinkEmailProps = MagicLinkPayload & { locale: AppLocale };

export function MagicLinkEmail({ locale, url, expiresInMinutes }: MagicLinkEmailProps) {
  const t = accountEmailTranslator(locale);
  return (
    <EmailLayout locale={locale} footer="account" preview={t("magicLink.preview", { minutes: expiresInMinutes })}>
      <Text style={emailStyles.heading}>{t("magicLink.heading")}</Text>
      <Text style={emailStyles.text}>{t("magicLink.intro")}</Text>
      <Section style={{ margin: "20px 0" }}>
        <Button href={url} style={emailStyles.button}>
          {t("magicLink.button")}
        </Button>
      </Section>
      <Text style={emailStyles.text}>{t("magicLink.validity", { minutes: expiresInMinutes })}</Text>
      <Text style={emailStyles.muted}>{t("magicLink.fallback")}</Text>
      <Text style={{ ...emailStyles.muted, wordBreak: "break-all" }}>
        <Link href={url} style={{ color: emailStyles.colors.brand }}>
          {url}
        </Link>
      </Text>
      <Text style={emailStyles.muted}>{t("magicLink.ignore")}</Text>
    </EmailLayout>
  );
}

export function magicLinkSubject(locale: AppLocale): string {
  return accountEmailTranslator(locale)("magicLink.subject");
}

MagicLinkEmail.PreviewProps = {
  locale: "sv",
  url: "http://localhost:3000/login/confirm?token=preview&email=asa.berg%40example.se&callbackUrl=%2F",
  expiresInMinutes: 15,
} satisfies MagicLinkEmailProps;

export default MagicLinkEmail;
