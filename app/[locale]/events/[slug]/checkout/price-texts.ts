// The prices a checkout form opens with, written by the server. A browser's first Intl currency
// format costs tens of milliseconds (its number data is set up on first use), which a phone would
// spend while the page becomes usable; with these the form formats only what the buyer changes.
import { formatPrice } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locales";

/** Formatted prices by amount and currency ("25000 SEK"), as `priceKey` names them. */
export type PriceTexts = Record<string, string>;

export const priceKey = (minor: number, currency: string): string => `${minor} ${currency.toUpperCase()}`;

type PricedType = { id: string; priceMinor: number; currency: string; maxQuantity: number };

/** The currency the total is shown in: an event's ticket types share one. */
export const totalCurrency = (types: Pick<PricedType, "currency">[]): string => types[0]?.currency ?? "SEK";

/** What the chosen quantities cost together, each capped at what its type still sells. */
export function orderTotalMinor(types: PricedType[], quantities: Record<string, number>): number {
  return types.reduce((sum, type) => sum + Math.min(quantities[type.id] ?? 0, type.maxQuantity) * type.priceMinor, 0);
}

/** Each ticket type's price and the total of the quantities the form starts with. */
export function initialPriceTexts(types: PricedType[], quantities: Record<string, number>, locale: AppLocale | string): PriceTexts {
  const texts: PriceTexts = {};
  const add = (minor: number, currency: string) => {
    texts[priceKey(minor, currency)] ??= formatPrice(minor, currency, locale);
  };
  for (const type of types) add(type.priceMinor, type.currency);
  add(orderTotalMinor(types, quantities), totalCurrency(types));
  return texts;
}
