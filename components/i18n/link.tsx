"use client";
// next/link in the reader's language: on an English page "/events" leads to "/en/events".
// Every link of ours goes through it (eslint bans next/link elsewhere).
import NextLink from "next/link";
import type { ComponentProps } from "react";
import { localizePath, parseLocalePath } from "@/lib/i18n/paths";
import { useLocale } from "./client-text";

/**
 * The pages kept in Next's page cache (rendered on first request, app/[locale]/page.tsx and
 * app/[locale]/events/[slug]/page.tsx). Next 16's per-segment prefetch of such a page can stay
 * in flight for good in Chromium once the page is cached (vercel/next.js#96801: the bytes arrive
 * but the request never finishes, which also holds one of the browser's six connections), so
 * links to them are not prefetched; following them still loads them from the cache.
 */
const cachedPage = /^\/(?:events\/[^/?#]+)?(?:[?#]|$)/;

export function Link({ href, prefetch, ...props }: ComponentProps<typeof NextLink>) {
  const locale = useLocale();
  const target = typeof href === "string" ? localizePath(href, locale) : href;
  const prefetchFor = prefetch ?? (typeof target === "string" && cachedPage.test(parseLocalePath(target).path) ? false : undefined);
  return <NextLink href={target} prefetch={prefetchFor} {...props} />;
}
