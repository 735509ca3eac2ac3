import { Button, Section, Text } from "react-email";
import type { AppLocale } from "../lib/i18n/locales";
import type { PasswordSetPayload } from "../lib/outbox/templates";
import { EmailLayout, emailStyles } from "./components/email-layout";
import { accountEmailTranslator, emailTranslator } from "./components/translator";
import { siteTimeZone } from "../lib/i18n/time-zone";

export type PasswordSetEmailProps = PasswordSetPayload & { locale: AppLocale };

// Accounts belong to Swedish buyers first; the email says "Swedish time" beside it.
const accountTimeZone = siteTimeZone;

export function formatPasswordSetTime(setAt: string, locale: AppLocale): string {
  return new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: accountTimeZone,
  }).format(new Date(setAt));
}

export function PasswordSetEmail({ locale, name, setAt, signInUrl, firstPassword = false }: PasswordSetEmailProps) {
  const t = accountEmailTranslator(locale);
  const when = formatPasswordSetTime(setAt, locale);
  const greeting = name ? t("passwordSet.greeting", { name }) : t("passwordSet.greetingNoName");
  if (firstPassword) {
    // A first password is good news, not a warning: a guest claimed the account a purchase made.
    const chosen = emailTranslator(locale);
    return (
      <EmailLayout locale={locale} footer="account" preview={chosen("passwordChosen.preview")}>
        <Text style={emailStyles.heading}>{chosen("passwordChosen.heading")}</Text>
        <Text style={emailStyles.text}>{greeting}</Text>
        <Text style={emailStyles.text}>{chosen("passwordChosen.body", { when })}</Text>
        <Section style={{ margin: "20px 0" }}>
          <Button href={signInUrl} style={emailStyles.button}>
            {chosen("passwordChosen.button")}
          </Button>
        </Section>
        <Text style={emailStyles.muted}>{chosen("passwordChosen.notRecognised")}</Text>
      </EmailLayout>
    );
  }
  return (
    <EmailLayout locale={locale} footer="account" preview={t("passwordSet.preview", { when })}>
      <Text style={emailStyles.heading}>{t("passwordSet.heading")}</Text>
      <Text style={emailStyles.text}>{greeting}</Text>
      <Text style={emailStyles.text}>{t("passwordSet.body", { when })}</Text>
      <Text style={emailStyles.text}>{t("passwordSet.youDidIt")}</Text>
      <Text style={emailStyles.text}>{t("passwordSet.notYou")}</Text>
      <Section style={{ margin: "20px 0" }}>
        <Button href={signInUrl} style={emailStyles.button}>
          {t("passwordSet.button")}
        </Button>
      </Section>
    </EmailLayout>
  );
}

/** "Your password was changed", or for an account's first password "You have chosen a password". */
export function passwordSetSubject(locale: AppLocale, payload?: Pick<PasswordSetPayload, "firstPassword">): string {
  return payload?.firstPassword ? emailTranslator(locale)("passwordChosen.subject") : accountEmailTranslator(locale)("passwordSet.subject");
}

PasswordSetEmail.PreviewProps = {
  locale: "sv",
  name: "Åsa Berg",
  setAt: "2027-04-17T16:05:00.000Z",
  signInUrl: "http://localhost:3000/login",
  firstPassword: false,
} satisfies PasswordSetEmailProps;

export default PasswordSetEmail;
