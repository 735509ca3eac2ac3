import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { toggleLikeAction } from "@/app/[locale]/likes/actions";
import { EventDescription } from "@/components/events/event-description";
import { EventFacts } from "@/components/events/event-facts";
import { TicketTypes } from "@/components/events/ticket-types";
import { Badge } from "@/components/ui/badge";
import { LikeButton } from "@/components/likes/like-button";
import { Button } from "@/components/ui/button";
import { auth } from "@/lib/auth";
import { getPublishedEventBySlug } from "@/lib/events/queries";
import { isEventLiked } from "@/lib/likes/queries";

type EventPageProps = { params: Promise<{ slug: string }> };

// generateMetadata and the page ask for the same event: one query per request.
const getEvent = cache(getPublishedEventBySlug);

/** The first paragraph, cut at a word near 160 characters, for search results and link previews. */
function summaryOf(description: string): string {
  const first =
    description
      .split(/\r?\n\s*\r?\n/)[0]
      ?.trim()
      .replace(/\s+/g, " ") ?? "";
  if (first.length <= 160) return first;
  return `${first.slice(0, 157).replace(/\s+\S*$/, "")}…`;
}

export async function generateMetadata({ params }: EventPageProps): Promise<Metadata> {
  const event = await getEvent((await params).slug);
  // The page itself answers 404; metadata thrown from here would replace it with an error shell.
  if (!event) return {};
  const description = summaryOf(event.description);
  return {
    title: event.title,
    description,
    openGraph: {
      title: event.title,
      description,
      type: "website",
      ...(event.imageUrl ? { images: [{ url: event.imageUrl, width: 1200, height: 630 }] } : {}),
    },
  };
}

export default async function EventPage({ params }: EventPageProps) {
  const event = await getEvent((await params).slug);
  if (!event) notFound();
  const [t, session] = await Promise.all([getTranslations("EventPage"), auth()]);
  const liked = await isEventLiked(session?.user?.id, event.id);
  const now = new Date();
  const past = event.endsAt.getTime() <= now.getTime();

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <p>
        <Link href="/events" className="inline-flex min-h-11 items-center gap-1 font-semibold text-indigo-800 hover:underline">
          <span aria-hidden="true">←</span>
          {t("allEvents")}
        </Link>
      </p>

      <article className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem] lg:gap-x-12">
        <header className="flex flex-col gap-4 lg:col-start-1">
          {past ? (
            <p>
              <Badge tone="neutral">{t("past")}</Badge>
            </p>
          ) : null}
          <h1 className="text-3xl font-extrabold tracking-tight text-balance text-zinc-950 sm:text-4xl">{event.title}</h1>
          <p className="text-lg text-zinc-700">{t("organizer", { name: event.organizer.name })}</p>
          <LikeButton
            eventId={event.id}
            eventTitle={event.title}
            liked={liked}
            action={toggleLikeAction}
            returnTo={`/events/${encodeURIComponent(event.slug)}`}
            anchorId="like"
            variant="labelled"
          />
          <EventFacts
            startsAt={event.startsAt}
            endsAt={event.endsAt}
            timeZone={event.timeZone}
            venue={event.venue}
            address={event.address}
            city={event.city}
          />
          {past ? null : (
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
            <img src={event.imageUrl} alt="" width={1200} height={630} decoding="async" className="aspect-[1200/630] w-full object-cover" />
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
          {past ? (
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
