// The event form: what it posts, how that is checked, and how local times and kronor become
// the database's UTC instants and öre. Error values are message keys of "OrganizerEvents.errors".
import type { ActionResult } from "../action-result";
import { z } from "zod";
import { EVENT_SLUG_MAX_LENGTH, isEventSlug } from "../events/slug";
import { CONTROL_CHARACTERS_ERROR, isSingleLineText, multiLineText, singleLineText } from "../free-text";
import { zonedTimeToUtc, zoneOffsetMs } from "@/lib/seed/zoned-time";
import { isUuid } from "../ids";
import { siteTimeZone } from "../i18n/time-zone";

export const EVENT_TIME_ZONES = [
  "Europe/Stockholm",
  "Europe/Oslo",
  "Europe/Copenhagen",
  "Europe/Helsinki",
  "Europe/London",
  "UTC",
] as const;
export const DEFAULT_TIME_ZONE = siteTimeZone;
/** Rows of ticket types a form may post (existing ones plus empty rows to add new ones). */
export const MAX_TICKET_TYPE_ROWS = 30;

export type TicketTypeFormValues = {
  id: string;
  name: string;
  price: string;
  capacity: string;
  salesStartAt: string;
  salesEndAt: string;
  maxPerOrder: string;
  sortOrder: string;
  remove: boolean;
};

export type EventFormValues = {
  title: string;
  slug: string;
  description: string;
  venue: string;
  address: string;
  city: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  ticketTypes: TicketTypeFormValues[];
};

/** Field name → message key; ticket type fields are named "ticketTypes.<row>.<field>". */
export type EventFieldErrors = Partial<Record<string, string>>;

/** What the event form shows after a refused post: the values as typed, a message key per field. */
export type EventFormState = Extract<
  ActionResult<object, "invalid_form", { fieldErrors: EventFieldErrors; counts: Partial<Record<string, number>>; values: EventFormValues }>,
  { ok: false }
>;

/** What the publish buttons show after a refusal. */
export type PublishFormState = Extract<ActionResult<object, "needs_ticket_type" | "confirm_unpublish" | "not_allowed">, { ok: false }>;

/** The posted form as lib/forms.ts's formFields reads it (ticket type rows have numbered names). */
export type EventFormFields = Record<string, unknown>;

const text = (form: EventFormFields, name: string) => {
  const value = form[name];
  return typeof value === "string" ? value.trim() : "";
};

/** What the form posted, as text, so a refused form can be shown again as it was typed. */
export function readEventForm(form: EventFormFields): EventFormValues {
  const rows = new Set<number>();
  for (const key of Object.keys(form)) {
    const match = /^ticketTypes\.(\d{1,2})\./.exec(key);
    if (match && Number(match[1]) < MAX_TICKET_TYPE_ROWS) rows.add(Number(match[1]));
  }
  const ticketTypes = [...rows]
    .sort((a, b) => a - b)
    .map((row) => {
      const field = (name: string) => text(form, `ticketTypes.${row}.${name}`);
      return {
        id: field("id"),
        name: field("name"),
        price: field("price"),
        capacity: field("capacity"),
        salesStartAt: field("salesStartAt"),
        salesEndAt: field("salesEndAt"),
        maxPerOrder: field("maxPerOrder"),
        sortOrder: field("sortOrder"),
        remove: form[`ticketTypes.${row}.remove`] === "on",
      };
    })
    // A row left entirely empty is a spare "add a ticket type" row, not a ticket type.
    .filter((row) => row.id || row.name || row.price || row.capacity);
  return {
    title: text(form, "title"),
    slug: text(form, "slug").toLowerCase(),
    description: text(form, "description"),
    venue: text(form, "venue"),
    address: text(form, "address"),
    city: text(form, "city"),
    timeZone: text(form, "timeZone") || DEFAULT_TIME_ZONE,
    startsAt: text(form, "startsAt"),
    endsAt: text(form, "endsAt"),
    ticketTypes,
  };
}

/** A URL slug from a title: "Vårkonsert i Örebro" → "varkonsert-i-orebro". */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

const localDateTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-12-01T19:00" on the clocks of `timeZone` → the UTC instant, or null if malformed. */
export function parseLocalDateTime(value: string, timeZone: string): Date | null {
  const match = localDateTime.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return null;
  return zonedTimeToUtc({ year, month, day }, hour, minute, timeZone);
}

/** The instant as the form's datetime-local value on the clocks of `timeZone`. */
export function toLocalDateTime(instant: Date | null, timeZone: string): string {
  if (!instant) return "";
  const shifted = new Date(instant.getTime() + zoneOffsetMs(instant, timeZone));
  return shifted.toISOString().slice(0, 16);
}

/** "249", "249,50" or "249.50" kronor → öre; null if not a non-negative amount with at most two decimals. */
export function parseKronor(value: string): number | null {
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(value.replace(/\s/g, ""));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** Öre → the form's kronor text ("249,50", "250"). */
export function formatKronor(minor: number): string {
  const whole = Math.floor(minor / 100);
  const rest = minor % 100;
  return rest === 0 ? String(whole) : `${whole},${String(rest).padStart(2, "0")}`;
}

const wholeNumber = (value: string, min: number, max: number) => {
  if (!/^\d{1,7}$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
};

export type ParsedTicketType = {
  row: number;
  id: string | null;
  name: string;
  priceMinor: number;
  capacity: number;
  salesStartAt: Date | null;
  salesEndAt: Date | null;
  maxPerOrder: number;
  sortOrder: number;
  remove: boolean;
};

export type ParsedEvent = {
  title: string;
  slug: string | null;
  description: string;
  venue: string;
  address: string | null;
  city: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  ticketTypes: ParsedTicketType[];
};

const eventTextSchema = z.object({
  title: singleLineText().min(1, "required").max(200, "too_long"),
  slug: z
    .string()
    .max(EVENT_SLUG_MAX_LENGTH, "too_long")
    .refine((value) => value === "" || isEventSlug(value), "slug_format"),
  description: multiLineText().min(1, "required").max(10_000, "too_long"),
  venue: singleLineText().min(1, "required").max(200, "too_long"),
  address: singleLineText().max(300, "too_long"),
  city: singleLineText().min(1, "required").max(100, "too_long"),
  timeZone: z.enum(EVENT_TIME_ZONES, { error: "time_zone" }),
});

/**
 * Checks everything that can be checked without the database. The rules that need it
 * (capacity below what is sold, removing a sold type, a taken slug) are in save-event.ts.
 * A sale window must end no later than the event does: selling at the door while it runs is
 * allowed, selling after it is over is not.
 */
export function parseEventForm(values: EventFormValues): { ok: true; data: ParsedEvent } | { ok: false; fieldErrors: EventFieldErrors } {
  const fieldErrors: EventFieldErrors = {};
  const textResult = eventTextSchema.safeParse(values);
  if (!textResult.success) {
    for (const issue of textResult.error.issues) {
      const key = String(issue.path[0]);
      fieldErrors[key] ??= issue.message;
    }
  }
  const timeZone = (EVENT_TIME_ZONES as readonly string[]).includes(values.timeZone) ? values.timeZone : DEFAULT_TIME_ZONE;
  const startsAt = values.startsAt ? parseLocalDateTime(values.startsAt, timeZone) : null;
  const endsAt = values.endsAt ? parseLocalDateTime(values.endsAt, timeZone) : null;
  if (!values.startsAt) fieldErrors.startsAt = "required";
  else if (!startsAt) fieldErrors.startsAt = "date_format";
  if (!values.endsAt) fieldErrors.endsAt = "required";
  else if (!endsAt) fieldErrors.endsAt = "date_format";
  else if (startsAt && endsAt.getTime() <= startsAt.getTime()) fieldErrors.endsAt = "ends_before_start";

  const ticketTypes: ParsedTicketType[] = [];
  const names = new Set<string>();
  values.ticketTypes.forEach((row, index) => {
    const error = (field: string, key: string) => {
      fieldErrors[`ticketTypes.${index}.${field}`] ??= key;
    };
    const id = row.id || null;
    if (id && !isUuid(id)) error("name", "required");
    if (row.remove) {
      if (id)
        ticketTypes.push({
          row: index,
          id,
          name: row.name,
          priceMinor: 0,
          capacity: 0,
          salesStartAt: null,
          salesEndAt: null,
          maxPerOrder: 1,
          sortOrder: 0,
          remove: true,
        });
      return;
    }
    if (!row.name) error("name", "required");
    else if (!isSingleLineText(row.name)) error("name", CONTROL_CHARACTERS_ERROR);
    else if (row.name.length > 100) error("name", "too_long");
    else if (names.has(row.name.toLowerCase())) error("name", "duplicate_name");
    names.add(row.name.toLowerCase());
    const priceMinor = parseKronor(row.price);
    if (!row.price) error("price", "required");
    else if (priceMinor === null) error("price", "price_format");
    const capacity = wholeNumber(row.capacity, 0, 1_000_000);
    if (!row.capacity) error("capacity", "required");
    else if (capacity === null) error("capacity", "whole_number");
    const maxPerOrder = row.maxPerOrder ? wholeNumber(row.maxPerOrder, 1, 100) : 10;
    if (maxPerOrder === null) error("maxPerOrder", "max_per_order");
    const sortOrder = row.sortOrder ? wholeNumber(row.sortOrder, 0, 1000) : index;
    if (sortOrder === null) error("sortOrder", "whole_number");
    const salesStartAt = row.salesStartAt ? parseLocalDateTime(row.salesStartAt, timeZone) : null;
    const salesEndAt = row.salesEndAt ? parseLocalDateTime(row.salesEndAt, timeZone) : null;
    if (row.salesStartAt && !salesStartAt) error("salesStartAt", "date_format");
    if (row.salesEndAt && !salesEndAt) error("salesEndAt", "date_format");
    if (salesStartAt && salesEndAt && salesEndAt.getTime() <= salesStartAt.getTime()) error("salesEndAt", "sale_end_before_start");
    if (endsAt && salesEndAt && salesEndAt.getTime() > endsAt.getTime()) error("salesEndAt", "sale_after_event");
    if (endsAt && salesStartAt && salesStartAt.getTime() >= endsAt.getTime()) error("salesStartAt", "sale_after_event");
    ticketTypes.push({
      row: index,
      id,
      name: row.name,
      priceMinor: priceMinor ?? 0,
      capacity: capacity ?? 0,
      salesStartAt,
      salesEndAt,
      maxPerOrder: maxPerOrder ?? 10,
      sortOrder: sortOrder ?? index,
      remove: false,
    });
  });

  if (Object.keys(fieldErrors).length > 0 || !textResult.success || !startsAt || !endsAt) return { ok: false, fieldErrors };
  const data = textResult.data;
  return {
    ok: true,
    data: {
      title: data.title,
      slug: data.slug || null,
      description: data.description,
      venue: data.venue,
      address: data.address || null,
      city: data.city,
      timeZone: data.timeZone,
      startsAt,
      endsAt,
      ticketTypes,
    },
  };
}
