// Database sessions: one revocable Session row per signed-in browser, whichever way it signed in.
import { randomBytes } from "node:crypto";
import { db } from "../db/client";

/** A session lasts 30 days after its last use… */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;
/** …and its expiry is pushed forward at most once a day, to spare the database a write per request. */
export const SESSION_UPDATE_AGE_S = 24 * 60 * 60;
/**
 * …but never more than 90 days after its sign-in, however often it is used: a stolen cookie
 * stops working by then, and the owner signs in again now and then (ASVS 5.0, 7.3).
 */
export const SESSION_ABSOLUTE_MAX_AGE_S = 90 * 24 * 60 * 60;
/** What is kept of a User-Agent: enough to name the device, not a place to store a novel. */
export const USER_AGENT_MAX_LENGTH = 512;

/** When a session ends: its sliding expiry or its absolute end, whichever comes first. */
export function sessionEnd({ createdAt, expires }: { createdAt: Date; expires: Date }): Date {
  return new Date(Math.min(expires.getTime(), createdAt.getTime() + SESSION_ABSOLUTE_MAX_AGE_S * 1000));
}

/** The sessions still valid at `now`, as a Prisma filter (the same rule as sessionEnd). */
export function liveSessionWhere(now: Date) {
  return { expires: { gt: now }, createdAt: { gt: new Date(now.getTime() - SESSION_ABSOLUTE_MAX_AGE_S * 1000) } };
}

export function storedUserAgent(userAgent: string | null | undefined): string | null {
  return userAgent ? userAgent.slice(0, USER_AGENT_MAX_LENGTH) : null;
}

export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Creates the Session row of a sign-in that Auth.js does not record itself (passwords). */
export async function createSession(
  userId: string,
  { now = new Date(), userAgent = null }: { now?: Date; userAgent?: string | null } = {},
): Promise<{ sessionToken: string; expires: Date }> {
  return db.session.create({
    data: {
      userId,
      sessionToken: newSessionToken(),
      createdAt: now,
      expires: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000),
      userAgent: storedUserAgent(userAgent),
    },
    select: { sessionToken: true, expires: true },
  });
}
