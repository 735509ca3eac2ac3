// next-intl's per-request configuration: the language comes from the address (the [locale]
// segment, or the header next-intl's middleware in proxy.ts sets for actions and routes);
// anything outside the localized pages falls back to Swedish.
import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, locales } from "./locales";
import { messages } from "./messages";
import { siteTimeZone } from "./time-zone";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(locales, requested) ? requested : defaultLocale;
  return { locale, messages: messages[locale], timeZone: siteTimeZone };
});
