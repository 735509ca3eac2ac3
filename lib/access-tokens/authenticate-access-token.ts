// Who a bearer token belongs to, or null. Checked against the database on every request, so a
// revoked token stops working at once, on every server.
import { db } from "../db/client";
import { hashAccessToken, looksLikeAccessToken } from "./token-format";

/** lastUsedAt is only a hint for the owner; writing it once a minute spares a write per call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export async function authenticateAccessToken(token: string, now = new Date()): Promise<{ userId: string; tokenId: string } | null> {
  // Garbage never reaches the database.
  if (!looksLikeAccessToken(token)) return null;
  const row = await db.personalAccessToken.findUnique({
    where: { tokenHash: hashAccessToken(token) },
    select: { id: true, userId: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt !== null) return null;
  if (row.expiresAt <= now) return null;
  if (row.lastUsedAt === null || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Conditional on still being live, so a revocation racing this call is not undone or hidden.
    await db.personalAccessToken.updateMany({ where: { id: row.id, revokedAt: null }, data: { lastUsedAt: now } });
  }
  return { userId: row.userId, tokenId: row.id };
}
