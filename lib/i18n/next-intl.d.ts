// Types next-intl's keys and locales after our Swedish messages, so a missing or misspelt key
// fails the type check (tests/i18n/messages.test.ts keeps the English ones in step).
import type { AppLocale } from "./locales";
import type { Messages } from "./messages";

declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: Messages;
  }
}
