import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { EventList } from "@/components/events/event-list";
import { toggleLikeAction } from "@/app/[locale]/likes/actions";
import { cachedEventList } from "@/lib/cache/events";
import { type AppLocale, asLocale } from "@/lib/i18n/locales";
import { pageAlternates } from "@/lib/seo/site-urls";

type HomePageProps = { params: Promise<{ locale: string }> };

// The same page for everybody, rendered on its first request and kept like the event pages.
export async function generateStaticParams(): Promise<{ locale: string }[]> {
  return [];
}

async function pageLocale(params: HomePageProps["params"]): Promise<AppLocale> {
  const { locale } = await params;
  const known = asLocale(locale);
  setRequestLocale(known);
  return known;
}

export async function generateMetadata({ params }: HomePageProps): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Home" });
  return { title: { absolute: t("title") }, alternates: pageAlternates("/", locale) };
}

export default async function HomePage({ params }: HomePageProps) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Home" });
  const { events, total } = await cachedEventList({ pageSize: 6 });
  // The same page for everybody: the hearts of a signed-in visitor come from /api/viewer.
  const likedIds: string[] = [];
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950 sm:text-4xl">{t("heading")}</h1>
        <p className="max-w-2xl text-lg text-zinc-700">{t("intro")}</p>
      </div>
      {/* The h1 heads the list here, so the cards' titles are h2. */}
      <EventList
        events={events}
        headingLevel={2}
        likes={{ likedIds, action: toggleLikeAction, returnTo: "/" }}
        empty={
          <div className="rounded-2xl border border-dashed border-zinc-400 bg-zinc-50 px-6 py-12 text-center">
            <h2 className="text-xl font-bold text-zinc-950">{t("emptyHeading")}</h2>
            <p className="mt-2 text-zinc-700">{t("emptyBody")}</p>
          </div>
        }
      />
      {total > 0 ? (
        <div>
          <Button href="/events" variant="secondary">
            {t("allEvents")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
