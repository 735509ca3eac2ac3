import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { EventsBrowse, eventsBrowseMetadata } from "@/components/events/events-browse";
import { parseBrowseParams } from "@/lib/events/browse-params";
import { asLocale } from "@/lib/i18n/locales";

// /events with a query string (a search, a city, a page number): proxy.ts rewrites such
// requests here, so the address stays /events?… and the bare /events stays one cached page.
// Rendered per request; its data comes from the cache. Not an address of its own: proxy.ts
// sends a visit to /events-filtered to /events with the same query.
type FilteredEventsPageProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: FilteredEventsPageProps): Promise<Metadata> {
  const locale = asLocale((await params).locale);
  setRequestLocale(locale);
  return eventsBrowseMetadata(locale, parseBrowseParams(await searchParams).page);
}

export default async function FilteredEventsPage({ params, searchParams }: FilteredEventsPageProps) {
  const locale = asLocale((await params).locale);
  setRequestLocale(locale);
  return <EventsBrowse locale={locale} {...parseBrowseParams(await searchParams)} />;
}
