// Single-use sign-in links, stored the way Auth.js's email provider stores its own tokens
// (a SHA-256 of token + secret in VerificationToken), so Auth.js consumes them when the
// buyer confirms. The raw token exists only in the email.
import { createHash, randomBytes } from "node:crypto";
import type { DbTransaction } from "../db/client";
import { env } from "../env";

export const SIGN_IN_LINK_PATH = "/login/confirm";
/** Auth.js's route that uses up a sign-in link (/login/confirm posts to it). */
export const SIGN_IN_LINK_CALLBACK_PATH = "/api/auth/callback/email";

export function hashVerificationToken(token: string, secret = env().AUTH_SECRET): string {
  return createHash("sha256").update(`${token}${secret}`).digest("hex");
}

export async function createSignInLink(
  tx: DbTransaction,
  { email, maxAgeMs, callbackPath, now = new Date() }: { email: string; maxAgeMs: number; callbackPath: string; now?: Date },
): Promise<string> {
  const token = randomBytes(32).toString("hex");
  await tx.verificationToken.create({
    data: { identifier: email, token: hashVerificationToken(token), expires: new Date(now.getTime() + maxAgeMs) },
  });
  const query = new URLSearchParams({ token, email, callbackUrl: callbackPath });
  return `${env().SITE_URL}${SIGN_IN_LINK_PATH}?${query.toString()}`;
}
