"use server";
// Checks one ticket code in at this event's door. Every role may (roles.ts: checkIn); the
// domain function checks the membership and the event again and refuses codes of other events.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction, type ActionResult, type SharedRefusal } from "@/lib/actions";
import { form } from "@/lib/forms";
import { checkInTicket, type CheckInResult } from "@/lib/organizers/check-in";

type CheckInStatus = Exclude<CheckInResult["status"], "not_found">;
/** What the door's screen shows, for an admitted ticket and a refused one alike. */
type CheckInAnswer = {
  /** Sent back when the code itself may be mistyped; emptied otherwise, for the next guest. */
  code: string;
  status: CheckInStatus;
  holderName?: string;
  ticketType?: string;
  /** ISO 8601; shown in the event's time zone. */
  checkedInAt?: string;
  timeZone: string;
  /** Tells two identical answers in a row apart, so the announcement is repeated. */
  at: number;
};
export type CheckInFormState = ActionResult<CheckInAnswer, Exclude<CheckInStatus, "checked_in">, CheckInAnswer>;

export const checkInAction = memberAction({
  permission: "checkIn",
  event: true,
  returnPath: ({ organizerId, eventId }) => `/organizer/${organizerId}/events/${eventId}/check-in`,
  schema: z.object({ code: form.text(100) }),
  run: async ({ code }, { user, scope, event }): Promise<CheckInFormState | SharedRefusal> => {
    const result = await checkInTicket({ userId: user.id, organizerId: scope.organizerId, eventId: scope.eventId ?? "", code });
    if (result.status === "not_found" || !event) return { ok: false, error: "not_found" };
    const answer: CheckInAnswer = {
      code: result.status === "unknown" || result.status === "invalid_code" ? code : "",
      status: result.status,
      holderName: "holderName" in result ? result.holderName : undefined,
      ticketType: "ticketType" in result ? result.ticketType : undefined,
      checkedInAt: "checkedInAt" in result ? result.checkedInAt.toISOString() : undefined,
      timeZone: event.timeZone,
      at: Date.now(),
    };
    if (result.status !== "checked_in") return { ...answer, ok: false, error: result.status, fieldErrors: {} };
    revalidatePath(`/organizer/${scope.organizerId}/events/${scope.eventId}/check-in`);
    return { ...answer, ok: true };
  },
});
