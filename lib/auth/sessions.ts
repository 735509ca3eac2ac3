// Database sessions: one revocable Session row per signed-in browser, whichever way it signed in.
import { randomBytes } from "node:crypto";
import { db } from "../db/client";

/** A session lasts 30 days after its last use… */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;
/** …and its expiry is pushed forward at most once a day, to spare the database a write per request. */
export const SESSION_UPDATE_AGE_S = 24 * 60 * 60;

export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Creates the Session row of a sign-in that Auth.js does not record itself (passwords). */
export async function createSession(userId: string, now = new Date()): Promise<{ sessionToken: string; expires: Date }> {
  return db.session.create({
    data: { userId, sessionToken: newSessionToken(), expires: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) },
    select: { sessionToken: true, expires: true },
  });
}
