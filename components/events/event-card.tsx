import { Link } from "@/components/i18n/link";
import { useLocale, useTranslations } from "next-intl";
import { LikeButton, type LikeAction } from "@/components/likes/like-button";
import { Badge } from "@/components/ui/badge";
import { formatEventDateRange, formatPrice } from "@/lib/i18n/format";
import type { UpcomingEvent } from "@/lib/events/queries";

export type EventCardProps = Pick<
  UpcomingEvent,
  "slug" | "title" | "city" | "venue" | "startsAt" | "endsAt" | "timeZone" | "imageUrl" | "organizerName" | "lowestPrice" | "soldOut"
>;

/** The card's heart: whether the visitor likes the event, and the action that changes it. */
export type EventCardLike = { eventId: string; liked: boolean; action: LikeAction; returnTo: string };

/**
 * One event in a list. The title is the link; it stretches over the whole card so the card is
 * one big target, while a screen reader hears the title alone as the link's name. The title is an
 * h3 under the list's h2, or an h2 where the page's h1 is the list's heading. The heart, when
 * given, sits above the stretched link so that it stays a button of its own.
 */
export function EventCard({
  event,
  headingLevel = 3,
  like,
  eagerImage = false,
}: {
  event: EventCardProps;
  headingLevel?: 2 | 3;
  like?: EventCardLike;
  /** A card in view on arrival: its picture is what the page paints largest, so it is not lazy. */
  eagerImage?: boolean;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const t = useTranslations("EventCard");
  const locale = useLocale();
  const when = formatEventDateRange(event.startsAt, event.endsAt, locale, event.timeZone);

  let price: string | null = null;
  if (event.lowestPrice) {
    price =
      event.lowestPrice.minor === 0
        ? t("free")
        : t("fromPrice", { price: formatPrice(event.lowestPrice.minor, event.lowestPrice.currency, locale) });
  }

  return (
    <article className="group relative flex h-full flex-col overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm transition-shadow hover:shadow-md has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-indigo-600">
      <div className="aspect-[16/9] bg-gradient-to-br from-indigo-100 to-zinc-100">
        {event.imageUrl ? (
          // The title right below says what the picture is about, so the picture is decorative.
          // eslint-disable-next-line @next/next/no-img-element -- small SVG/PNG files served as they are
          <img
            src={event.imageUrl}
            alt=""
            width={640}
            height={360}
            loading={eagerImage ? "eager" : "lazy"}
            fetchPriority={eagerImage ? "high" : "auto"}
            decoding="async"
            className="size-full object-cover"
          />
        ) : null}
      </div>
      <div className="flex flex-1 flex-col gap-2 p-4">
        <p className="text-sm font-semibold text-indigo-800">
          <time dateTime={event.startsAt.toISOString()}>{when}</time>
        </p>
        <Heading className="text-lg font-bold leading-snug text-zinc-950">
          <Link
            href={`/events/${encodeURIComponent(event.slug)}`}
            className="no-underline after:absolute after:inset-0 after:content-[''] focus-visible:outline-none group-hover:underline"
          >
            {event.title}
          </Link>
        </Heading>
        <p className="text-zinc-700">{t("place", { venue: event.venue, city: event.city })}</p>
        <p className="text-sm text-zinc-700">{t("organizer", { name: event.organizerName })}</p>
        {event.soldOut || price ? (
          <div className="mt-auto flex items-center gap-2 pt-2">
            {event.soldOut ? <Badge tone="danger">{t("soldOut")}</Badge> : <span className="font-semibold text-zinc-950">{price}</span>}
          </div>
        ) : null}
      </div>
      {/* After the text in reading order, though shown on the picture's corner. */}
      {like ? (
        <div className="absolute top-2 right-2 z-10">
          <LikeButton
            eventId={like.eventId}
            eventTitle={event.title}
            liked={like.liked}
            action={like.action}
            returnTo={like.returnTo}
            anchorId={`like-${event.slug}`}
          />
        </div>
      ) : null}
    </article>
  );
}
