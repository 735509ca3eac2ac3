// Sends a sign-in link by email ("email me a link", "forgot password"), giving the caller the
// same answer, after about the same time, whoever the address belongs to.
import { parseEmail } from "../accounts/email-address";
import { clientRateLimitKey, emailRateLimitKey, hit, type RateLimit } from "../rate-limit";
import { safeReturnPath } from "../navigation/return-path";

export const LINK_REQUESTS_PER_EMAIL: RateLimit = { limit: 5, windowMs: 15 * 60_000 };
export const LINK_REQUESTS_PER_CLIENT: RateLimit = { limit: 20, windowMs: 15 * 60_000 };
/** Every answer takes at least this long, so timing does not tell a known address apart. */
export const LINK_REQUEST_MIN_DURATION_MS = 600;

export type SignInLinkResult =
  { ok: true } | { ok: false; reason: "invalid_email" } | { ok: false; reason: "rate_limited"; retryAfterMs: number };

/**
 * Auth.js's email sign-in: it stores the token's hash and hands the link to our outbox
 * (lib/auth/magic-link.ts). Returns the URL Auth.js would redirect to; `error=` in it means a
 * refusal. Imported lazily so code that passes its own (tests) never loads next-auth.
 */
export type SendSignInLink = (email: string, callbackPath: string) => Promise<string>;

const authJsSendSignInLink: SendSignInLink = async (email, callbackPath) => {
  const { signIn } = await import("./index");
  return signIn("email", { email, redirect: false, redirectTo: callbackPath });
};

/**
 * Unknown addresses get a link too: following it creates the account (Auth.js's email
 * provider does), just as a password-less guest's first sign-in does. Refusing them would
 * tell anyone which addresses have accounts, and "email me a link" is a way to sign up.
 * The forgot-password page words its answer ("if there is an account…") accordingly.
 */
export async function requestSignInLink(
  {
    email: rawEmail,
    callbackPath,
    clientAddress,
    now = new Date(),
  }: { email: unknown; callbackPath: unknown; clientAddress: string; now?: Date },
  {
    sendLink = authJsSendSignInLink,
    minDurationMs = LINK_REQUEST_MIN_DURATION_MS,
  }: { sendLink?: SendSignInLink; minDurationMs?: number } = {},
): Promise<SignInLinkResult> {
  const started = Date.now();
  try {
    return await sendUnlessLimited({ rawEmail, callbackPath, clientAddress, now, sendLink });
  } finally {
    // Padding from the start covers every outcome, including the database's own variance
    // between an address it knows (a User row to read the locale from) and one it does not.
    const left = minDurationMs - (Date.now() - started);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}

async function sendUnlessLimited({
  rawEmail,
  callbackPath,
  clientAddress,
  now,
  sendLink,
}: {
  rawEmail: unknown;
  callbackPath: unknown;
  clientAddress: string;
  now: Date;
  sendLink: SendSignInLink;
}): Promise<SignInLinkResult> {
  const client = await hit(clientRateLimitKey("sign-in-link", clientAddress), { ...LINK_REQUESTS_PER_CLIENT, now });
  if (!client.allowed) return { ok: false, reason: "rate_limited", retryAfterMs: client.retryAfterMs };

  const parsed = parseEmail(typeof rawEmail === "string" ? rawEmail : "");
  if (!parsed.ok) return { ok: false, reason: "invalid_email" };

  // Counted per address so that nobody can fill a stranger's inbox from many clients.
  const perEmail = await hit(emailRateLimitKey("sign-in-link", parsed.email), { ...LINK_REQUESTS_PER_EMAIL, now });
  if (!perEmail.allowed) return { ok: false, reason: "rate_limited", retryAfterMs: perEmail.retryAfterMs };

  const path = safeReturnPath(callbackPath, "/");
  const url = await sendLink(parsed.email, path);
  // parseEmail accepted the address, and Auth.js normalises with the same function, so a
  // refusal here is not about the address: it is logged, and the caller hears the usual answer.
  if (url.includes("error=")) console.error("sign-in link: Auth.js refused the request");
  return { ok: true };
}
