// robots.txt: crawlers may read the public pages, not the per-visitor ones.
import type { MetadataRoute } from "next";
import { locales } from "@/lib/i18n/locales";
import { absoluteUrl, localizedPath, siteOrigin } from "./site-urls";

/** Per-visitor pages, sign-in and the demo mailbox; each also under /en. */
export const PRIVATE_PATHS = ["/account", "/organizer", "/orders", "/tickets", "/login", "/dev/mailbox"] as const;

export function buildRobots(origin: string = siteOrigin()): MetadataRoute.Robots {
  const disallow = locales.flatMap((locale) => PRIVATE_PATHS.map((path) => localizedPath(path, locale)));
  return {
    rules: [{ userAgent: "*", allow: "/", disallow }],
    sitemap: absoluteUrl("/sitemap.xml", origin),
  };
}
