import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Availability } from "@/lib/events/availability";
import { formatEventDate, formatEventTime } from "@/lib/i18n/format";

export type AvailabilityStatusProps = {
  availability: Availability;
  salesStartAt: Date | null;
  /** When sales close, if that is before the event ends (see salesCloseAt); null otherwise. */
  salesEndAt: Date | null;
  /** The event's time zone: sale dates are shown in it, like the event's own time. */
  timeZone: string;
  id?: string;
  className?: string;
};

/**
 * What a buyer needs to know about a ticket type's stock and sale window, in a line: "Få kvar ·
 * 4 biljetter kvar", "Slutsålt", "Säljstart …", "Försäljningen har avslutats", or, when plenty
 * is left, only the date sales end if there is one.
 */
export function AvailabilityStatus({ availability, salesStartAt, salesEndAt, timeZone, id, className }: AvailabilityStatusProps) {
  const t = useTranslations("Availability");
  const locale = useLocale();
  const at = (date: Date) => ({
    date: formatEventDate(date, locale, timeZone),
    time: formatEventTime(date, locale, timeZone),
  });

  let content: ReactNode = null;
  switch (availability.state) {
    case "few_left":
      content = (
        <>
          <Badge tone="brand">{t("fewLeft")}</Badge> <span>{t("left", { count: availability.left })}</span>
        </>
      );
      break;
    case "sold_out":
      content = <Badge tone="danger">{t("soldOut")}</Badge>;
      break;
    case "not_started":
      content = salesStartAt ? <Badge tone="neutral">{t("notStarted", at(salesStartAt))}</Badge> : null;
      break;
    case "ended":
      content = <Badge tone="neutral">{t("ended")}</Badge>;
      break;
    case "on_sale":
      content = salesEndAt ? <span>{t("salesEnd", at(salesEndAt))}</span> : null;
      break;
  }
  if (!content) return null;
  return (
    <p id={id} className={className ?? "flex flex-wrap items-center gap-2 text-sm text-zinc-700"}>
      {content}
    </p>
  );
}
