import { Link } from "@/components/i18n/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { EventStatus, OrganizerRole } from "@/lib/db/types";
import { EventTabs, type EventTab } from "./event-tabs";

/** The top of every page of one event: back to the organizer, the title, its status and the tabs. */
export function EventPageHeader(props: {
  organizer: { id: string; name: string };
  event: { id: string; title: string; status: EventStatus };
  current: EventTab;
  role: OrganizerRole;
}) {
  const t = useTranslations("Organizer");
  return (
    <div className="flex flex-col gap-3">
      <Link
        href={`/organizer/${props.organizer.id}`}
        className="self-start text-indigo-800 underline underline-offset-4 hover:text-indigo-950"
      >
        {t("backToDashboard", { name: props.organizer.name })}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{props.event.title}</h1>
        <Badge tone={props.event.status === "PUBLISHED" ? "success" : props.event.status === "CANCELLED" ? "danger" : "neutral"}>
          {t(`status.${props.event.status}`)}
        </Badge>
      </div>
      <EventTabs organizerId={props.organizer.id} eventId={props.event.id} current={props.current} role={props.role} />
    </div>
  );
}
