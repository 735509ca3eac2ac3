// The rows of the organizer's CSV files; the route handlers add the translated headings.
import type { CsvCell } from "@/lib/csv";
import { toLocalDateTime } from "./event-form";
import type { AttendeeRow, MarketingContact } from "./queries";
import { siteTimeZone } from "../i18n/time-zone";

/** "2026-12-01 19:00" on the clocks of `timeZone`: sorts as text, and Excel reads it as a date. */
export function csvDateTime(instant: Date | null, timeZone: string): string {
  return instant ? toLocalDateTime(instant, timeZone).replace("T", " ") : "";
}

export type AttendeeCsvHeadings = [string, string, string, string, string, string, string];

export function attendeeCsvRows(headings: AttendeeCsvHeadings, attendees: readonly AttendeeRow[], timeZone: string): CsvCell[][] {
  return [
    headings,
    ...attendees.map((row) => [
      row.holderName,
      row.holderEmail,
      row.ticketTypeName,
      row.orderNumber,
      csvDateTime(row.orderedAt, timeZone),
      row.code,
      csvDateTime(row.checkedInAt, timeZone),
    ]),
  ];
}

export type MarketingCsvHeadings = [string, string, string, string];

export function marketingCsvRows(
  headings: MarketingCsvHeadings,
  contacts: readonly MarketingContact[],
  timeZone = siteTimeZone,
): CsvCell[][] {
  return [
    headings,
    ...contacts.map((contact) => [contact.email, contact.name ?? "", csvDateTime(contact.givenAt, timeZone), contact.source]),
  ];
}
