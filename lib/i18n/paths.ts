// Addresses in a language: "/events" is Swedish, "/en/events" English (lib/i18n/routing.ts).
// Pure functions, for the server, the browser and the emails alike.
import { defaultLocale, isLocale, type AppLocale } from "./locales";

/** Paths that are not pages and so never carry a language: the API, pictures, images of events, internal routes. */
const unlocalized = /^\/(?:api|media|og|internal|_next)(?:[/?#]|$)/;

/**
 * Whether a request path is a page or route under app/[locale]/: not the API, pictures and
 * other unlocalized routes, and not a file ("/robots.txt", "/manifest.webmanifest").
 */
export function isLocalizedPath(pathname: string): boolean {
  if (unlocalized.test(pathname)) return false;
  const last = pathname.slice(pathname.lastIndexOf("/") + 1);
  return !last.includes(".");
}

function splitSuffix(path: string): [string, string] {
  const at = path.search(/[?#]/);
  return at === -1 ? [path, ""] : [path.slice(0, at), path.slice(at)];
}

/** The language a path is in, and the path without it: "/en/events?x=1" → en, "/events?x=1". */
export function parseLocalePath(path: string): { locale: AppLocale; path: string } {
  const [pathname, suffix] = splitSuffix(path);
  const first = pathname.split("/")[1];
  // "/sv/…" is how next-intl names a Swedish page inside; it redirects such addresses to the plain path.
  if (isLocale(first)) {
    const rest = pathname.slice(first.length + 1) || "/";
    return { locale: first, path: rest + suffix };
  }
  return { locale: defaultLocale, path };
}

/**
 * A path of this site in `locale`: "/events" → "/en/events" for English, unchanged for
 * Swedish. A path already in a language is moved to `locale`; anything that is not a path of
 * ours (an absolute URL, "//host", "#part", "") and the API and picture routes come back as they were.
 */
export function localizePath(path: string, locale: AppLocale): string {
  if (!path.startsWith("/") || path.startsWith("//") || unlocalized.test(path)) return path;
  const plain = parseLocalePath(path).path;
  if (locale === defaultLocale) return plain;
  const [pathname, suffix] = splitSuffix(plain);
  return `/${locale}${pathname === "/" ? "" : pathname}${suffix}`;
}

/** Whether a path starts with a language ("/en/…", "/sv"). */
export function hasLanguagePrefix(path: string): boolean {
  return isLocale(splitSuffix(path)[0].split("/")[1]);
}

/** An absolute address on `siteUrl` in `locale`, for emails and metadata. */
export function localizedUrl(siteUrl: string, path: string, locale: AppLocale): string {
  return new URL(localizePath(path, locale), siteUrl).toString();
}
