"use server";
// Server actions of the event pages, bound by the page to their organizer (and event). The
// pipeline checks the member's role first; the lib/organizers function checks the same again
// for the user id and does the work.
import { redirectLocalized } from "@/lib/i18n/server";
import { z } from "zod";
import { after } from "next/server";
import { memberAction, type ActionResult, type SharedRefusal } from "@/lib/actions";
import { cancelEventForMember, type CancelEventFieldErrors, type CancelEventValues } from "@/lib/event-cancellation/cancel-event";
import { runEventCancellations } from "@/lib/event-cancellation/process";
import { eventChanged } from "@/lib/cache/invalidate";
import { form } from "@/lib/forms";
import { readEventForm, type EventFormState, type PublishFormState } from "@/lib/organizers/event-form";
import { saveEventForMember, setEventPublishedForMember } from "@/lib/organizers/save-event";

/** Creates an event (no eventId in the scope) or saves one. */
export const saveEventAction = memberAction({
  permission: "editEvents",
  returnPath: ({ organizerId, eventId }) =>
    eventId ? `/organizer/${organizerId}/events/${eventId}/edit` : `/organizer/${organizerId}/events/new`,
  // Every field as posted: ticket type rows are numbered ("ticketTypes.0.name").
  schema: z.record(z.string(), z.unknown()),
  run: async (fields, { user, scope }): Promise<EventFormState | SharedRefusal> => {
    const values = readEventForm(fields);
    const eventId = scope.eventId ?? null;
    const result = await saveEventForMember({ userId: user.id, organizerId: scope.organizerId, eventId, values });
    if (!result.ok) {
      if (result.error === "not_found") return { ok: false, error: "not_found" };
      // Cancelled since the page was read: the edit page now says so instead of the form.
      if (result.error === "cancelled") return redirectLocalized(`/organizer/${scope.organizerId}/events/${eventId}/edit`);
      return { ok: false, error: "invalid_form", fieldErrors: result.fieldErrors, counts: result.counts ?? {}, values };
    }
    // The event's page and the event list show the change on the next request, this one's too.
    await eventChanged(result.eventId, { previousSlug: result.previousSlug });
    return redirectLocalized(`/organizer/${scope.organizerId}/events/${result.eventId}?notice=${eventId ? "saved" : "created"}`);
  },
});

export const setPublishedAction = memberAction({
  permission: "publishEvents",
  returnPath: ({ organizerId, eventId }) => `/organizer/${organizerId}/events/${eventId}`,
  schema: z.object({ intent: form.text(16), confirmSold: form.checkbox() }),
  run: async ({ intent, confirmSold }, { user, scope }): Promise<PublishFormState | SharedRefusal> => {
    const publish = intent === "publish";
    const result = await setEventPublishedForMember({
      userId: user.id,
      organizerId: scope.organizerId,
      eventId: scope.eventId ?? "",
      publish,
      confirmSold,
    });
    if (!result.ok)
      return result.error === "not_found" ? { ok: false, error: "not_found" } : { ok: false, error: result.error, fieldErrors: {} };
    await eventChanged(scope.eventId ?? "");
    return redirectLocalized(`/organizer/${scope.organizerId}/events/${scope.eventId}?notice=${publish ? "published" : "unpublished"}`);
  },
});

export type CancelEventFormState = ActionResult<
  object,
  "invalid_form" | "already_cancelled" | "already_ended",
  { fieldErrors: CancelEventFieldErrors; values: CancelEventValues }
>;

/**
 * Cancels the event (sales stop at once) and starts refunding its orders: the first batches run
 * in this server after the answer is out, and any worker (`npm run worker`, the housekeeping of
 * every server) carries on from the database, so nothing depends on this process staying up.
 */
export const cancelEventAction = memberAction({
  permission: "cancelEvent",
  returnPath: ({ organizerId, eventId }) => `/organizer/${organizerId}/events/${eventId}`,
  schema: z.object({ message: form.text(10_000), confirmation: form.text(500) }),
  run: async (values, { user, scope }): Promise<CancelEventFormState | SharedRefusal> => {
    const eventId = scope.eventId ?? "";
    const result = await cancelEventForMember({ userId: user.id, organizerId: scope.organizerId, eventId, values });
    if (!result.ok) {
      if (result.error === "not_found") return { ok: false, error: "not_found" };
      if (result.error === "invalid_form") return { ok: false, error: "invalid_form", fieldErrors: result.fieldErrors, values };
      return { ok: false, error: result.error, fieldErrors: {}, values };
    }
    await eventChanged(eventId);
    after(async () => {
      // A few batches here so the first emails leave at once, without tying up this server for a big event.
      await runEventCancellations({ maxBatches: 4 });
      (await import("@/lib/outbox/in-app")).wakeOutboxSender();
    });
    return redirectLocalized(`/organizer/${scope.organizerId}/events/${eventId}?notice=cancelled`);
  },
});
