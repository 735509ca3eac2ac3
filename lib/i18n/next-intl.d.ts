// Types next-intl's keys and locales after our Swedish messages, so a missing or misspelt key
// fails the type check (tests/i18n/messages.test.ts keeps en.json in step).
import type { AppLocale } from "./locales";
import type messages from "./messages/sv.json";

declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof messages;
  }
}
