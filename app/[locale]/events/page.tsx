import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { EventsBrowse, eventsBrowseMetadata } from "@/components/events/events-browse";
import { type AppLocale, asLocale } from "@/lib/i18n/locales";

type EventsPageProps = { params: Promise<{ locale: string }> };

// The bare /events (every upcoming event, first page) is the same for everybody: rendered on
// its first request and kept like an event page, at most a few seconds old. A search, a city or
// a page number in the address is answered by app/[locale]/events-filtered/ instead (proxy.ts).
export async function generateStaticParams(): Promise<{ locale: string }[]> {
  return [];
}

async function pageLocale(params: EventsPageProps["params"]): Promise<AppLocale> {
  const known = asLocale((await params).locale);
  setRequestLocale(known);
  return known;
}

export async function generateMetadata({ params }: EventsPageProps): Promise<Metadata> {
  return eventsBrowseMetadata(await pageLocale(params), 1);
}

export default async function EventsPage({ params }: EventsPageProps) {
  const locale = await pageLocale(params);
  return <EventsBrowse locale={locale} query={null} city={null} page={1} queryProblem={null} />;
}
