// Next's metadata for an event page in one language: title and summary, canonical and hreflang
// links, and the link preview (Open Graph, X) with the event's generated 1200×630 picture.
import type { Metadata } from "next";
import type { PublishedEvent } from "@/lib/events/queries";
import type { AppLocale } from "@/lib/i18n/locales";
import { defaultLocale, locales } from "@/lib/i18n/locales";
import { OG_IMAGE_SIZE, absoluteUrl, eventOgImagePath, eventPath, pageAlternates, siteOrigin } from "./site-urls";

/** Open Graph writes a locale as language_TERRITORY. */
export const openGraphLocale: Record<AppLocale, string> = { sv: "sv_SE", en: "en_GB" };

/** The first paragraph, cut at a word near 160 characters: what search results and previews show. */
export function eventSummary(description: string): string {
  const first =
    description
      .split(/\r?\n\s*\r?\n/)[0]
      ?.trim()
      .replace(/\s+/g, " ") ?? "";
  if (first.length <= 160) return first;
  return `${first.slice(0, 157).replace(/\s+\S*$/, "")}…`;
}

export function buildEventMetadata(
  event: Pick<PublishedEvent, "slug" | "title" | "description">,
  { locale, origin = siteOrigin() }: { locale: AppLocale; origin?: string },
): Metadata {
  const description = eventSummary(event.description);
  const url = absoluteUrl(eventPath(event.slug, locale), origin);
  const image = {
    url: absoluteUrl(eventOgImagePath(event.slug, locale), origin),
    ...OG_IMAGE_SIZE,
    alt: event.title,
    type: "image/png",
  };
  return {
    title: event.title,
    description,
    alternates: pageAlternates(eventPath(event.slug, defaultLocale), locale, origin),
    openGraph: {
      type: "website",
      url,
      title: event.title,
      description,
      locale: openGraphLocale[locale],
      alternateLocale: locales.filter((other) => other !== locale).map((other) => openGraphLocale[other]),
      images: [image],
    },
    twitter: {
      card: "summary_large_image",
      title: event.title,
      description,
      images: [{ url: image.url, alt: image.alt, ...OG_IMAGE_SIZE }],
    },
  };
}
