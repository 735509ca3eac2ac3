// Every purchase belongs to the account of its email address; a guest's first purchase creates
// that account, without a password.
import { randomUUID } from "node:crypto";
import type { DbTransaction } from "../db/client";
import type { Locale } from "../db/types";

export type BuyerAccount = { userId: string; created: boolean; hasPassword: boolean };

/**
 * The account for a normalised email, created if there is none. Safe under concurrency: two
 * first purchases with the same new address race on the unique index, and the loser's
 * INSERT … ON CONFLICT waits for the winner's commit and then finds its row.
 */
export async function ensureBuyerAccount(
  tx: DbTransaction,
  { email, name, locale }: { email: string; name: string; locale: Locale },
): Promise<BuyerAccount> {
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "User" ("id", "email", "name", "locale", "createdAt", "updatedAt")
    VALUES (${randomUUID()}::uuid, ${email}, ${name}, ${locale}::"Locale", now(), now())
    ON CONFLICT ("email") DO NOTHING
    RETURNING "id"`;
  if (inserted.length === 1) return { userId: inserted[0].id, created: true, hasPassword: false };

  const existing = await tx.user.findUniqueOrThrow({ where: { email }, select: { id: true, passwordHash: true } });
  return { userId: existing.id, created: false, hasPassword: existing.passwordHash !== null };
}
