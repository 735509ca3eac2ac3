import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EventForm } from "@/components/organizer/event-form";
import { EventPageHeader } from "@/components/organizer/event-page-header";
import { requireOrganizerEvent } from "@/lib/guards";
import { getEventForEditing } from "@/lib/organizers/queries";
import { saveEventAction } from "../../actions";
import { RefundPolicySection } from "@/components/refunds/refund-policy-section";
import { can } from "@/lib/organizers/roles";
import { Card } from "@/components/ui/card";

type Props = { params: Promise<{ organizerId: string; eventId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OrganizerEvents.tabs");
  return { title: t("edit"), robots: { index: false } };
}

export default async function EditEventPage({ params }: Props) {
  const { organizerId, eventId } = await params;
  const { user, role } = await requireOrganizerEvent(organizerId, eventId, {
    permission: "editEvents",
    returnPath: `/organizer/${organizerId}/events/${eventId}/edit`,
  });
  const editing = await getEventForEditing(user.id, organizerId, eventId);
  if (!editing) notFound();
  if (editing.event.status === "CANCELLED") {
    // Its page, its emails and its refunds stand as they were (save-event.ts refuses too).
    const t = await getTranslations("OrganizerEvents");
    return (
      <div className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-12">
        <EventPageHeader organizer={editing.organizer} event={editing.event} current="edit" role={role} />
        <Card className="p-4 sm:p-6">
          <p className="text-zinc-800">{t("cancelledNoEdit")}</p>
        </Card>
      </div>
    );
  }
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <EventPageHeader organizer={editing.organizer} event={editing.event} current="edit" role={role} />
      <EventForm
        action={saveEventAction.bind(null, { organizerId: editing.organizer.id, eventId: editing.event.id })}
        initial={editing.values}
        locked={editing.locked}
        mode="save"
      />
      {can(role, "setRefundPolicy") ? (
        <RefundPolicySection userId={user.id} organizerId={editing.organizer.id} eventId={editing.event.id} />
      ) : null}
    </div>
  );
}
