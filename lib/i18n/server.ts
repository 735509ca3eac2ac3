// The language of the request being served, for server code that builds addresses: it comes
// from the address (app/[locale]/, or the header proxy.ts's next-intl middleware sets for
// actions and routes), Swedish outside the localized pages.
import "server-only";
import { redirect } from "next/navigation";
import { type AppLocale, asLocale } from "./locales";
import { localizePath } from "./paths";

export async function requestLocale(): Promise<AppLocale> {
  // Loaded on first use: tests import the server actions, and next-intl's server entry is for Next's server only.
  const { getLocale } = await import("next-intl/server");
  const locale = await getLocale();
  return asLocale(locale);
}

/** One of our paths in the request's language ("/account" → "/en/account" on English pages). */
export async function localizedPath(path: string): Promise<string> {
  return localizePath(path, await requestLocale());
}

/**
 * next/navigation's redirect() to one of our paths, in the request's language. It throws like
 * redirect(); write `return redirectLocalized(…)` so the code after it is plainly unreachable.
 */
export async function redirectLocalized(path: string): Promise<never> {
  redirect(await localizedPath(path));
}
