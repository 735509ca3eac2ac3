// The language is part of the address: Swedish at the plain paths ("/events"), English under
// "/en" ("/en/events"). The URL alone decides, never a cookie or Accept-Language, so a page is
// the same for every visitor of a language and a cache in front of us may keep it. proxy.ts
// hands requests to next-intl's middleware with this configuration; lib/i18n/paths.ts builds
// and reads the addresses.
import { defineRouting } from "next-intl/routing";
import { defaultLocale, locales } from "./locales";

export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: "as-needed",
  // No redirect by cookie or Accept-Language, and no cookie written: a cached page must not
  // depend on who asked first. The footer offers English to a browser that prefers it.
  localeDetection: false,
  localeCookie: false,
  // The pages carry their own hreflang links; the header would repeat them on every answer.
  alternateLinks: false,
});
