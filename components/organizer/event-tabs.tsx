import { Link } from "@/components/i18n/link";
import { useTranslations } from "next-intl";
import { classNames } from "@/components/ui/class-names";
import type { OrganizerRole } from "@/lib/db/types";
import { can } from "@/lib/organizers/roles";

export type EventTab = "overview" | "edit" | "attendees" | "messages" | "checkIn";

/**
 * The pages of one event for its organizer that the member's role may open (staff see no edit
 * tab); the current one is marked for screen readers too.
 */
export function EventTabs({
  organizerId,
  eventId,
  current,
  role,
}: {
  organizerId: string;
  eventId: string;
  current: EventTab;
  role: OrganizerRole;
}) {
  const t = useTranslations("OrganizerEvents.tabs");
  const base = `/organizer/${organizerId}/events/${eventId}`;
  const tabs: { id: EventTab; href: string }[] = [
    { id: "overview", href: base },
    ...(can(role, "editEvents") ? [{ id: "edit" as const, href: `${base}/edit` }] : []),
    { id: "attendees", href: `${base}/attendees` },
    { id: "messages", href: `${base}/messages` },
    { id: "checkIn", href: `${base}/check-in` },
  ];
  return (
    <nav aria-label={t("label")} className="-mx-4 overflow-x-auto border-b border-zinc-200 px-4 sm:mx-0 sm:px-0">
      <ul className="flex gap-1">
        {tabs.map((tab) => (
          <li key={tab.id}>
            <Link
              href={tab.href}
              aria-current={tab.id === current ? "page" : undefined}
              className={classNames(
                "inline-flex min-h-11 items-center border-b-2 px-3 font-semibold whitespace-nowrap no-underline",
                tab.id === current ? "border-indigo-700 text-indigo-800" : "border-transparent text-zinc-700 hover:text-zinc-950",
              )}
            >
              {t(tab.id)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
