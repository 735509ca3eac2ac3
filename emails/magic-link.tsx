// The emailed sign-in link. What it says depends on what the link is for (its payload's
// purpose): signing in, or signing in to choose a password, new or first ("Forgot password?").
import { Button, Link, Section, Text } from "react-email";
import type { AppLocale } from "../lib/i18n/locales";
import type { MagicLinkPayload, MagicLinkPurpose } from "../lib/outbox/templates";
import { EmailLayout, emailStyles } from "./components/email-layout";
import { accountEmailTranslator, emailTranslator } from "./components/translator";

export type MagicLinkEmailProps = MagicLinkPayload & { locale: AppLocale };

type PasswordPurpose = Exclude<MagicLinkPurpose, "sign-in">;

/** The texts of one purpose; validity and fallback are the same for every link. */
function linkTexts(locale: AppLocale, purpose: MagicLinkPurpose, minutes: number) {
  if (purpose === "sign-in") {
    const t = accountEmailTranslator(locale);
    return {
      subject: t("magicLink.subject"),
      preview: t("magicLink.preview", { minutes }),
      heading: t("magicLink.heading"),
      intro: t("magicLink.intro"),
      button: t("magicLink.button"),
      note: null,
      ignore: t("magicLink.ignore"),
    };
  }
  const t = emailTranslator(locale);
  const key = `passwordLink.${purpose satisfies PasswordPurpose}` as const;
  return {
    subject: t(`${key}.subject`),
    preview: t(`${key}.preview`, { minutes }),
    heading: t(`${key}.heading`),
    intro: t(`${key}.intro`),
    button: t(`${key}.button`),
    note: t(`${key}.keep`),
    ignore: t(`${key}.ignore`),
  };
}

export function MagicLinkEmail({ locale, url, expiresInMinutes, purpose = "sign-in" }: MagicLinkEmailProps) {
  const t = accountEmailTranslator(locale);
  const texts = linkTexts(locale, purpose, expiresInMinutes);
  return (
    <EmailLayout locale={locale} footer="account" preview={texts.preview}>
      <Text style={emailStyles.heading}>{texts.heading}</Text>
      <Text style={emailStyles.text}>{texts.intro}</Text>
      <Section style={{ margin: "20px 0" }}>
        <Button href={url} style={emailStyles.button}>
          {texts.button}
        </Button>
      </Section>
      <Text style={emailStyles.text}>{t("magicLink.validity", { minutes: expiresInMinutes })}</Text>
      {texts.note ? <Text style={emailStyles.text}>{texts.note}</Text> : null}
      <Text style={emailStyles.muted}>{t("magicLink.fallback")}</Text>
      <Text style={{ ...emailStyles.muted, wordBreak: "break-all" }}>
        <Link href={url} style={{ color: emailStyles.colors.brand }}>
          {url}
        </Link>
      </Text>
      <Text style={emailStyles.muted}>{texts.ignore}</Text>
    </EmailLayout>
  );
}

export function magicLinkSubject(locale: AppLocale, payload?: Pick<MagicLinkPayload, "purpose" | "expiresInMinutes">): string {
  return linkTexts(locale, payload?.purpose ?? "sign-in", payload?.expiresInMinutes ?? 0).subject;
}

MagicLinkEmail.PreviewProps = {
  locale: "sv",
  url: "http://localhost:3000/login/confirm?token=preview&email=asa.berg%40example.se&callbackUrl=%2F",
  expiresInMinutes: 15,
  purpose: "sign-in",
} satisfies MagicLinkEmailProps;

export default MagicLinkEmail;
