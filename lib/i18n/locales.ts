// The languages the site speaks. A request's language is in its address (lib/i18n/routing.ts).
export const locales = ["sv", "en"] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = "sv";

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
