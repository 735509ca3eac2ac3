"use server";
// Checks one ticket code in at this event's door. Every role may; the domain function
// checks the membership and the event again and refuses codes of other events.
import { notFound } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireOrganizerEvent } from "@/lib/organizers/access";
import { checkInTicket, type CheckInResult } from "@/lib/organizer-ops/check-in";

export type CheckInFormState = {
  /** Sent back when the code itself may be mistyped; emptied otherwise, for the next guest. */
  code: string;
  status: Exclude<CheckInResult["status"], "not_found">;
  holderName?: string;
  ticketType?: string;
  /** ISO 8601; shown in the event's time zone. */
  checkedInAt?: string;
  timeZone: string;
  /** Tells two identical answers in a row apart, so the announcement is repeated. */
  at: number;
} | null;

export async function checkInAction(organizerId: string, eventId: string, _previous: CheckInFormState, formData: FormData): Promise<CheckInFormState> {
  const path = `/organizer/${organizerId}/events/${eventId}/check-in`;
  const { user, event } = await requireOrganizerEvent(organizerId, eventId, { permission: "checkIn", returnPath: path });
  const code = typeof formData.get("code") === "string" ? String(formData.get("code")).slice(0, 100) : "";
  const result = await checkInTicket({ userId: user.id, organizerId, eventId, code });
  if (result.status === "not_found") notFound();
  if (result.status === "checked_in") revalidatePath(path);
  return {
    code: result.status === "unknown" || result.status === "invalid_code" ? code : "",
    status: result.status,
    holderName: "holderName" in result ? result.holderName : undefined,
    ticketType: "ticketType" in result ? result.ticketType : undefined,
    checkedInAt: "checkedInAt" in result ? result.checkedInAt.toISOString() : undefined,
    timeZone: event.timeZone,
    at: Date.now(),
  };
}
