// Sign-in by email link. Auth.js makes the token and stores its hash; we put the link in the
// outbox instead of sending it, so it goes out like every other email (retries, the demo
// mailbox) and its address is built from SITE_URL, never from the request's Host header.
import type { EmailConfig, EmailProviderSendVerificationRequestParams } from "next-auth/providers/email";
import { parseEmail } from "../accounts/email-address";
import { hashVerificationToken, SIGN_IN_LINK_PATH } from "../accounts/sign-in-links";
import { db } from "../db/client";
import type { Locale } from "../db/types";
import { env } from "../env";
import { parseLocalePath } from "../i18n/paths";
import { safeReturnPath } from "../navigation/return-path";
import { enqueueEmails } from "../outbox/queue";
import type { MagicLinkPurpose } from "../outbox/templates";
import { clientAddress, clientRateLimitKey, emailRateLimitKey, hit } from "../rate-limit";

// A backstop for clients that call Auth.js's /api/auth/signin/email directly instead of our
// forms (which have tighter limits of their own): over it, no email is queued and the token is
// dropped, while the answer stays the same, so nothing is revealed and no inbox is flooded.
const SENDS_PER_EMAIL = { limit: 10, windowMs: 15 * 60_000 };
const SENDS_PER_CLIENT = { limit: 40, windowMs: 15 * 60_000 };

export const MAGIC_LINK_PROVIDER_ID = "email";
export const MAGIC_LINK_MAX_AGE_S = 15 * 60;

/** The link in the email: our confirmation page, which only submits to Auth.js on a click. */
export function magicLinkUrl({ token, email, callbackPath }: { token: string; email: string; callbackPath: string }): string {
  const query = new URLSearchParams({ token, email, callbackUrl: callbackPath });
  return `${env().SITE_URL}${SIGN_IN_LINK_PATH}?${query.toString()}`;
}

/** The page where a password is chosen: a link leading there is for choosing one ("Forgot password?"). */
export const SET_PASSWORD_LINK_PATH = "/account/password";

/**
 * What the email says the link is for. The link's way back is the intent: a link that lands on
 * the set-password page (in either language, whatever its query) is for choosing a password,
 * so no caller can ask for that email without the link doing what it says.
 */
export function magicLinkPurpose(callbackPath: string, hasPassword: boolean): MagicLinkPurpose {
  const path = parseLocalePath(callbackPath)
    .path.replace(/[?#].*$/, "")
    .replace(/\/+$/, "");
  if (path !== SET_PASSWORD_LINK_PATH) return "sign-in";
  return hasPassword ? "new-password" : "first-password";
}

/**
 * The account's language when it exists (otherwise the language of the page the link leads
 * back to), and whether it has a password: only its owner reads the email that says so.
 */
async function recipient(email: string, callbackPath: string): Promise<{ locale: Locale; hasPassword: boolean }> {
  const user = await db.user.findUnique({ where: { email }, select: { locale: true, passwordHash: true } });
  return user
    ? { locale: user.locale, hasPassword: user.passwordHash !== null }
    : { locale: parseLocalePath(callbackPath).locale, hasPassword: false };
}

export async function queueMagicLink({ identifier, token, url, request }: EmailProviderSendVerificationRequestParams): Promise<void> {
  // Only the path of the callbackUrl Auth.js put in its own link is kept; Auth.js has already
  // passed it through our redirect callback, this is the second line of defence.
  const callbackPath = safeReturnPath(new URL(url).searchParams.get("callbackUrl"), "/");
  const [perEmail, perClient] = await Promise.all([
    hit(emailRateLimitKey("magic-link-send", identifier), SENDS_PER_EMAIL),
    hit(clientRateLimitKey("magic-link-send", clientAddress(request.headers)), SENDS_PER_CLIENT),
  ]);
  if (!perEmail.allowed || !perClient.allowed) {
    await db.verificationToken.deleteMany({ where: { identifier, token: hashVerificationToken(token) } });
    return;
  }
  const { locale, hasPassword } = await recipient(identifier, callbackPath);
  await db.$transaction(async (tx) => {
    // The newest link replaces every earlier one for the address: an old email lying in an
    // inbox (or a forwarded one) stops working as soon as a new link is asked for.
    await tx.verificationToken.deleteMany({ where: { identifier, token: { not: hashVerificationToken(token) } } });
    await enqueueEmails(tx, [
      {
        template: "magic-link",
        to: identifier,
        locale,
        payload: {
          url: magicLinkUrl({ token, email: identifier, callbackPath }),
          expiresInMinutes: MAGIC_LINK_MAX_AGE_S / 60,
          purpose: magicLinkPurpose(callbackPath, hasPassword),
        },
      },
    ]);
  });
}

/**
 * The address as stored in User.email. Auth.js's own normaliser accepts what ours refuses
 * (display names, look-alike at-signs); a refusal here becomes `error=` in the returned URL.
 */
export function normaliseSignInEmail(identifier: string): string {
  const parsed = parseEmail(identifier ?? "");
  if (!parsed.ok) throw new Error(`invalid email address: ${parsed.problem}`);
  return parsed.email;
}

/**
 * A provider object of type "email" rather than next-auth's Nodemailer provider, which needs
 * the nodemailer package at build time and an SMTP server option we do not use here.
 */
export function magicLinkProvider(): EmailConfig {
  return {
    id: MAGIC_LINK_PROVIDER_ID,
    type: "email",
    name: "Email",
    maxAge: MAGIC_LINK_MAX_AGE_S,
    sendVerificationRequest: queueMagicLink,
    normalizeIdentifier: normaliseSignInEmail,
    options: {},
  };
}
