// Auth.js's Prisma adapter with our rules for sessions around it: the absolute lifetime of 90
// days besides Auth.js's sliding one, and the device each session signed in from.
import type { Adapter, AdapterSession } from "@auth/core/adapters";
import { db } from "../db/client";
import { sessionEnd, storedUserAgent } from "./sessions";

type SessionRow = AdapterSession & { createdAt?: Date };

export function withSessionLimits(base: Adapter, { userAgent }: { userAgent: () => Promise<string | null> }): Adapter {
  const { createSession, getSessionAndUser, updateSession } = base;
  if (!createSession || !getSessionAndUser || !updateSession) throw new Error("withSessionLimits: the adapter keeps no sessions");
  return {
    ...base,
    async createSession(data) {
      return createSession({ ...data, userAgent: storedUserAgent(await userAgent()) } as AdapterSession);
    },
    // Auth.js deletes a session whose expiry has passed and clears its cookie, so handing it the
    // absolute end as the expiry is all it takes to end the session at 90 days.
    async getSessionAndUser(sessionToken) {
      const found = await getSessionAndUser(sessionToken);
      if (!found) return null;
      const session = found.session as SessionRow;
      if (!session.createdAt) return found;
      return { ...found, session: { ...session, expires: sessionEnd({ createdAt: session.createdAt, expires: session.expires }) } };
    },
    async updateSession(data) {
      if (!data.expires) return updateSession(data);
      const row = await db.session.findUnique({ where: { sessionToken: data.sessionToken }, select: { createdAt: true } });
      const expires = row ? sessionEnd({ createdAt: row.createdAt, expires: data.expires }) : data.expires;
      return updateSession({ ...data, expires });
    },
  };
}
