// The languages the site speaks, and how a request's language is chosen.
export const locales = ["sv", "en"] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = "sv";
export const localeCookie = "NEXT_LOCALE";

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * The visitor's chosen language (cookie) wins; otherwise the first supported language of the
 * browser's Accept-Language, by quality; otherwise Swedish.
 */
export function pickLocale(cookieValue: string | undefined, acceptLanguage: string | null): AppLocale {
  if (isLocale(cookieValue)) return cookieValue;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(",")
      .map((part, index) => {
        const [tag, ...params] = part.trim().split(";");
        const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
        const quality = q ? Number(q.slice(2)) : 1;
        return { language: tag.toLowerCase().split("-")[0], quality: Number.isNaN(quality) ? 0 : quality, index };
      })
      .filter((entry) => entry.quality > 0)
      .sort((a, b) => b.quality - a.quality || a.index - b.index);
    for (const entry of ranked) {
      if (isLocale(entry.language)) return entry.language;
    }
  }
  return defaultLocale;
}
