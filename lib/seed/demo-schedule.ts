// Where the demo calendar lands for a given `now`: event times, sale windows and
// publication dates, all as Stockholm wall-clock times turned into UTC.
import type { DemoEvent, DemoTicketType } from "./demo-events";
import { seededRandom } from "./demo-orders";
import { siteTimeZone } from "../i18n/time-zone";
import { addDays, localDate, nextWeekday, weekday, zonedTimeToUtc, type LocalDate } from "./zoned-time";

export const DEMO_TIME_ZONE = siteTimeZone;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Christmas, New Year and Midsummer: nobody would believe a concert was booked then. */
function isHoliday(date: LocalDate): boolean {
  const { month, day } = date;
  if (month === 12 && [24, 25, 26, 31].includes(day)) return true;
  if (month === 1 && day === 1) return true;
  // Midsummer Eve is the Friday between 19 and 25 June, Midsummer Day the Saturday after it.
  const dayOfWeek = weekday(date);
  return month === 6 && ((dayOfWeek === 5 && day >= 19 && day <= 25) || (dayOfWeek === 6 && day >= 20 && day <= 26));
}

export function eventTimes(event: DemoEvent, now: Date): { startsAt: Date; endsAt: Date } {
  let date = addDays(localDate(now, DEMO_TIME_ZONE), event.day);
  if (event.weekday !== undefined) date = nextWeekday(date, event.weekday);
  // A week later keeps the weekday; a past event stays where it was put.
  while (event.day > 0 && isHoliday(date)) date = addDays(date, 7);
  const [hour, minute] = event.startTime.split(":").map(Number);
  const startsAt = zonedTimeToUtc(date, hour, minute, DEMO_TIME_ZONE);
  return { startsAt, endsAt: new Date(startsAt.getTime() + event.durationMinutes * MINUTE) };
}

export type SaleWindow = { salesStartAt: Date | null; salesEndAt: Date | null };

export function saleWindow(type: DemoTicketType, now: Date): SaleWindow {
  const today = localDate(now, DEMO_TIME_ZONE);
  return {
    salesStartAt: type.salesStartDay === undefined ? null : zonedTimeToUtc(addDays(today, type.salesStartDay), 10, 0, DEMO_TIME_ZONE),
    salesEndAt: type.salesEndDay === undefined ? null : zonedTimeToUtc(addDays(today, type.salesEndDay), 23, 59, DEMO_TIME_ZONE),
  };
}

/** Announced one to two months before `now`, unless the event says otherwise. */
export function publicationDate(event: DemoEvent, now: Date): Date {
  const daysAgo = event.publishedDaysAgo ?? 30 + seededRandom(`demo-published:${event.slug}`)() * 30;
  return new Date(now.getTime() - daysAgo * DAY);
}
