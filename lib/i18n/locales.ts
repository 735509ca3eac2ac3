// The languages the site speaks. A request's language is in its address (lib/i18n/routing.ts).
export const locales = ["sv", "en"] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = "sv";

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** `value` when it is one of our languages, else Swedish: for a language read from an address or a library. */
export function asLocale(value: unknown): AppLocale {
  return isLocale(value) ? value : defaultLocale;
}
