import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatEventDateRange } from "@/lib/i18n/format";
import { can, requireOrganizerMember } from "@/lib/guards";
import { getOrganizerDashboard, type DashboardEvent } from "@/lib/organizers/queries";

type Props = { params: Promise<{ organizerId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Organizer");
  return { title: t("dashboardHeading"), robots: { index: false } };
}

/** An organizer's events: drafts, upcoming and past, with how much of each is sold. */
export default async function OrganizerDashboardPage({ params }: Props) {
  const { organizerId } = await params;
  const { user, role } = await requireOrganizerMember(organizerId, { permission: "viewEvents", returnPath: `/organizer/${organizerId}` });
  const [t, locale, dashboard] = await Promise.all([
    getTranslations("Organizer"),
    getLocale(),
    getOrganizerDashboard(user.id, organizerId),
  ]);
  if (!dashboard) notFound();
  const groups: [string, DashboardEvent[]][] = [
    [t("upcoming"), dashboard.upcoming],
    [t("drafts"), dashboard.drafts],
    [t("past"), dashboard.past],
  ];
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-8 px-4 py-8 sm:px-6 sm:py-12">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex flex-col gap-1">
          <p className="font-semibold text-zinc-700">{dashboard.organizer.name}</p>
          <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("dashboardHeading")}</h1>
        </div>
        <div className="flex flex-wrap gap-2">
          {can(role, "marketingContacts") ? (
            <Button href={`/organizer/${organizerId}/marketing`} variant="secondary">
              {t("marketingLink")}
            </Button>
          ) : null}
          {can(role, "editEvents") ? (
            <Button href={`/organizer/${organizerId}/settings`} variant="secondary">
              {t("settingsLink")}
            </Button>
          ) : null}
          {can(role, "editEvents") ? <Button href={`/organizer/${organizerId}/events/new`}>{t("createEvent")}</Button> : null}
        </div>
      </div>
      {groups.map(([heading, events]) => (
        <section key={heading} className="flex flex-col gap-3" aria-label={heading}>
          <h2 className="text-xl font-bold text-zinc-950">{heading}</h2>
          {events.length === 0 ? (
            <p className="text-zinc-700">{t("noEvents")}</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {events.map((event) => (
                <Card as="li" key={event.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
                  <div className="flex flex-col gap-1">
                    <Link
                      href={`/organizer/${organizerId}/events/${event.id}`}
                      className="text-lg font-semibold text-indigo-800 underline underline-offset-4"
                    >
                      {event.title}
                    </Link>
                    <p className="text-sm text-zinc-700">
                      {formatEventDateRange(event.startsAt, event.endsAt, locale, event.timeZone)} · {event.venue}, {event.city}
                    </p>
                  </div>
                  <div className="flex items-center gap-3">
                    <span className="text-sm font-semibold text-zinc-900">
                      {t("soldOfCapacity", { sold: event.sold, capacity: event.capacity })}
                    </span>
                    <Badge tone={event.status === "PUBLISHED" ? "success" : event.status === "CANCELLED" ? "danger" : "neutral"}>
                      {t(`status.${event.status}`)}
                    </Badge>
                  </div>
                </Card>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
