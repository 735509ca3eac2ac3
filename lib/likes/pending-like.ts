// A like asked for before signing in: a short-lived cookie naming the event, signed with an
// HMAC so that only this site can have set it. /likes/complete saves the like only when the
// cookie names the event in its link, so a crafted link alone cannot make anyone like anything.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env";
import { isUuid } from "@/lib/ids";

export const PENDING_LIKE_COOKIE = "pending-like";
/** Time enough to find the sign-in email, and short enough not to linger. */
export const PENDING_LIKE_MAX_AGE_S = 60 * 60;
/** The cookie goes only to the route that completes the like. */
export const PENDING_LIKE_COOKIE_PATH = "/";

function mac(eventId: string, expiresAtMs: number, secret: string): string {
  return createHmac("sha256", secret).update(`pending-like\n${eventId}\n${expiresAtMs}`).digest("base64url");
}

export function signPendingLike(
  eventId: string,
  { now = new Date(), secret = env().AUTH_SECRET }: { now?: Date; secret?: string } = {},
): string {
  const expiresAtMs = now.getTime() + PENDING_LIKE_MAX_AGE_S * 1000;
  return `${eventId}.${expiresAtMs}.${mac(eventId, expiresAtMs, secret)}`;
}

/** The event a cookie names, or null when it is malformed, forged or expired. */
export function readPendingLike(
  value: string | null | undefined,
  { now = new Date(), secret = env().AUTH_SECRET }: { now?: Date; secret?: string } = {},
): { eventId: string } | null {
  const [eventId, expires, signature, ...rest] = (value ?? "").split(".");
  if (rest.length > 0 || !eventId || !isUuid(eventId) || !/^\d{1,15}$/.test(expires ?? "") || !signature) return null;
  const expiresAtMs = Number(expires);
  if (expiresAtMs <= now.getTime()) return null;
  const expected = Buffer.from(mac(eventId, expiresAtMs, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { eventId };
}

/** The path signing in returns to: it completes the like of this event. */
export function pendingLikeCompletionPath(slug: string): string {
  return `/likes/complete?${new URLSearchParams({ event: slug }).toString()}`;
}
