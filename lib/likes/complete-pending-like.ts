// Finishes a like asked for before signing in, once the visitor is signed in.
import { readPendingLike } from "./pending-like";
import { getLikeableEvent } from "./queries";
import { setLike } from "./set-like";

export type PendingLikeOutcome = {
  /** Whether the like was stored now. */
  saved: boolean;
  /** The event page to go on to, when the link names a published event. */
  slug: string | null;
  /** Whether the cookie is spent (used, forged or expired) and should be removed. */
  clearCookie: boolean;
};

/**
 * Stores the like only when the cookie is genuine, unexpired and names the same event as the
 * link: the link comes from a URL anyone could send, the cookie only from pressing the heart.
 */
export async function completePendingLike({
  userId,
  slug,
  cookieValue,
  now = new Date(),
}: {
  userId: string;
  slug: string | null | undefined;
  cookieValue: string | null | undefined;
  now?: Date;
}): Promise<PendingLikeOutcome> {
  const event = slug ? await getLikeableEvent({ slug }) : null;
  const pending = readPendingLike(cookieValue, { now });
  if (!event) return { saved: false, slug: null, clearCookie: cookieValue != null && pending === null };
  // A genuine cookie for another event is kept: that like is still waiting for its own link.
  if (!pending || pending.eventId !== event.id)
    return { saved: false, slug: event.slug, clearCookie: cookieValue != null && pending === null };
  const result = await setLike({ userId, eventId: event.id, liked: true, now });
  return { saved: result.ok && result.liked, slug: event.slug, clearCookie: true };
}
