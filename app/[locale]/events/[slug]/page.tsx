import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { toggleLikeAction } from "@/app/[locale]/likes/actions";
import { EventDescription } from "@/components/events/event-description";
import { EventFacts } from "@/components/events/event-facts";
import { TicketTypes } from "@/components/events/ticket-types";
import { Badge } from "@/components/ui/badge";
import { LikeButton } from "@/components/likes/like-button";
import { Button } from "@/components/ui/button";
import { JsonLd } from "@/components/seo/json-ld";
import { cachedCancelledEvent, cachedPublishedEvent } from "@/lib/cache/events";
import type { PublishedEvent } from "@/lib/events/queries";
import { type AppLocale, asLocale } from "@/lib/i18n/locales";
import { buildEventJsonLd } from "@/lib/seo/event-json-ld";
import { buildEventMetadata } from "@/lib/seo/event-metadata";

type EventPageProps = { params: Promise<{ locale: string; slug: string }> };

// The page is the same for every visitor (the heart and the account menu are filled in by the
// browser), so it is rendered on its first request and kept: at most a few seconds old, since
// its data comes from the tagged cache of lib/cache/events.ts, which an organizer's change
// expires at once. No event is rendered at build time, which opens no database.
export async function generateStaticParams(): Promise<{ locale: string; slug: string }[]> {
  return [];
}

// generateMetadata and the page ask for the same event: one cache read per render. An event its
// organizer cancelled keeps its page, which says so (people come from old links and emails).
const getEvent = cache(
  async (slug: string): Promise<(PublishedEvent & { cancelled?: boolean }) | null> =>
    (await cachedPublishedEvent(slug)) ?? (await cachedCancelledEvent(slug)),
);

async function pageLocale(params: EventPageProps["params"]): Promise<{ locale: AppLocale; slug: string }> {
  const { locale, slug } = await params;
  const known = asLocale(locale);
  setRequestLocale(known);
  return { locale: known, slug };
}

export async function generateMetadata({ params }: EventPageProps): Promise<Metadata> {
  const { locale, slug } = await pageLocale(params);
  const event = await getEvent(slug);
  // The page itself answers 404; metadata thrown from here would replace it with an error shell.
  if (!event) return {};
  return buildEventMetadata(event, { locale });
}

export default async function EventPage({ params }: EventPageProps) {
  const { locale, slug } = await pageLocale(params);
  const event = await getEvent(slug);
  if (!event) notFound();
  const [t, tc] = await Promise.all([
    getTranslations({ locale, namespace: "EventPage" }),
    getTranslations({ locale, namespace: "EventCancelledPage" }),
  ]);
  const now = new Date();
  const cancelled = event.cancelled === true;
  const past = !cancelled && event.endsAt.getTime() <= now.getTime();

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <p>
        <Link href="/events" className="inline-flex min-h-11 items-center gap-1 font-semibold text-indigo-800 hover:underline">
          <span aria-hidden="true">←</span>
          {t("allEvents")}
        </Link>
      </p>

      <JsonLd data={buildEventJsonLd(event, { locale, now })} />
      <article className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem] lg:gap-x-12">
        <header className="flex flex-col gap-4 lg:col-start-1">
          {cancelled ? (
            <p>
              <Badge tone="danger">{tc("badge")}</Badge>
            </p>
          ) : past ? (
            <p>
              <Badge tone="neutral">{t("past")}</Badge>
            </p>
          ) : null}
          <h1 className="text-3xl font-extrabold tracking-tight text-balance text-zinc-950 sm:text-4xl">{event.title}</h1>
          <p className="text-lg text-zinc-700">{t("organizer", { name: event.organizer.name })}</p>
          {cancelled ? null : (
            <LikeButton
              eventId={event.id}
              eventTitle={event.title}
              // The same page for everybody: a signed-in visitor's heart comes from /api/viewer.
              liked={false}
              action={toggleLikeAction}
              returnTo={`/events/${encodeURIComponent(event.slug)}`}
              anchorId="like"
              variant="labelled"
            />
          )}
          <EventFacts
            startsAt={event.startsAt}
            endsAt={event.endsAt}
            timeZone={event.timeZone}
            venue={event.venue}
            address={event.address}
            city={event.city}
          />
          {past || cancelled ? null : (
            <p className="lg:hidden">
              <Button href="#tickets" variant="secondary">
                {t("toTickets")}
              </Button>
            </p>
          )}
        </header>

        {event.imageUrl ? (
          <div className="overflow-hidden rounded-2xl bg-gradient-to-br from-indigo-100 to-zinc-100 lg:col-start-1">
            {/* The title says what the picture is about, so the picture is decorative. */}
            {/* eslint-disable-next-line @next/next/no-img-element -- small SVG/PNG files served as they are */}
            <img
              src={event.imageUrl}
              alt=""
              width={1200}
              height={630}
              fetchPriority="high"
              decoding="async"
              className="aspect-[1200/630] w-full object-cover"
            />
          </div>
        ) : null}

        <section aria-labelledby="about-heading" className="flex flex-col gap-4 lg:col-start-1">
          <h2 id="about-heading" className="text-2xl font-bold text-zinc-950">
            {t("about")}
          </h2>
          <EventDescription text={event.description} />
        </section>

        <section
          id="tickets"
          aria-labelledby="tickets-heading"
          className="flex scroll-mt-4 flex-col gap-4 self-start rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm lg:sticky lg:top-6 lg:col-start-2 lg:row-span-3 lg:row-start-1"
        >
          <h2 id="tickets-heading" className="text-2xl font-bold text-zinc-950">
            {t("tickets")}
          </h2>
          {cancelled ? (
            <div className="flex flex-col items-start gap-3">
              <p className="font-semibold text-zinc-900">{tc("heading")}</p>
              <p className="text-zinc-700">{tc("body")}</p>
              <Button href="/events" variant="secondary">
                {t("upcomingLink")}
              </Button>
            </div>
          ) : past ? (
            <div className="flex flex-col items-start gap-3">
              <p className="font-semibold text-zinc-900">{t("past")}</p>
              <p className="text-zinc-700">{t("pastBody")}</p>
              <Button href="/events" variant="secondary">
                {t("upcomingLink")}
              </Button>
            </div>
          ) : (
            <TicketTypes
              eventSlug={event.slug}
              eventEndsAt={event.endsAt}
              timeZone={event.timeZone}
              ticketTypes={event.ticketTypes}
              now={now}
            />
          )}
        </section>
      </article>
    </div>
  );
}
