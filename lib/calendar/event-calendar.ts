// The event as an iCalendar (.ics) file the buyer adds to their calendar: from the order page,
// a ticket page and the confirmation email. Times are written in the event's own time zone
// with its VTIMEZONE rules, so a calendar elsewhere in the world still shows the right hour.
import { TZDate } from "@date-fns/tz";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalCalendarMethod } from "ical-generator";
import { createTranslator } from "next-intl";
import { env } from "../env";
import type { AppLocale } from "../i18n/locales";
import { messages } from "../i18n/messages";

export type CalendarEventInput = {
  orderNumber: string;
  organizerName?: string | null;
  event: {
    title: string;
    venue: string;
    address?: string | null;
    city: string;
    /** ISO 8601 UTC, or a Date. */
    startsAt: string | Date;
    endsAt: string | Date;
    /** IANA zone the event happens in. */
    timeZone: string;
  };
  /** Where the buyer finds the tickets: the order's signed link, or the account's ticket page (absolute). */
  link: string;
};

export type CalendarFile = { filename: string; body: string };

/**
 * One calendar entry per order: the same UID from every place the file is offered, so adding
 * it twice (from the email, then from a ticket page) updates the entry instead of doubling it.
 */
function calendarUid(orderNumber: string): string {
  return `order-${orderNumber}@${new URL(env().SITE_URL).hostname}`;
}

/** The event as an .ics file in `locale`: title, place and address, times in the event's zone, and the link. */
export function eventCalendarFile(locale: AppLocale, input: CalendarEventInput): CalendarFile {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "Wallet.calendar" });
  const { event } = input;
  const timeZone = event.timeZone;
  const place = [event.venue.trim(), event.address?.trim(), event.city.trim()].filter(Boolean).join(", ");
  const organizer = input.organizerName?.trim();
  const description = [
    t("orderLine", { number: input.orderNumber }),
    organizer ? t("organizerLine", { organizer }) : null,
    t("linkLine", { link: input.link }),
  ]
    .filter(Boolean)
    .join("\n");

  const calendar = ical({
    prodId: { company: "biljett", product: "tickets", language: locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    name: event.title,
    // getVtimezoneComponent returns null for an unknown zone; the entry then still has TZID.
    // No calendar-wide zone: with one, the library would write DTSTAMP in it instead of UTC.
    // The event carries its own zone, and the generator adds that zone's VTIMEZONE rules.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  calendar.createEvent({
    id: calendarUid(input.orderNumber),
    // TZDate reads its wall-clock fields in the event's zone, whatever the server's own zone is.
    start: new TZDate(new Date(event.startsAt).getTime(), timeZone),
    end: new TZDate(new Date(event.endsAt).getTime(), timeZone),
    timezone: timeZone,
    stamp: new Date(),
    summary: event.title,
    location: place,
    description,
    url: input.link,
  });
  return { filename: t("filename", { number: input.orderNumber }), body: calendar.toString() };
}

/** Headers of a calendar download: it carries the order's link, so never kept by a shared cache. */
export function calendarResponseHeaders(file: CalendarFile): Record<string, string> {
  const ascii = file.filename.replace(/[^\w.-]/g, "_");
  return {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
}
