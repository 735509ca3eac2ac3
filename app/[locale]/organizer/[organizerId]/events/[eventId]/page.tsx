import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EventPageHeader } from "@/components/organizer/event-page-header";
import { PublishForm } from "@/components/organizer/publish-form";
import { Card } from "@/components/ui/card";
import { flashMessage } from "@/components/ui/notice";
import { formatEventDateRange, formatPrice } from "@/lib/i18n/format";
import { can, requireOrganizerEvent } from "@/lib/guards";
import { getEventSales } from "@/lib/organizers/queries";
import { setPublishedAction } from "../actions";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TransferSettingsCard } from "@/components/transfers/transfer-settings-card";
import { EventCancellationCard } from "@/components/organizer/event-cancellation-card";

type Props = {
  params: Promise<{ organizerId: string; eventId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OrganizerEvents.tabs");
  return { title: t("overview"), robots: { index: false } };
}

/** One event's sales per ticket type, and publishing. */
export default async function EventOverviewPage({ params, searchParams }: Props) {
  const { organizerId, eventId } = await params;
  const { user, event, role } = await requireOrganizerEvent(organizerId, eventId, {
    permission: "viewEvents",
    returnPath: `/organizer/${organizerId}/events/${eventId}`,
  });
  const [t, locale, sales, query] = await Promise.all([
    getTranslations("OrganizerEvents"),
    getLocale(),
    getEventSales(user.id, organizerId, eventId),
    searchParams,
  ]);
  if (!sales) notFound();
  const notice = flashMessage(query.notice, {
    saved: t("saved"),
    created: t("created"),
    published: t("published"),
    unpublished: t("unpublished"),
    cancelled: (await getTranslations("EventCancellation"))("cancelledNotice"),
  });
  const money = (minor: number) => formatPrice(minor, sales.currency, locale);
  const cell = "px-3 py-2 text-right tabular-nums";
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <EventPageHeader organizer={sales.organizer} event={event} current="overview" role={role} />
      {notice ? (
        <p role="status" className="rounded-lg border border-green-300 bg-green-50 px-4 py-3 font-semibold text-green-900">
          {notice}
        </p>
      ) : null}
      <p className="text-zinc-700">
        {formatEventDateRange(event.startsAt, event.endsAt, locale, event.timeZone)} · {event.venue}, {event.city}
        {event.status === "PUBLISHED" ? (
          <>
            {" · "}
            <Link href={`/events/${event.slug}`} className="text-indigo-800 underline underline-offset-4">
              {t("viewPublic")}
            </Link>
          </>
        ) : null}
      </p>
      <Card as="section" aria-labelledby="sales-heading" className="flex flex-col gap-3 p-4 sm:p-6">
        <h2 id="sales-heading" className="text-xl font-bold text-zinc-950">
          {t("overviewHeading")}
        </h2>
        {sales.rows.length === 0 ? (
          <p className="text-zinc-700">{t("noTicketTypes")}</p>
        ) : (
          <ScrollRegion label={t("overviewHeading")}>
            <table className="w-full min-w-lg border-collapse text-left">
              <thead>
                <tr className="border-b border-zinc-300">
                  <th scope="col" className="px-3 py-2">
                    {t("ticketType")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("sold")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("held")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("left")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("capacity")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("revenue")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {sales.rows.map((row) => (
                  <tr key={row.id} className="border-b border-zinc-200">
                    <th scope="row" className="px-3 py-2 font-semibold">
                      {row.name}
                    </th>
                    <td className={cell}>{row.sold}</td>
                    <td className={cell}>{row.held}</td>
                    <td className={cell}>{row.left}</td>
                    <td className={cell}>{row.capacity}</td>
                    <td className={cell}>{money(row.revenueMinor)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="font-bold">
                  <th scope="row" className="px-3 py-2">
                    {t("total")}
                  </th>
                  <td className={cell}>{sales.totals.sold}</td>
                  <td className={cell}>{sales.totals.held}</td>
                  <td className={cell}>{sales.totals.left}</td>
                  <td className={cell}>{sales.totals.capacity}</td>
                  <td className={cell}>{money(sales.totals.revenueMinor)}</td>
                </tr>
              </tfoot>
            </table>
          </ScrollRegion>
        )}
      </Card>
      {event.status !== "CANCELLED" && can(role, "publishEvents") ? (
        <PublishForm
          action={setPublishedAction.bind(null, { organizerId: sales.organizer.id, eventId: event.id })}
          published={event.status === "PUBLISHED"}
          hasSales={sales.totals.sold + sales.totals.held > 0}
        />
      ) : null}
      <EventCancellationCard
        userId={user.id}
        organizerId={sales.organizer.id}
        event={{ id: event.id, title: event.title, status: event.status, endsAt: event.endsAt, timeZone: event.timeZone }}
        canCancel={can(role, "cancelEvent")}
      />
      {event.status !== "CANCELLED" && can(role, "editEvents") ? (
        <TransferSettingsCard userId={user.id} organizerId={sales.organizer.id} eventId={event.id} />
      ) : null}
    </div>
  );
}
