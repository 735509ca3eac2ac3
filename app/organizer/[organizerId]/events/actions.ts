"use server";
// Server actions of the event pages. Each one checks membership itself with the ids it was
// given (a changed id finds nothing and answers 404), then calls one function of
// lib/organizers that checks the same again for the user id and does the work.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { requireOrganizerMember } from "@/lib/organizers/access";
import { readEventForm } from "@/lib/organizers/event-form";
import { saveEventForMember, setEventPublishedForMember } from "@/lib/organizers/save-event";
import type { EventFormState, PublishFormState } from "./form-state";

export async function saveEventAction(organizerId: string, eventId: string | null, _previous: EventFormState, formData: FormData): Promise<EventFormState> {
  const returnPath = eventId ? `/organizer/${organizerId}/events/${eventId}/edit` : `/organizer/${organizerId}/events/new`;
  const { user } = await requireOrganizerMember(organizerId, { permission: "editEvents", returnPath });
  const values = readEventForm(formData);
  const result = await saveEventForMember({ userId: user.id, organizerId, eventId, values });
  if (!result.ok && result.error === "not_found") notFound();
  if (!result.ok) return { fieldErrors: result.fieldErrors, counts: result.counts ?? {}, values };
  revalidatePath("/events");
  redirect(`/organizer/${organizerId}/events/${result.eventId}?notice=${eventId ? "saved" : "created"}`);
}

export async function setPublishedAction(organizerId: string, eventId: string, _previous: PublishFormState, formData: FormData): Promise<PublishFormState> {
  const { user } = await requireOrganizerMember(organizerId, { permission: "publishEvents", returnPath: `/organizer/${organizerId}/events/${eventId}` });
  const publish = formData.get("intent") === "publish";
  const result = await setEventPublishedForMember({ userId: user.id, organizerId, eventId, publish, confirmSold: formData.get("confirmSold") === "on" });
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return { error: result.error };
  }
  revalidatePath("/events");
  redirect(`/organizer/${organizerId}/events/${eventId}?notice=${publish ? "published" : "unpublished"}`);
}
