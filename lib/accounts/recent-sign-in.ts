// Whether the person at the keyboard signed in moments ago. A session this young was just made
// by a password or an emailed link, so it proves as much as typing the password again would:
// someone at an unlocked computer, or holding a stolen cookie, has an older one. Changes that
// could take the account over (its password, its address) ask for this or the current password.
import { db } from "../db/client";

export const RECENT_SIGN_IN_MINUTES = 15;

/** True when `sessionToken` is a session of this user created within RECENT_SIGN_IN_MINUTES. */
export async function signedInRecently({
  userId,
  sessionToken,
  now = new Date(),
}: {
  userId: string;
  sessionToken: string | null;
  now?: Date;
}): Promise<boolean> {
  if (!sessionToken) return false;
  const session = await db.session.findFirst({ where: { sessionToken, userId }, select: { createdAt: true } });
  return session !== null && now.getTime() - session.createdAt.getTime() <= RECENT_SIGN_IN_MINUTES * 60_000;
}
