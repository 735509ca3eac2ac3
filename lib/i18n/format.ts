// Money, dates and event times formatted for a reader's language. Pure functions on top of Intl, so
// pages, server actions and emails all show the same text.
import { defaultLocale, type AppLocale } from "./locales";
import { siteTimeZone } from "./time-zone";

const numberFormats = new Map<string, Intl.NumberFormat>();

function currencyFormat(locale: string, currency: string, whole: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${whole}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
    });
    numberFormats.set(key, format);
  }
  return format;
}

const minorDigits = new Map<string, number>();

/**
 * How many decimal digits a currency's minor unit has (2: 100 öre to the krona; 0 for the yen).
 * Asked once per currency: building an Intl.NumberFormat costs far more than formatting with one,
 * and a browser's checkout form asks on every price it shows.
 */
export function minorUnitDigits(currency: string): number {
  const code = currency.toUpperCase();
  let digits = minorDigits.get(code);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    minorDigits.set(code, digits);
  }
  return digits;
}

/**
 * A price given in minor units (öre for SEK). Whole amounts are shown without decimals
 * ("250 kr", "SEK 250"); others with them ("249,50 kr"). Whether a zero price reads
 * "Gratis" is for the caller to decide with a translation.
 */
export function formatPrice(minor: number, currency: string, locale: AppLocale | string = defaultLocale): string {
  if (!Number.isInteger(minor)) throw new RangeError(`price must be whole minor units, got ${minor}`);
  const code = currency.toUpperCase();
  const digits = minorUnitDigits(code);
  const factor = 10 ** digits;
  const whole = minor % factor === 0;
  return currencyFormat(locale, code, whole).format(minor / factor);
}

type DateInput = Date | string | number;

function toDate(value: DateInput): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${String(value)}`);
  return date;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    dateFormats.set(key, format);
  }
  return format;
}

const dayOptions: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", year: "numeric" };

const hourStyles = new Map<string, "numeric" | "2-digit">();

/** Hours as the locale writes a short time: "07:00" in Swedish, "7:00 AM" in English. */
function timeOptions(locale: string): Intl.DateTimeFormatOptions {
  let hour = hourStyles.get(locale);
  if (!hour) {
    const morning = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: "UTC" }).formatToParts(Date.UTC(2000, 0, 1, 7));
    hour = morning.find((part) => part.type === "hour")?.value.length === 2 ? "2-digit" : "numeric";
    hourStyles.set(locale, hour);
  }
  return { hour, minute: "2-digit" };
}

type DateTimeStyle = Pick<Intl.DateTimeFormatOptions, "dateStyle" | "timeStyle">;

/**
 * A date, or a date and time, in one of Intl's styles ("5 dec. 2026 19:16", "5 December 2026"),
 * in the site's time zone unless another is given (an event's).
 */
export function formatDateTime(date: DateInput, locale: AppLocale | string, style: DateTimeStyle, timeZone: string = siteTimeZone): string {
  return dateTimeFormat(locale, timeZone, style).format(toDate(date));
}

/** The account pages write dates as in Sweden or in Britain (day before month, 24-hour clock). */
export function regionalLocale(locale: AppLocale | string): string {
  return locale === "sv" ? "sv-SE" : "en-GB";
}

/** The day an event happens on, in its own time zone: "lör 28 mars 2026", "Sat, Mar 28, 2026". */
export function formatEventDate(date: DateInput, locale: AppLocale | string = defaultLocale, timeZone: string = siteTimeZone): string {
  return dateTimeFormat(locale, timeZone, dayOptions).format(toDate(date));
}

/** The clock time in the event's time zone: "19:00", "7:00 PM". */
export function formatEventTime(date: DateInput, locale: AppLocale | string = defaultLocale, timeZone: string = siteTimeZone): string {
  return dateTimeFormat(locale, timeZone, timeOptions(locale)).format(toDate(date));
}

/**
 * When an event runs, in its own time zone. The day is written once when start and end fall
 * on the same local day ("lör 28 mars 2026 19:00–22:00"), both days otherwise.
 */
export function formatEventDateRange(
  startsAt: DateInput,
  endsAt: DateInput,
  locale: AppLocale | string = defaultLocale,
  timeZone: string = siteTimeZone,
): string {
  const start = toDate(startsAt);
  const end = toDate(endsAt);
  const format = dateTimeFormat(locale, timeZone, { ...dayOptions, ...timeOptions(locale) });
  // formatRange refuses an end before the start; show the start alone rather than fail a page.
  if (end.getTime() < start.getTime()) return format.format(start);
  return format.formatRange(start, end);
}
