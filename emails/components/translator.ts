// Translations for emails, which render outside any request: the recipient's language comes
// from the outbox row, not from a cookie.
import { createTranslator } from "next-intl";
import type { AppLocale } from "../../lib/i18n/locales";
import { messages } from "../../lib/i18n/messages";

export function emailTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "Emails" });
}

/** The account emails (sign-in link, password set) keep their text beside the account pages'. */
export function accountEmailTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "AccountEmails" });
}

/**
 * Who answers which questions, in the same sentences as the help page and the order page
 * (the Support messages of site.json).
 */
export function supportTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "Support" });
}

export type EmailTranslator = ReturnType<typeof emailTranslator>;
