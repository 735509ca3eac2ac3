// A card's expiry as people type it: "09/29", "0929", "09-29", "09 / 29", "09 / 2029". The
// checkout reads it on the server (so the form works without JavaScript), and the browser
// inserts the slash while typing because a phone's numeric keypad has none. No imports: this
// file is part of the checkout's JavaScript.

export type CardExpiry = { month: number; year: number };

// A separator (slash, dash, dot or space, with spaces around it), or none with a two-digit month.
const SEPARATED = /^(\d{1,2})\s*[/\-.\s]\s*(\d{2}|\d{4})$/;
const DIGITS_ONLY = /^(\d{2})(\d{2}|\d{4})$/;

/** The month and four-digit year typed, or null when it is not an expiry at all (month 1–12). */
export function parseCardExpiry(raw: string): CardExpiry | null {
  const text = raw.trim();
  const match = SEPARATED.exec(text) ?? DIGITS_ONLY.exec(text);
  if (!match) return null;
  const month = Number(match[1]);
  const year = match[2].length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  if (month < 1 || month > 12) return null;
  return { month, year };
}

/** Whether the card still works at `now`: it is valid through the last day of its month. */
export function isExpiryInFuture({ month, year }: CardExpiry, now: Date): boolean {
  return Date.UTC(year, month, 1) > now.getTime();
}

/**
 * The field's text after a keystroke that added characters at its end: digits get the slash
 * after the month ("09" → "09/", "0929" → "09/29"), and a month that cannot have a second
 * digit gets its zero ("9" → "09/"). Anything with a separator already is left as typed.
 */
export function formatExpiryAsTyped(value: string): string {
  if (/^[2-9]$/.test(value)) return `0${value}/`;
  // The slash was already there when the buyer typed one out of habit.
  if (/^\d{2}\/\/$/.test(value)) return value.slice(0, -1);
  if (/^\d{2,6}$/.test(value)) return `${value.slice(0, 2)}/${value.slice(2)}`;
  return value;
}
