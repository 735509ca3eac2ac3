// Translations for emails, which render outside any request: the recipient's language comes
// from the outbox row, not from a cookie.
import { createTranslator } from "next-intl";
import type { AppLocale } from "../../lib/i18n/locales";
import { messages } from "../../lib/i18n/messages";

export function emailTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "Emails" });
}

export type EmailTranslator = ReturnType<typeof emailTranslator>;
