import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { requireOrganizerEvent } from "@/lib/guards";
import { getCheckInOverview } from "@/lib/organizers/check-in";
import { checkInAction } from "./actions";
import { CheckInForm } from "./check-in-form";

type Props = { params: Promise<{ organizerId: string; eventId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("CheckIn");
  return { title: t("title"), robots: { index: false } };
}

export const dynamic = "force-dynamic";

export default async function CheckInPage({ params }: Props) {
  const { organizerId, eventId } = await params;
  const path = `/organizer/${organizerId}/events/${eventId}/check-in`;
  const { user } = await requireOrganizerEvent(organizerId, eventId, { permission: "checkIn", returnPath: path });
  const overview = await getCheckInOverview(user.id, organizerId, eventId);
  if (!overview) notFound();
  const t = await getTranslations("CheckIn");

  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <div className="flex flex-col gap-2">
        <Link
          href={`/organizer/${organizerId}/events/${eventId}`}
          className="self-start text-indigo-800 underline underline-offset-4 hover:text-indigo-950"
        >
          {t("backToEvent")}
        </Link>
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading", { title: overview.event.title })}</h1>
        <p className="text-xl font-semibold text-zinc-900">{t("counts", { checkedIn: overview.checkedIn, total: overview.total })}</p>
      </div>
      <Card className="p-4 sm:p-6">
        {/* Bound here, not in the client component: see tests/components/server-action-binding.test.ts. */}
        <CheckInForm action={checkInAction.bind(null, { organizerId, eventId })} />
      </Card>
    </div>
  );
}
