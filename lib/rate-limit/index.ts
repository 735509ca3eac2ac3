// Fixed-window rate limits kept in the database (RateLimitBucket), so every app server behind
// a load balancer counts the same attempts.
import { createHash } from "node:crypto";
import { normaliseEmail } from "../accounts/email-address";
import { db } from "../db/client";
import { env } from "../env";

export type RateLimit = { limit: number; windowMs: number };
export type RateLimitResult = { allowed: boolean; retryAfterMs: number; remaining: number };

/**
 * Counts one attempt against `key` and says whether it is within `limit` per `windowMs`.
 *
 * One INSERT … ON CONFLICT DO UPDATE … RETURNING: PostgreSQL locks the bucket's row for the
 * update, so concurrent hits on the same key are serialised and each sees its own count; no
 * read-then-write race. A bucket whose window has ended starts over at 1.
 */
export async function hit(key: string, { limit, windowMs, now = new Date() }: RateLimit & { now?: Date }): Promise<RateLimitResult> {
  const resetAt = new Date(now.getTime() + windowMs);
  const [bucket] = await db.$queryRaw<{ count: number; resetAt: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "resetAt")
    VALUES (${key}, 1, ${resetAt}::timestamptz)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."resetAt" <= ${now}::timestamptz THEN 1
                     ELSE LEAST("RateLimitBucket"."count" + 1, 2147483647) END,
      "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= ${now}::timestamptz THEN EXCLUDED."resetAt"
                       ELSE "RateLimitBucket"."resetAt" END
    RETURNING "count", "resetAt"`;
  const count = Number(bucket.count);
  const allowed = count <= limit;
  return {
    allowed,
    retryAfterMs: allowed ? 0 : Math.max(0, new Date(bucket.resetAt).getTime() - now.getTime()),
    remaining: Math.max(0, limit - count),
  };
}

/** Whether `key` has used up `limit` in its current window, without counting an attempt. */
export async function isLimited(key: string, limit: number, now = new Date()): Promise<boolean> {
  const bucket = await db.rateLimitBucket.findUnique({ where: { key }, select: { count: true, resetAt: true } });
  return bucket !== null && bucket.resetAt > now && bucket.count >= limit;
}

/** Takes back one attempt counted against `key` in its current window (it turned out not to be a failure). */
export async function refundHit(key: string, now = new Date()): Promise<void> {
  await db.rateLimitBucket.updateMany({ where: { key, resetAt: { gt: now }, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

/** Forgets every attempt counted against `key` (say, after a successful sign-in). */
export async function resetRateLimit(key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}

/** Removes buckets whose window has ended; they would start over anyway. */
export async function deleteExpiredRateLimits(now = new Date()): Promise<number> {
  const { count } = await db.rateLimitBucket.deleteMany({ where: { resetAt: { lte: now } } });
  return count;
}

// Keys carry a hash, not the address itself: the table needs to tell attempts apart, not
// to know who made them.
function digest(value: string): string {
  return createHash("sha256").update(value).digest("base64url").slice(0, 32);
}

/** The key for attempts on one email address, in any spelling of it. */
export function emailRateLimitKey(action: string, email: string): string {
  return `${action}:email:${digest(normaliseEmail(email))}`;
}

/**
 * The key for attempts on one email address from one client address: what one attacker (or the
 * owner at one device) can do to one account, without touching anyone else's count.
 */
export function emailAndClientRateLimitKey(action: string, email: string, address: string): string {
  return `${action}:email-client:${digest(`${normaliseEmail(email)}\n${clientAddressPrefix(address)}`)}`;
}

/**
 * The key for attempts from one client address. IPv6 clients get a whole /64 per household,
 * so they are counted by that prefix rather than by the address they can rotate freely.
 */
export function clientRateLimitKey(action: string, address: string): string {
  return `${action}:client:${digest(clientAddressPrefix(address))}`;
}

function clientAddressPrefix(address: string): string {
  const trimmed = address
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  const mappedV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(trimmed);
  if (mappedV4) return mappedV4[1];
  if (!trimmed.includes(":")) return trimmed;
  const [head, tail = ""] = trimmed.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = Math.max(0, 8 - headGroups.length - tailGroups.length);
  const groups = [...headGroups, ...Array<string>(missing).fill("0"), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * The client's address as the reverse proxy in front of the app reports it, in the one header
 * CLIENT_IP_HEADER names (X-Real-IP unless told otherwise). No other header is read: a client
 * can send any header it likes, so only one the proxy overwrites on every request can be
 * trusted. For X-Forwarded-For, a list each proxy appends to, only the last entry (written by
 * the proxy in front of us) is. Requests without it share one bucket.
 */
export function clientAddress(headers: Headers, header: string = env().CLIENT_IP_HEADER): string {
  const value = headers.get(header);
  if (!value) return "unknown";
  const address = header.toLowerCase() === "x-forwarded-for" ? value.split(",").at(-1) : value;
  return address?.trim() || "unknown";
}
