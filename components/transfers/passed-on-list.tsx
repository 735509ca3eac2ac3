// The tickets a holder passed on: to whom and when, never their codes (those are the new
// holders'). Shown on the order page and under My tickets.
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/i18n/format";

export async function PassedOnList({
  tickets,
  timeZone,
  headingLevel = 2,
}: {
  tickets: { typeName: string; toName: string; passedOnAt: Date | string }[];
  timeZone: string;
  headingLevel?: 2 | 3 | 4;
}) {
  if (tickets.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("Transfers"), getLocale()]);
  const Heading = (["h2", "h3", "h4"] as const)[headingLevel - 2];
  return (
    <section aria-label={t("passedOnHeading")} className="flex flex-col gap-2">
      <Heading className={headingLevel === 2 ? "text-xl font-bold text-zinc-950" : "font-semibold text-zinc-950"}>
        {t("passedOnHeading")}
      </Heading>
      <ul className="flex flex-col gap-1">
        {tickets.map((ticket, index) => (
          <li key={index} className="flex flex-wrap items-center gap-2 text-zinc-800">
            <Badge tone="neutral">{t("passedOnBadge")}</Badge>
            <span>
              {t("passedOnItem", {
                type: ticket.typeName,
                name: ticket.toName,
                date: formatDateTime(new Date(ticket.passedOnAt), locale, { dateStyle: "medium", timeStyle: "short" }, timeZone),
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
