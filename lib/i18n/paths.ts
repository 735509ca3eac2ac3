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

function hasLanguagePrefix(path: string): boolean {
  return isLocale(splitSuffix(path)[0].split("/")[1]);
}

/** An absolute address on `siteUrl` in `locale`, for emails and metadata. */
export function localizedUrl(siteUrl: string, path: string, locale: AppLocale): string {
  return new URL(localizePath(path, locale), siteUrl).toString();
}

/**
 * Every link to a page of ours inside `value` (strings, arrays and plain objects, walked
 * deeply), moved to `locale`: an email's payload carries plain addresses, and the email
 * renderer puts them in its reader's language. Other strings come back as they were.
 */
export function localizeSiteLinks<T>(value: T, siteUrl: string, locale: AppLocale): T {
  const origin = new URL(siteUrl).origin;
  const walk = (item: unknown): unknown => {
    if (typeof item === "string") {
      if (!item.startsWith(`${origin}/`)) return item;
      const url = new URL(item);
      // A sign-in link's way back: a path without a language (made where none was known, as
      // at checkout) takes the email's; one that has a language keeps it.
      const back = url.searchParams.get("callbackUrl");
      if (back?.startsWith("/") && !hasLanguagePrefix(back)) url.searchParams.set("callbackUrl", localizePath(back, locale));
      return `${origin}${localizePath(`${url.pathname}${url.search}${url.hash}`, locale)}`;
    }
    if (Array.isArray(item)) return item.map(walk);
    if (item !== null && typeof item === "object" && Object.getPrototypeOf(item) === Object.prototype) {
      return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, walk(entry)]));
    }
    return item;
  };
  return walk(value) as T;
}
