// schema.org `Event` data for an event page, in the shape Google's event results read:
// https://developers.google.com/search/docs/appearance/structured-data/event
import { availability } from "@/lib/events/availability";
import type { PublishedEvent } from "@/lib/events/queries";
import { minorUnitDigits } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { absoluteUrl, eventOgImagePath, eventPath, siteOrigin, type OgImageFormat } from "./site-urls";
import { isoInTimeZone } from "./zoned-iso";

export type EventJsonLdInput = PublishedEvent & {
  /** When the event was published; tickets without a sale start are on sale from then. */
  publishedAt?: Date | null;
  /** Cancelled by its organizer: the page stays, saying so, as search engines ask. */
  cancelled?: boolean;
};

type PostalAddress = {
  "@type": "PostalAddress";
  streetAddress?: string;
  addressLocality: string;
  addressCountry?: string;
};

export type EventOffer = {
  "@type": "Offer";
  name: string;
  /** A decimal string in major units ("250.00"), as schema.org recommends over numbers. */
  price: string;
  priceCurrency: string;
  availability: "https://schema.org/InStock" | "https://schema.org/SoldOut";
  validFrom?: string;
  url: string;
};

export type EventJsonLd = {
  "@context": "https://schema.org";
  "@type": "Event";
  name: string;
  description: string;
  url: string;
  startDate: string;
  endDate: string;
  eventStatus: "https://schema.org/EventScheduled" | "https://schema.org/EventCancelled";
  eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode";
  location: { "@type": "Place"; name: string; address: PostalAddress };
  organizer: { "@type": "Organization"; name: string; url?: string };
  image: string[];
  inLanguage: AppLocale;
  offers: EventOffer[];
};

/**
 * The country of an event, known only from its time zone (the database has no country
 * column); left out for a zone not listed rather than guessed.
 */
const countryOfTimeZone: Record<string, string> = {
  "Europe/Stockholm": "SE",
  "Europe/Oslo": "NO",
  "Europe/Copenhagen": "DK",
  "Europe/Helsinki": "FI",
  "Atlantic/Reykjavik": "IS",
};

const GOOGLE_IMAGE_FORMATS: OgImageFormat[] = ["16x9", "4x3", "1x1"];

/** A price in minor units as a decimal string in major units: 25000 SEK → "250.00". */
export function decimalPrice(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const units = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, "0");
  return digits === 0 ? `${sign}${units}` : `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`;
}

/** Plain text of the description: paragraphs joined by a space, whitespace collapsed. */
function plainDescription(description: string): string {
  return description.replace(/\s+/g, " ").trim();
}

/**
 * The event's own picture as an absolute URL when it is one a search engine can fetch (a
 * stored upload or a file of the site, or an address elsewhere), for the `image` list.
 */
function pictureUrl(imageUrl: string | null, origin: string): string | null {
  if (!imageUrl) return null;
  if (/^https?:\/\//i.test(imageUrl)) return imageUrl;
  if (imageUrl.startsWith("/") && !imageUrl.startsWith("//")) return absoluteUrl(imageUrl, origin);
  return null;
}

/**
 * The JSON-LD of one event page in one language. A published event is "scheduled", one its
 * organizer cancelled "cancelled" (and offers nothing); an offer is in stock while its ticket type can be
 * bought or its sale is still to open (`validFrom` says when), sold out when nothing is left
 * or its sale has closed.
 */
export function buildEventJsonLd(
  event: EventJsonLdInput,
  { locale, now = new Date(), origin = siteOrigin() }: { locale: AppLocale; now?: Date; origin?: string },
): EventJsonLd {
  const pageUrl = absoluteUrl(eventPath(event.slug, locale), origin);
  const country = countryOfTimeZone[event.timeZone];
  const picture = pictureUrl(event.imageUrl, origin);
  const address: PostalAddress = {
    "@type": "PostalAddress",
    ...(event.address ? { streetAddress: event.address } : {}),
    addressLocality: event.city,
    ...(country ? { addressCountry: country } : {}),
  };

  const offers = event.ticketTypes.map((type): EventOffer => {
    const { state } = availability(type, event.endsAt, now);
    const inStock = state === "on_sale" || state === "few_left" || state === "not_started";
    const validFrom = type.salesStartAt ?? event.publishedAt ?? null;
    return {
      "@type": "Offer",
      name: type.name,
      price: decimalPrice(type.priceMinor, type.currency),
      priceCurrency: type.currency,
      availability: inStock ? "https://schema.org/InStock" : "https://schema.org/SoldOut",
      ...(validFrom ? { validFrom: isoInTimeZone(validFrom, event.timeZone) } : {}),
      url: pageUrl,
    };
  });

  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: event.title,
    description: plainDescription(event.description),
    url: pageUrl,
    startDate: isoInTimeZone(event.startsAt, event.timeZone),
    endDate: isoInTimeZone(event.endsAt, event.timeZone),
    eventStatus: event.cancelled ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    location: { "@type": "Place", name: event.venue, address },
    organizer: {
      "@type": "Organization",
      name: event.organizer.name,
      ...(event.organizer.website ? { url: event.organizer.website } : {}),
    },
    // Google asks for 16:9, 4:3 and 1:1 pictures; the generated PNGs always exist in those
    // shapes, and the event's own picture (which may be an SVG) comes after them.
    image: [
      ...GOOGLE_IMAGE_FORMATS.map((format) => absoluteUrl(eventOgImagePath(event.slug, locale, format), origin)),
      ...(picture ? [picture] : []),
    ],
    inLanguage: locale,
    offers,
  };
}

/**
 * JSON for the inside of a <script type="application/ld+json">. HTML ends a script at the
 * first "</script" whatever the JSON means, so "<" (and ">" and "&", and the two line
 * separators JavaScript once refused) are written as \u escapes, which JSON reads back as the
 * same characters: a title cannot close the script or open a comment.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
