// Which page answers /events: the bare address is one cached page for everybody
// (app/[locale]/events/page.tsx); with a query string (a search, a city, a page number, or
// anything a link added) app/[locale]/events-filtered/ renders it per address. proxy.ts asks
// this before next-intl, so the visitor's address never changes.
import { defaultLocale, type AppLocale } from "../i18n/locales";
import { hasLanguagePrefix, parseLocalePath } from "../i18n/paths";

export const FILTERED_EVENTS_SEGMENT = "events-filtered";

export type BrowseRoute =
  /** Serve `pathname` (with the request's query) in place of the address asked for. */
  | { kind: "rewrite"; pathname: string }
  /** The internal address was asked for directly: send the visitor to the public one. */
  | { kind: "redirect"; pathname: string };

export function browseRoute(pathname: string, search: string): BrowseRoute | undefined {
  const { locale, path } = parseLocalePath(pathname);
  // "/sv/events?…" is next-intl's to redirect to "/events?…" first.
  if (locale === defaultLocale && hasLanguagePrefix(pathname)) return undefined;
  const plain = path.replace(/\/+$/, "") || "/";
  if (plain === "/events" && search.length > 1) {
    return { kind: "rewrite", pathname: `/${locale}/${FILTERED_EVENTS_SEGMENT}` };
  }
  if (plain === `/${FILTERED_EVENTS_SEGMENT}`) return { kind: "redirect", pathname: publicEventsPath(locale) };
  return undefined;
}

function publicEventsPath(locale: AppLocale): string {
  return locale === defaultLocale ? "/events" : `/${locale}/events`;
}
