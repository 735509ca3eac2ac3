import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { getTranslations } from "next-intl/server";
import { EventForm } from "@/components/organizer/event-form";
import { requireOrganizerMember } from "@/lib/guards";
import { DEFAULT_TIME_ZONE } from "@/lib/organizers/event-form";
import { saveEventAction } from "../actions";

type Props = { params: Promise<{ organizerId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OrganizerEvents");
  return { title: t("newHeading"), robots: { index: false } };
}

export default async function NewEventPage({ params }: Props) {
  const { organizerId } = await params;
  const { organizer } = await requireOrganizerMember(organizerId, {
    permission: "editEvents",
    returnPath: `/organizer/${organizerId}/events/new`,
  });
  const [t, organizerT] = await Promise.all([getTranslations("OrganizerEvents"), getTranslations("Organizer")]);
  const initial = {
    title: "",
    slug: "",
    description: "",
    venue: "",
    address: "",
    city: "",
    timeZone: DEFAULT_TIME_ZONE,
    startsAt: "",
    endsAt: "",
    ticketTypes: [],
  };
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <Link href={`/organizer/${organizer.id}`} className="self-start text-indigo-800 underline underline-offset-4 hover:text-indigo-950">
        {organizerT("backToDashboard", { name: organizer.name })}
      </Link>
      <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("newHeading")}</h1>
      <EventForm action={saveEventAction.bind(null, { organizerId: organizer.id })} initial={initial} locked={{}} mode="create" />
    </div>
  );
}
