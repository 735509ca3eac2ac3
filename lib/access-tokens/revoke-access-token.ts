// Revokes one of the user's own tokens. The next request made with it is refused: the check in
// authenticate-access-token.ts reads revokedAt on every call, nothing is cached.
import { z } from "zod";
import { db } from "../db/client";

const tokenId = z.uuid();

/** True when a live token of this user was revoked; another user's or an unknown id changes nothing. */
export async function revokeAccessToken({
  userId,
  tokenId: id,
  now = new Date(),
}: {
  userId: string;
  tokenId: string;
  now?: Date;
}): Promise<boolean> {
  if (!tokenId.safeParse(id).success) return false;
  // The owner is part of the WHERE, so another user's id matches no row: no read-then-check race.
  const { count } = await db.personalAccessToken.updateMany({
    where: { id, userId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count === 1;
}
