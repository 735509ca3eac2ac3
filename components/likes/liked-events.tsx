import { Link } from "@/components/i18n/link";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { formatEventDateRange } from "@/lib/i18n/format";
import type { LikedEvent } from "@/lib/likes/queries";
import type { LikeAction } from "./like-button";
import { LikedEventItem } from "./liked-event-item";

const HEADING_ID = "liked-not-bought";

/** "Liked, not bought yet": each event with a link and an unlike button, or a way to find some. */
export function LikedEvents({ events, action }: { events: LikedEvent[]; action: LikeAction }) {
  const t = useTranslations("LikedPage");
  const locale = useLocale();
  return (
    <section aria-labelledby={HEADING_ID} className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        {/* Focus lands here when a row's button disappears with its row. */}
        <h2 id={HEADING_ID} tabIndex={-1} className="text-xl font-bold text-zinc-950 focus:outline-none">
          {t("notBoughtHeading")}
        </h2>
        <p className="text-zinc-700">{t("notBoughtIntro")}</p>
      </div>
      {events.length === 0 ? (
        <div className="flex flex-col items-start gap-3 rounded-2xl border border-dashed border-zinc-400 bg-zinc-50 px-6 py-8">
          <p className="text-lg font-bold text-zinc-950">{t("emptyHeading")}</p>
          <p className="text-zinc-700">{t("emptyBody")}</p>
          <Button href="/events" variant="secondary">
            {t("emptyLink")}
          </Button>
        </div>
      ) : (
        <ul className="flex flex-col gap-3">
          {events.map((event) => (
            <LikedEventItem
              key={event.id}
              eventId={event.id}
              eventTitle={event.title}
              action={action}
              returnTo="/account/liked"
              focusAfterRemoval={HEADING_ID}
            >
              <div className="flex flex-col gap-1">
                <p className="text-sm font-semibold text-indigo-800">
                  <time dateTime={event.startsAt.toISOString()}>
                    {formatEventDateRange(event.startsAt, event.endsAt, locale, event.timeZone)}
                  </time>
                </p>
                <h3 className="text-lg font-bold leading-snug">
                  <Link href={`/events/${encodeURIComponent(event.slug)}`} className="text-zinc-950 underline-offset-4 hover:underline">
                    {event.title}
                  </Link>
                </h3>
                <p className="text-zinc-700">{t("place", { venue: event.venue, city: event.city })}</p>
              </div>
            </LikedEventItem>
          ))}
        </ul>
      )}
    </section>
  );
}
