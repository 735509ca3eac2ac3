// Checks an email and password for the "password" credentials provider, with rate limits per
// address and per client so that guessing is slow whichever of the two an attacker varies.
import { parseEmail } from "../accounts/email-address";
import { verifyNothing, verifyPassword } from "../accounts/passwords";
import { db } from "../db/client";
import { clientRateLimitKey, emailRateLimitKey, hit, resetRateLimit, type RateLimit } from "../rate-limit";

export const PASSWORD_ATTEMPTS_PER_EMAIL: RateLimit = { limit: 10, windowMs: 15 * 60_000 };
export const PASSWORD_ATTEMPTS_PER_CLIENT: RateLimit = { limit: 50, windowMs: 15 * 60_000 };

export type SignedInUser = { id: string; email: string; name: string | null; image: string | null };

export type PasswordSignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; error: "invalid_credentials" | "rate_limited"; retryAfterMs?: number };

export async function checkPasswordSignIn({
  email: rawEmail,
  password,
  clientAddress,
  now = new Date(),
}: {
  email: unknown;
  password: unknown;
  clientAddress: string;
  now?: Date;
}): Promise<PasswordSignInResult> {
  const client = await hit(clientRateLimitKey("password-sign-in", clientAddress), { ...PASSWORD_ATTEMPTS_PER_CLIENT, now });
  if (!client.allowed) return { ok: false, error: "rate_limited", retryAfterMs: client.retryAfterMs };
  if (typeof rawEmail !== "string" || typeof password !== "string" || password.length === 0) {
    return { ok: false, error: "invalid_credentials" };
  }
  const parsed = parseEmail(rawEmail);
  if (!parsed.ok) return { ok: false, error: "invalid_credentials" };

  const emailKey = emailRateLimitKey("password-sign-in", parsed.email);
  const perEmail = await hit(emailKey, { ...PASSWORD_ATTEMPTS_PER_EMAIL, now });
  if (!perEmail.allowed) return { ok: false, error: "rate_limited", retryAfterMs: perEmail.retryAfterMs };

  const user = await db.user.findUnique({
    where: { email: parsed.email },
    select: { id: true, email: true, name: true, image: true, passwordHash: true },
  });
  // Unknown addresses and accounts without a password take as long as a wrong password.
  if (!user?.passwordHash) {
    await verifyNothing(password);
    return { ok: false, error: "invalid_credentials" };
  }
  if (!(await verifyPassword(user.passwordHash, password))) return { ok: false, error: "invalid_credentials" };

  await resetRateLimit(emailKey);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, image: user.image } };
}
