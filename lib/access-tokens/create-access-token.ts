// Makes a personal access token for a signed-in user. The secret is returned once, here, and
// only its hash is stored: after this call nobody, the site included, can show it again.
import { db } from "../db/client";
import { hit } from "../rate-limit";
import { newAccessToken } from "./token-format";
import { lifetimeExpiry, type CreateAccessTokenInput } from "./schemas";

/** Tokens made per user per hour; more is a script gone wrong, not a person. */
export const ACCESS_TOKEN_CREATE_LIMIT = { limit: 10, windowMs: 60 * 60 * 1000 };
/** Live tokens one account may hold at once. */
export const MAX_ACTIVE_ACCESS_TOKENS = 20;

export type CreatedAccessToken = { id: string; name: string; prefix: string; token: string; expiresAt: Date };

export type CreateAccessTokenResult =
  { ok: true; created: CreatedAccessToken } | { ok: false; error: "rate_limited"; retryAfterMs: number } | { ok: false; error: "too_many" };

export async function createAccessToken({
  userId,
  name,
  lifetime,
  now = new Date(),
}: CreateAccessTokenInput & { userId: string; now?: Date }): Promise<CreateAccessTokenResult> {
  const limit = await hit(`access-token-create:user:${userId}`, { ...ACCESS_TOKEN_CREATE_LIMIT, now });
  if (!limit.allowed) return { ok: false, error: "rate_limited", retryAfterMs: limit.retryAfterMs };

  const { token, tokenHash, prefix } = newAccessToken();
  const expiresAt = lifetimeExpiry(lifetime, now);
  // Count and insert under a lock on the user's row: concurrent requests take turns, so they
  // cannot all see room for one more and together pass the cap.
  const row = await db.$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id"::text AS "id" FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE`;
    if (!user) throw new Error("createAccessToken: no such user");
    const active = await tx.personalAccessToken.count({
      where: { userId, revokedAt: null, expiresAt: { gt: now } },
    });
    if (active >= MAX_ACTIVE_ACCESS_TOKENS) return null;
    return tx.personalAccessToken.create({
      data: { userId, name, tokenHash, prefix, expiresAt, createdAt: now },
      select: { id: true, name: true, prefix: true, expiresAt: true },
    });
  });
  if (!row) return { ok: false, error: "too_many" };
  return { ok: true, created: { ...row, token } };
}
