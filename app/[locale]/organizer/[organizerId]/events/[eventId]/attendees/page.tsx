import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EventPageHeader } from "@/components/organizer/event-page-header";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/input";
import { formatEventDate, formatEventTime } from "@/lib/i18n/format";
import { asLocale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { can, requireOrganizerEvent } from "@/lib/guards";
import { listAttendees } from "@/lib/organizers/queries";
import { ScrollRegion } from "@/components/ui/scroll-region";

type Props = {
  params: Promise<{ organizerId: string; eventId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OrganizerAttendees");
  return { title: t("heading"), robots: { index: false } };
}

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

/** One row per ticket, searchable with a plain GET form, fifty to a page. */
export default async function AttendeesPage({ params, searchParams }: Props) {
  const { organizerId, eventId } = await params;
  const base = `/organizer/${organizerId}/events/${eventId}/attendees`;
  const { user, event, organizer, role } = await requireOrganizerEvent(organizerId, eventId, {
    permission: "viewAttendees",
    returnPath: base,
  });
  const search = await searchParams;
  const query = single(search.q).trim().slice(0, 200);
  const [t, locale, list] = await Promise.all([
    getTranslations("OrganizerAttendees"),
    getLocale(),
    listAttendees(user.id, organizerId, eventId, { query, page: Number(single(search.page)) || 1 }),
  ]);
  if (!list) notFound();
  const pageHref = (page: number) => `${base}?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(page) })}`;
  // A plain link (a download), so in the page's language by hand: the CSV's headings follow it.
  const exportHref = localizePath(`${base}/export${query ? `?${new URLSearchParams({ q: query })}` : ""}`, asLocale(locale));
  const when = (date: Date) => `${formatEventDate(date, locale, event.timeZone)} ${formatEventTime(date, locale, event.timeZone)}`;
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <EventPageHeader organizer={organizer} event={event} current="attendees" role={role} />
      <form method="get" action={localizePath(base, asLocale(locale))} role="search" className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-64 flex-1 flex-col gap-1.5">
          <label htmlFor="attendee-search" className="text-sm font-semibold text-zinc-900">
            {t("searchLabel")}
          </label>
          <input id="attendee-search" name="q" type="search" defaultValue={query} className={inputClasses} />
        </div>
        <Button type="submit">{t("search")}</Button>
        {query ? (
          <Button href={base} variant="ghost">
            {t("clear")}
          </Button>
        ) : null}
      </form>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" className="font-semibold text-zinc-900">
          {t("count", { count: list.total })}
        </p>
        {/* A download, not a page: a plain link so the browser saves the file (owners and admins only). */}
        {can(role, "exportAttendees") ? (
          <a
            href={exportHref}
            download
            className="inline-flex min-h-11 items-center font-semibold text-indigo-800 underline underline-offset-4"
          >
            {t("export")}
          </a>
        ) : null}
      </div>
      {list.attendees.length > 0 ? (
        <ScrollRegion label={t("heading")}>
          <table className="w-full min-w-3xl border-collapse text-left">
            <thead>
              <tr className="border-b border-zinc-300">
                <th scope="col" className="px-3 py-2">
                  {t("name")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("email")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("ticketType")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("order")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("orderedAt")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("checkedIn")}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.attendees.map((row) => (
                <tr key={row.ticketId} className="border-b border-zinc-200">
                  <th scope="row" className="px-3 py-2 font-semibold">
                    {row.holderName}
                  </th>
                  <td className="px-3 py-2 break-all">{row.holderEmail}</td>
                  <td className="px-3 py-2">{row.ticketTypeName}</td>
                  <td className="px-3 py-2">
                    <Link
                      href={`/organizer/${organizer.id}/orders/${row.orderId}`}
                      className="text-indigo-800 underline underline-offset-4"
                    >
                      {row.orderNumber}
                    </Link>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{when(row.orderedAt)}</td>
                  <td className="px-3 py-2">{row.checkedInAt ? `${t("yes")} · ${when(row.checkedInAt)}` : t("no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {list.pageCount > 1 ? (
        <nav aria-label={t("pagination")} className="flex items-center gap-3">
          {list.page > 1 ? (
            <Button href={pageHref(list.page - 1)} variant="secondary">
              {t("previous")}
            </Button>
          ) : null}
          <span className="text-zinc-700">{t("pageOf", { page: list.page, pageCount: list.pageCount })}</span>
          {list.page < list.pageCount ? (
            <Button href={pageHref(list.page + 1)} variant="secondary">
              {t("next")}
            </Button>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
