import { useLocale, useTranslations } from "next-intl";
import { formatEventDateRange } from "@/lib/i18n/format";

export type EventFactsProps = {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venue: string;
  address: string | null;
  city: string;
};

/** When and where an event happens, the time in the event's own time zone. */
export function EventFacts({ startsAt, endsAt, timeZone, venue, address, city }: EventFactsProps) {
  const t = useTranslations("EventPage");
  const locale = useLocale();
  return (
    <dl className="grid gap-3 text-zinc-900 sm:grid-cols-[auto_1fr] sm:gap-x-6">
      <dt className="text-sm font-semibold tracking-wide text-zinc-700 uppercase">{t("when")}</dt>
      <dd className="font-semibold">
        <time dateTime={startsAt.toISOString()}>{formatEventDateRange(startsAt, endsAt, locale, timeZone)}</time>
      </dd>
      <dt className="text-sm font-semibold tracking-wide text-zinc-700 uppercase">{t("where")}</dt>
      <dd>
        <span className="font-semibold">{venue}</span>
        {address ? (
          <>
            <br />
            {address}
          </>
        ) : null}
        <br />
        {city}
      </dd>
    </dl>
  );
}
