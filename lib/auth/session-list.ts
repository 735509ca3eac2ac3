// The account's active sessions for its owner, and "sign out everywhere else".
// Session tokens never leave this file: a page that listed them would hand out the sessions.
import { db } from "../db/client";
import { describeDevice, type Device } from "./device";
import { liveSessionWhere } from "./sessions";

export type ActiveSession = {
  /** The session of the browser asking. */
  current: boolean;
  device: Device;
  signedInAt: Date;
  /** When Auth.js last pushed the expiry forward (at most once a day), or the sign-in. */
  lastSeenAt: Date;
};

/** The live sessions of the account, this browser's first, then the most recently used. */
export async function listActiveSessions({
  userId,
  currentSessionToken,
  now = new Date(),
}: {
  userId: string;
  currentSessionToken: string | null;
  now?: Date;
}): Promise<ActiveSession[]> {
  const rows = await db.session.findMany({
    where: { userId, ...liveSessionWhere(now) },
    select: { sessionToken: true, createdAt: true, updatedAt: true, userAgent: true },
    orderBy: [{ updatedAt: "desc" }, { createdAt: "desc" }],
  });
  return rows
    .map((row) => ({
      current: row.sessionToken === currentSessionToken,
      device: describeDevice(row.userAgent),
      signedInAt: row.createdAt,
      lastSeenAt: row.updatedAt,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/**
 * Deletes every session of the account but the one asking, which signs those browsers out at
 * once. Without the asking session's token nothing is deleted: "everywhere else" needs a here.
 */
export async function signOutOtherSessions({
  userId,
  currentSessionToken,
}: {
  userId: string;
  currentSessionToken: string | null;
}): Promise<number> {
  if (!currentSessionToken) return 0;
  const here = await db.session.count({ where: { userId, sessionToken: currentSessionToken } });
  if (here === 0) return 0;
  const { count } = await db.session.deleteMany({ where: { userId, sessionToken: { not: currentSessionToken } } });
  return count;
}
