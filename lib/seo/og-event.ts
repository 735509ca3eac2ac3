// What an event's link-preview picture shows, read for app/og/events/[slug]: the published
// event's facts in the reader's language and its own picture's bytes, when it has one we hold.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db/client";
import { isEventSlug } from "@/lib/events/slug";
import { formatEventDateRange } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { messages } from "@/lib/i18n/messages";
import { MEDIA_PATH } from "@/lib/uploads/media-url";
import { getUpload } from "@/lib/uploads/queries";
import type { OgImageInput } from "./og-image";

/** Pictures of the site itself that an event may name (the demo's): a fixed folder, fixed types. */
const PUBLIC_PICTURES = "/images/";
const PICTURE_TYPES = /\.(svg|png|jpe?g|webp)$/i;

/**
 * The bytes of an event's picture: an upload we store (by its id, or by its /media address),
 * or a file under public/images. A picture elsewhere on the web is never fetched: the server
 * would be made to request any address an organizer typed.
 */
async function pictureBytes(imageId: string | null, imageUrl: string | null): Promise<Uint8Array | null> {
  if (imageId) return (await getUpload(imageId))?.data ?? null;
  if (!imageUrl) return null;
  if (imageUrl.startsWith(`${MEDIA_PATH}/`)) return (await getUpload(imageUrl.slice(MEDIA_PATH.length + 1)))?.data ?? null;
  if (imageUrl.startsWith(PUBLIC_PICTURES) && PICTURE_TYPES.test(imageUrl)) {
    const folder = path.join(process.cwd(), "public", "images");
    const file = path.resolve(folder, `.${decodeURIComponent(imageUrl.slice(PUBLIC_PICTURES.length - 1))}`);
    // "/images/../../.env.svg" must not leave the folder.
    if (!file.startsWith(`${folder}${path.sep}`)) return null;
    return readFile(file).catch(() => null);
  }
  return null;
}

export type EventOgImageSource = OgImageInput & {
  /** Changes whenever anything drawn may have changed (the event row's last update). */
  version: string;
};

/** The picture's content for a published event (past ones too: their pages exist), or null. */
export async function getEventOgImageInput(slug: string, locale: AppLocale): Promise<EventOgImageSource | null> {
  if (!isEventSlug(slug)) return null;
  const event = await db.event.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: {
      title: true,
      venue: true,
      city: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      imageId: true,
      imageUrl: true,
      updatedAt: true,
    },
  });
  if (!event) return null;
  return {
    title: event.title,
    when: formatEventDateRange(event.startsAt, event.endsAt, locale, event.timeZone),
    where: `${event.venue}, ${event.city}`,
    brand: messages[locale].Site.name,
    picture: await pictureBytes(event.imageId, event.imageUrl),
    version: event.updatedAt.toISOString(),
  };
}
