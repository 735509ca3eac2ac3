// Reads for the tokens page: what the owner needs to tell tokens apart, never the hash.
import "server-only";
import { db } from "../db/client";

export type AccessTokenSummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date;
  expired: boolean;
};

/** The user's tokens that are not revoked, newest first; expired ones stay listed so they can be removed. */
export async function listAccessTokens(userId: string, now = new Date()): Promise<AccessTokenSummary[]> {
  const rows = await db.personalAccessToken.findMany({
    where: { userId, revokedAt: null },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map((row) => ({ ...row, expired: row.expiresAt <= now }));
}
