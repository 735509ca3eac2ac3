"use client";
// A link in the reader's language: on an English page "/events" leads to "/en/events".
// Every link of ours goes through it (eslint bans next/link elsewhere).
//
// A plain <a>, not next/link, on purpose. next/link and its router helpers are about 4 kB gzip
// on every page that has a link (all of them), which alone broke the JavaScript budget of the
// event page and the checkout (issue 16, `npm run budgets`: 8 and 12 kB above the framework).
// Our public pages come from a cache and the framework's files from the browser's, so a whole
// page load is quick; the service worker answers whole page loads offline (public/sw.js). And
// Next 16's prefetch of a cached page could stay in flight for good in Chromium
// (vercel/next.js#96801), holding one of the browser's six connections.
import type { ComponentProps } from "react";
import { localizePath } from "@/lib/i18n/paths";
import { useLocale } from "./client-text";

export function Link({ href, ...props }: ComponentProps<"a"> & { href: string }) {
  const locale = useLocale();
  return <a href={localizePath(href, locale)} {...props} />;
}
