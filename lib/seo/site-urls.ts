// Absolute addresses of public pages in each language, built from SITE_URL: search engines and
// link previews need full URLs, and a request's Host header must never decide them.
import { env } from "@/lib/env";
import { defaultLocale, locales, type AppLocale } from "@/lib/i18n/locales";

/** The site's origin without a trailing slash, e.g. "https://biljett.example". */
export function siteOrigin(): string {
  return env().SITE_URL;
}

/** A path of the site ("/events/x") as an absolute URL. */
export function absoluteUrl(path: string, origin: string = siteOrigin()): string {
  return new URL(path, `${origin}/`).toString();
}

/**
 * A public path in one language: Swedish keeps today's paths, English lives under /en
 * ("/events" → "/en/events", "/" → "/en").
 */
export function localizedPath(path: string, locale: AppLocale): string {
  if (locale === defaultLocale) return path;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}

export function eventPath(slug: string, locale: AppLocale): string {
  return localizedPath(`/events/${encodeURIComponent(slug)}`, locale);
}

/**
 * The page in every language plus `x-default` (the Swedish one, which a visitor without a
 * language reaches), as absolute URLs: the shape of Next's `alternates.languages`.
 */
export function languageAlternates(path: string, origin: string = siteOrigin()): Record<AppLocale | "x-default", string> {
  const urls = Object.fromEntries(locales.map((locale) => [locale, absoluteUrl(localizedPath(path, locale), origin)])) as Record<
    AppLocale,
    string
  >;
  return { ...urls, "x-default": urls[defaultLocale] };
}

/** Where an event's link-preview picture is served (app/og/events/[slug]/route.ts). */
export function eventOgImagePath(slug: string, locale: AppLocale): string {
  const path = `/og/events/${encodeURIComponent(slug)}`;
  return locale === defaultLocale ? path : `${path}?locale=${locale}`;
}

/** The size social sites expect of a large link preview (Open Graph, X's summary_large_image). */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;
