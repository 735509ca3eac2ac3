// Translations for emails, which render outside any request: the recipient's language comes
// from the outbox row, not from a cookie.
import { createTranslator } from "next-intl";
import en from "../../lib/i18n/messages/en.json";
import sv from "../../lib/i18n/messages/sv.json";
import type { AppLocale } from "../../lib/i18n/locales";

const messages = { sv, en } as const;

export function emailTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "Emails" });
}

export type EmailTranslator = ReturnType<typeof emailTranslator>;
