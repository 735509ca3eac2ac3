// Checks an email and password for the "password" credentials provider, with rate limits so
// that guessing is slow whichever of address and client an attacker varies, while a stranger
// cannot keep the owner out for long:
// - per account and client, strictly: 10 failures in 15 minutes lock that client out of that
//   account, and no one else;
// - per account from anywhere, loosely: 100 failures in an hour (NIST SP 800-63B's ceiling)
//   lock password sign-in for everyone, so a botnet cannot guess for ever;
// - per client over every address: 50 attempts in 15 minutes (credential stuffing).
// Only password sign-in is locked: "email me a link" (request-link.ts) is counted apart, so
// the owner always has a way in. Attempts are counted before the password is checked, so
// guesses sent at once cannot slip past the limit; a right password takes its count back.
import { parseEmail } from "../accounts/email-address";
import { verifyNothing, verifyPassword } from "../accounts/passwords";
import { db } from "../db/client";
import {
  clientRateLimitKey,
  emailAndClientRateLimitKey,
  emailRateLimitKey,
  hit,
  refundHit,
  resetRateLimit,
  type RateLimit,
} from "../rate-limit";

export const PASSWORD_FAILURES_PER_ACCOUNT_AND_CLIENT: RateLimit = { limit: 10, windowMs: 15 * 60_000 };
export const PASSWORD_FAILURES_PER_ACCOUNT: RateLimit = { limit: 100, windowMs: 60 * 60_000 };
export const PASSWORD_ATTEMPTS_PER_CLIENT: RateLimit = { limit: 50, windowMs: 15 * 60_000 };

export type SignedInUser = { id: string; email: string; name: string | null; image: string | null };

export type PasswordSignInResult =
  { ok: true; user: SignedInUser } | { ok: false; error: "invalid_credentials" | "rate_limited"; retryAfterMs?: number };

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

  // Unknown addresses are counted like accounts, so the limits tell nobody which exist.
  // A client already locked out counts nothing more against the account as a whole.
  const accountAndClientKey = emailAndClientRateLimitKey("password-sign-in", parsed.email, clientAddress);
  const accountAndClient = await hit(accountAndClientKey, { ...PASSWORD_FAILURES_PER_ACCOUNT_AND_CLIENT, now });
  if (!accountAndClient.allowed) return { ok: false, error: "rate_limited", retryAfterMs: accountAndClient.retryAfterMs };
  const accountKey = emailRateLimitKey("password-sign-in", parsed.email);
  const account = await hit(accountKey, { ...PASSWORD_FAILURES_PER_ACCOUNT, now });
  if (!account.allowed) return { ok: false, error: "rate_limited", retryAfterMs: account.retryAfterMs };

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

  // This client proved itself; the account-wide count keeps the others' failures.
  await resetRateLimit(accountAndClientKey);
  await refundHit(accountKey, now);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, image: user.image } };
}
