// What the event form's server action answers: the refused values (to show them again as
// typed) with message keys per field, or a refusal of the publish buttons.
import type { EventFieldErrors, EventFormValues } from "@/lib/organizers/event-form";

export type EventFormState = {
  fieldErrors: EventFieldErrors;
  counts: Partial<Record<string, number>>;
  values: EventFormValues;
} | null;

export type PublishFormState = { error: "needs_ticket_type" | "confirm_unpublish" | "not_allowed" } | null;
