// Likes and unlikes an event for one user. The intent is explicit (not a toggle), so a double
// click or a retried post lands in the same state.
import { db } from "../db/client";
import { hit, type RateLimit } from "../rate-limit";
import type { LikeResult } from "./schemas";
import { isUuid } from "@/lib/ids";

/** Generous for a person, tight enough that a script cannot churn the table. */
export const LIKES_PER_USER: RateLimit = { limit: 60, windowMs: 5 * 60_000 };

export function likeRateLimitKey(userId: string): string {
  return `like:user:${userId}`;
}

async function isLiked(userId: string, eventId: string): Promise<boolean> {
  return (await db.like.count({ where: { userId, eventId } })) > 0;
}

/**
 * Stores (`liked: true`) or removes the user's like of an event. Only published events can be
 * liked; a draft, cancelled or unknown event gives not_found and writes nothing. Unliking works
 * whatever became of the event: it is the user's own row.
 */
export async function setLike({
  userId,
  eventId,
  liked,
  now = new Date(),
}: {
  userId: string;
  eventId: string;
  liked: boolean;
  now?: Date;
}): Promise<LikeResult> {
  if (!isUuid(eventId)) return { ok: false, error: "not_found", liked: false };
  const limit = await hit(likeRateLimitKey(userId), { ...LIKES_PER_USER, now });
  if (!limit.allowed) return { ok: false, error: "rate_limited", liked: await isLiked(userId, eventId) };

  if (!liked) {
    await db.like.deleteMany({ where: { userId, eventId } });
    return { ok: true, liked: false };
  }
  const event = await db.event.findFirst({ where: { id: eventId, status: "PUBLISHED" }, select: { id: true } });
  if (!event) return { ok: false, error: "not_found", liked: false };
  // ON CONFLICT DO NOTHING: two tabs liking at once both succeed, and the first createdAt stays.
  await db.like.createMany({ data: [{ userId, eventId, createdAt: now }], skipDuplicates: true });
  return { ok: true, liked: true };
}
