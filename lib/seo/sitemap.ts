// The sitemap's entries: the home page, the event list and every published event that has not yet ended, each
// in both languages with the other named as its alternate.
import "server-only";
import type { MetadataRoute } from "next";
import { db } from "@/lib/db/client";
import { locales } from "@/lib/i18n/locales";
import { absoluteUrl, languageAlternates, localizedPath, siteOrigin } from "./site-urls";

/** Google reads at most 50,000 addresses from one sitemap; two per event. */
export const MAX_SITEMAP_EVENTS = 20_000;

export type SitemapEvent = { slug: string; updatedAt: Date };

/** Published events not yet over at `now`, soonest first (the same rule as the event list's). */
export async function listSitemapEvents({ now = new Date() }: { now?: Date } = {}): Promise<SitemapEvent[]> {
  return db.event.findMany({
    where: { status: "PUBLISHED", endsAt: { gt: now } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: MAX_SITEMAP_EVENTS,
    select: { slug: true, updatedAt: true },
  });
}

/** One entry per page and language, each naming the page in every language (hreflang). */
export function buildSitemap(events: SitemapEvent[], origin: string = siteOrigin()): MetadataRoute.Sitemap {
  const pages: { path: string; lastModified?: Date; changeFrequency: "hourly" | "daily"; priority: number }[] = [
    { path: "/", changeFrequency: "hourly", priority: 1 },
    { path: "/events", changeFrequency: "hourly", priority: 0.9 },
    ...events.map((event) => ({
      path: `/events/${encodeURIComponent(event.slug)}`,
      lastModified: event.updatedAt,
      changeFrequency: "daily" as const,
      priority: 0.8,
    })),
  ];
  return pages.flatMap(({ path, ...rest }) => {
    const languages = languageAlternates(path, origin);
    return locales.map((locale) => ({
      url: absoluteUrl(localizedPath(path, locale), origin),
      ...rest,
      alternates: { languages },
    }));
  });
}

export async function eventSitemap({ now = new Date(), origin = siteOrigin() }: { now?: Date; origin?: string } = {}) {
  return buildSitemap(await listSitemapEvents({ now }), origin);
}
