// Reads of likes, shaped for the pages that show hearts and the liked list.
import "server-only";
import { isEventSlug } from "../events/slug";
import { db } from "../db/client";
import { findHolder, orderHeldBySql } from "../ownership/holdings";
import { isUuid } from "../ids";

/**
 * Which of `eventIds` the user likes, in one query for a whole page of cards. An empty list
 * (a signed-out visitor, or no events) asks the database nothing.
 */
export async function listLikedEventIds(userId: string | null | undefined, eventIds: readonly string[]): Promise<string[]> {
  if (!userId || eventIds.length === 0) return [];
  const rows = await db.like.findMany({ where: { userId, eventId: { in: [...eventIds] } }, select: { eventId: true } });
  return rows.map((row) => row.eventId);
}

/** Every event the user has liked, newest first, up to `limit`: the hearts of any page come from it. */
export async function listAllLikedEventIds(userId: string, limit = 1_000): Promise<string[]> {
  const rows = await db.like.findMany({ where: { userId }, select: { eventId: true }, orderBy: { createdAt: "desc" }, take: limit });
  return rows.map((row) => row.eventId);
}

export async function isEventLiked(userId: string | null | undefined, eventId: string): Promise<boolean> {
  if (!userId) return false;
  return (await db.like.count({ where: { userId, eventId } })) > 0;
}

/** A published event by id or slug, as much as liking it needs; null for drafts and unknown ones. */
export async function getLikeableEvent(where: { id: string } | { slug: string }): Promise<{ id: string; slug: string } | null> {
  if ("id" in where && !isUuid(where.id)) return null;
  if ("slug" in where && !isEventSlug(where.slug)) return null;
  return db.event.findFirst({ where: { ...where, status: "PUBLISHED" }, select: { id: true, slug: true } });
}

export type LikedEvent = {
  id: string;
  slug: string;
  title: string;
  venue: string;
  city: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  imageUrl: string | null;
  organizerName: string;
};

/**
 * "Liked, not bought yet": the user's liked events that are published and not over, for which
 * they hold no paid order (lib/ownership/holdings.ts: their account's orders, and orders
 * without an account placed with their address; never another account's), soonest first.
 */
export async function listLikedNotBought(userId: string, now = new Date()): Promise<LikedEvent[]> {
  const holder = await findHolder(userId);
  if (!holder) return [];
  const bought = await db.$queryRaw<{ eventId: string }[]>`
    SELECT DISTINCT o."eventId"::text AS "eventId" FROM "Order" o
    JOIN "Like" l ON l."eventId" = o."eventId" AND l."userId" = ${holder.userId}::uuid
    WHERE ${orderHeldBySql(holder, "o", ["PAID"])}`;
  const rows = await db.like.findMany({
    where: {
      userId,
      eventId: { notIn: bought.map((row) => row.eventId) },
      event: { status: "PUBLISHED", endsAt: { gt: now } },
    },
    // The event id breaks ties between events starting together, so the order is stable.
    orderBy: [{ event: { startsAt: "asc" } }, { eventId: "asc" }],
    select: {
      event: {
        select: {
          id: true,
          slug: true,
          title: true,
          venue: true,
          city: true,
          startsAt: true,
          endsAt: true,
          timeZone: true,
          imageUrl: true,
          organizer: { select: { name: true } },
        },
      },
    },
  });
  return rows.map(({ event: { organizer, ...event } }) => ({ ...event, organizerName: organizer.name }));
}
