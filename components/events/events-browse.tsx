// The event list with its search, city filter and pages: the body of /events. The bare address
// is one cached page for everybody (app/[locale]/events/page.tsx); with a query string proxy.ts
// hands the request to app/[locale]/events-filtered/, rendered per address from cached data.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EventList } from "@/components/events/event-list";
import { EventSearchForm } from "@/components/events/event-search-form";
import { EventsPagination } from "@/components/events/events-pagination";
import { Button } from "@/components/ui/button";
import { type BrowseParams } from "@/lib/events/browse-params";
import { cachedEventCities, cachedEventList } from "@/lib/cache/events";
import type { AppLocale } from "@/lib/i18n/locales";
import { pageAlternates } from "@/lib/seo/site-urls";
import { toggleLikeAction } from "@/app/[locale]/likes/actions";

const PAGE_SIZE = 12;

export async function eventsBrowseMetadata(locale: AppLocale, page: number): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "EventsPage" });
  return { title: page > 1 ? t("titlePaged", { page }) : t("title"), alternates: pageAlternates("/events", locale) };
}

type EventsBrowseProps = BrowseParams & { locale: AppLocale };

export async function EventsBrowse({ locale, query, city, page: requestedPage, queryProblem }: EventsBrowseProps) {
  const t = await getTranslations({ locale, namespace: "EventsPage" });
  const [{ events, total, page, pageCount }, cities] = await Promise.all([
    // Searches, filters and pages differ per address; the data comes from the cache either way.
    cachedEventList({ query, city, page: requestedPage, pageSize: PAGE_SIZE }),
    cachedEventCities(),
  ]);
  // The same page for everybody: the hearts of a signed-in visitor come from /api/viewer.
  const likedIds: string[] = [];
  const here = new URLSearchParams();
  if (query) here.set("q", query);
  if (city) here.set("city", city);
  if (page > 1) here.set("page", String(page));
  const returnTo = here.size > 0 ? `/events?${here.toString()}` : "/events";
  const filtered = Boolean(query || city);

  let summary: string;
  if (query && city) summary = t("countQueryCity", { count: total, query, city });
  else if (query) summary = t("countQuery", { count: total, query });
  else if (city) summary = t("countCity", { count: total, city });
  else summary = t("countAll", { count: total });

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950 sm:text-4xl">{t("heading")}</h1>
        <p className="max-w-2xl text-lg text-zinc-700">{t("intro")}</p>
      </div>

      <div className="rounded-2xl border border-zinc-200 bg-zinc-50 p-4 sm:p-5">
        <EventSearchForm key={`${query ?? ""}|${city ?? ""}`} query={query} city={city} cities={cities} queryProblem={queryProblem} />
      </div>

      {/* Polite live region: after a search made without a page load, the new count is read out. */}
      <div aria-live="polite" className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
        <h2 className="text-xl font-bold text-zinc-950">{summary}</h2>
        {filtered ? (
          <Button href="/events" variant="ghost" size="sm">
            {t("clear")}
          </Button>
        ) : null}
      </div>

      <EventList
        events={events}
        likes={{ likedIds, action: toggleLikeAction, returnTo }}
        empty={
          <div className="rounded-2xl border border-dashed border-zinc-400 bg-white px-6 py-12 text-center">
            <p className="text-xl font-bold text-zinc-950">{filtered ? t("emptyHeading") : t("noneHeading")}</p>
            <p className="mt-2 text-zinc-700">{filtered ? t("emptyBody") : t("noneBody")}</p>
            {filtered ? (
              <Button href="/events" variant="secondary" className="mt-6">
                {t("emptyShowAll")}
              </Button>
            ) : null}
          </div>
        }
      />

      <EventsPagination query={query} city={city} page={page} pageCount={pageCount} />
    </div>
  );
}
