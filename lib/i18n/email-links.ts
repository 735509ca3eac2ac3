// Links in emails, in their reader's language: an email's payload carries plain addresses on
// SITE_URL, and the email renderer (emails/render.tsx) moves them to the email's language here.
import { safeReturnPath } from "../navigation/return-path";
import type { AppLocale } from "./locales";
import { hasLanguagePrefix, localizePath } from "./paths";

/**
 * Every link to a page of ours inside `value` (strings, arrays and plain objects, walked
 * deeply), moved to `locale`. Other strings come back as they were. A sign-in link's way back
 * (`callbackUrl`) without a language of its own (made where none was known, as at checkout)
 * takes the email's; one that has a language keeps it, and one that is not a path of this site
 * is left for the sign-in to refuse.
 */
export function localizeSiteLinks<T>(value: T, siteUrl: string, locale: AppLocale): T {
  const origin = new URL(siteUrl).origin;
  const walk = (item: unknown): unknown => {
    if (typeof item === "string") {
      if (!item.startsWith(`${origin}/`)) return item;
      const url = new URL(item);
      const back = safeReturnPath(url.searchParams.get("callbackUrl"), null, { siteUrl });
      if (back && !hasLanguagePrefix(back)) url.searchParams.set("callbackUrl", localizePath(back, locale));
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
