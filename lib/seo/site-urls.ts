// Absolute addresses of public pages in each language, built from SITE_URL: search engines and
// link previews need full URLs, and a request's Host header must never decide them.
import { env } from "@/lib/env";
import { defaultLocale, locales, type AppLocale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";

/** A public path in one language (the one rule of lib/i18n/paths.ts). */
export const localizedPath = localizePath;

/** The site's origin without a trailing slash, e.g. "https://biljett.example". */
export function siteOrigin(): string {
  return env().SITE_URL;
}

/** A path of the site ("/events/x") as an absolute URL. */
export function absoluteUrl(path: string, origin: string = siteOrigin()): string {
  return new URL(path, `${origin}/`).toString();
}

export function eventPath(slug: string, locale: AppLocale): string {
  return localizePath(`/events/${encodeURIComponent(slug)}`, locale);
}

/**
 * The page in every language plus `x-default` (the Swedish one, which a visitor without a
 * language reaches), as absolute URLs: the shape of Next's `alternates.languages`.
 */
export function languageAlternates(path: string, origin: string = siteOrigin()): Record<AppLocale | "x-default", string> {
  const urls = Object.fromEntries(locales.map((locale) => [locale, absoluteUrl(localizePath(path, locale), origin)])) as Record<
    AppLocale,
    string
  >;
  return { ...urls, "x-default": urls[defaultLocale] };
}

/**
 * Next's `alternates` for a public page in one language: its own address as canonical, and
 * the page in every language (hreflang). `path` is the Swedish (plain) path: "/events".
 */
export function pageAlternates(path: string, locale: AppLocale, origin: string = siteOrigin()) {
  return { canonical: absoluteUrl(localizePath(path, locale), origin), languages: languageAlternates(path, origin) };
}

/**
 * The sizes of an event's generated picture: "og" for link previews (Open Graph, X's
 * summary_large_image), and the 16:9, 4:3 and 1:1 ones Google's event results recommend.
 */
export const OG_IMAGE_FORMATS = {
  og: { width: 1200, height: 630 },
  "16x9": { width: 1200, height: 675 },
  "4x3": { width: 1200, height: 900 },
  "1x1": { width: 1200, height: 1200 },
} as const;
export type OgImageFormat = keyof typeof OG_IMAGE_FORMATS;
export const OG_IMAGE_SIZE = OG_IMAGE_FORMATS.og;

export function isOgImageFormat(value: unknown): value is OgImageFormat {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(OG_IMAGE_FORMATS, value);
}

/** Where an event's generated picture is served (app/og/events/[slug]/route.ts). */
export function eventOgImagePath(slug: string, locale: AppLocale, format: OgImageFormat = "og"): string {
  const query = new URLSearchParams();
  if (locale !== defaultLocale) query.set("locale", locale);
  if (format !== "og") query.set("format", format);
  const path = `/og/events/${encodeURIComponent(slug)}`;
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
