// Reads for the signed-in account pages, shaped for them: no hashes, no tokens.
import "server-only";
import { db } from "../db/client";

export type AccountOverview = {
  name: string | null;
  email: string;
  hasPassword: boolean;
  passwordSetAt: Date | null;
};

export async function getAccountOverview(userId: string): Promise<AccountOverview | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { name: true, email: true, passwordSetAt: true, passwordHash: true },
  });
  if (!user) return null;
  return {
    name: user.name,
    email: user.email,
    // The hash is read only to learn whether there is one; it never leaves this function.
    hasPassword: user.passwordHash !== null,
    passwordSetAt: user.passwordSetAt,
  };
}
