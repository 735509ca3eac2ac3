// Changing a signed-in account's email address. Nothing changes until the link sent to the new
// address is followed by the same signed-in user; then the old address is told. Asking for an
// address that already has an account looks exactly like any other request (same answer, same
// email), and only the confirmation, by someone who reads that mailbox, is refused.
//
// Moving the address moves the account (links, password resets), so asking needs the same proof
// as replacing a password: a sign-in within the last minutes or the current password. An account
// without a password can only sign in again.
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db/client";
import { env } from "../env";
import { enqueueEmails } from "../outbox/queue";
import { moveConsentsToAddress } from "../privacy/consents";
import { emailRateLimitKey, hit, type RateLimit } from "../rate-limit";
import { normaliseEmail, parseEmail, type EmailProblem } from "./email-address";
import { verifyNothing, verifyPassword } from "./passwords";
import { signedInRecently } from "./recent-sign-in";

export const EMAIL_CHANGE_PATH = "/account/email/confirm";
export const EMAIL_CHANGE_LIFETIME_MINUTES = 30;
/** Requests per account: each sends an email, so a stolen session cannot spam with them. */
export const EMAIL_CHANGE_REQUESTS_PER_USER: RateLimit = { limit: 5, windowMs: 60 * 60_000 };
/** Emails per new address, whoever asks: beyond it requests are answered but send nothing. */
export const EMAIL_CHANGE_EMAILS_PER_ADDRESS: RateLimit = { limit: 3, windowMs: 60 * 60_000 };

export type EmailChangeFieldErrors = {
  /** sign_in_again: no password to ask for and the session is not recent enough. */
  newEmail?: EmailProblem | "same_as_current" | "sign_in_again";
  currentPassword?: "missing" | "wrong";
};

/** What a session must give to ask for a new address: nothing, the password, or a new sign-in. */
export type EmailChangeProof = "none" | "password" | "sign_in_again";

function proofNeeded(hasPassword: boolean, recent: boolean): EmailChangeProof {
  if (recent) return "none";
  return hasPassword ? "password" : "sign_in_again";
}

/** For the form: whether to show the password field, or to say that a new sign-in is needed. */
export async function emailChangeProof({
  userId,
  sessionToken,
  now = new Date(),
}: {
  userId: string;
  sessionToken: string | null;
  now?: Date;
}): Promise<EmailChangeProof> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return proofNeeded(Boolean(user?.passwordHash), await signedInRecently({ userId, sessionToken, now }));
}

export type RequestEmailChangeResult =
  | { ok: true; newEmail: string }
  | { ok: false; error: "invalid_form"; fieldErrors: EmailChangeFieldErrors }
  | { ok: false; error: "rate_limited" | "no_such_user"; fieldErrors: EmailChangeFieldErrors };

export function hashEmailChangeToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function requestEmailChange({
  userId,
  sessionToken,
  newEmail: rawEmail,
  currentPassword,
  now = new Date(),
}: {
  userId: string;
  /** The session asking: a recent sign-in stands in for the password. */
  sessionToken: string | null;
  newEmail: string;
  /** Checked only when the session is not recent and the account has a password. */
  currentPassword: string;
  now?: Date;
}): Promise<RequestEmailChangeResult> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, name: true, locale: true, passwordHash: true },
  });
  if (!user) return { ok: false, error: "no_such_user", fieldErrors: {} };

  // Counted before the password is checked, so it also limits guessing the password.
  const perUser = await hit(`email-change:user:${userId}`, { ...EMAIL_CHANGE_REQUESTS_PER_USER, now });
  if (!perUser.allowed) return { ok: false, error: "rate_limited", fieldErrors: {} };

  const fieldErrors: EmailChangeFieldErrors = {};
  const parsed = parseEmail(rawEmail);
  if (!parsed.ok) fieldErrors.newEmail = parsed.problem;
  else if (parsed.email === user.email) fieldErrors.newEmail = "same_as_current";
  // Someone at an unlocked computer should not be able to move the account to their address.
  const proof = proofNeeded(Boolean(user.passwordHash), await signedInRecently({ userId, sessionToken, now }));
  if (proof === "password" && user.passwordHash) {
    if (currentPassword === "") fieldErrors.currentPassword = "missing";
    else if (!(await verifyPassword(user.passwordHash, currentPassword))) fieldErrors.currentPassword = "wrong";
  } else if (proof === "sign_in_again") {
    // Said next to the address, the one field such an account sees; a typed password changes nothing.
    if (currentPassword !== "") await verifyNothing(currentPassword);
    fieldErrors.newEmail = "sign_in_again";
  }
  if (!parsed.ok || fieldErrors.newEmail || fieldErrors.currentPassword) return { ok: false, error: "invalid_form", fieldErrors };
  const newEmail = parsed.email;

  // Over the per-address limit the answer stays the same; only the email is not sent again.
  const perAddress = await hit(emailRateLimitKey("email-change", newEmail), { ...EMAIL_CHANGE_EMAILS_PER_ADDRESS, now });
  if (!perAddress.allowed) return { ok: true, newEmail };

  const token = randomBytes(32).toString("base64url");
  const confirmUrl = `${env().SITE_URL}${EMAIL_CHANGE_PATH}?${new URLSearchParams({ token }).toString()}`;
  await db.$transaction(async (tx) => {
    // The newest request replaces the older ones: only the latest link works.
    await tx.emailChangeRequest.deleteMany({ where: { userId, usedAt: null } });
    await tx.emailChangeRequest.create({
      data: {
        userId,
        newEmail,
        tokenHash: hashEmailChangeToken(token),
        expiresAt: new Date(now.getTime() + EMAIL_CHANGE_LIFETIME_MINUTES * 60_000),
      },
    });
    await enqueueEmails(tx, [
      {
        template: "email-change",
        to: newEmail,
        locale: user.locale,
        payload: { name: user.name, newEmail, confirmUrl, expiresInMinutes: EMAIL_CHANGE_LIFETIME_MINUTES },
      },
    ]);
  });
  return { ok: true, newEmail };
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;

export type PendingEmailChange = { newEmail: string; expiresAt: Date };

/** The change a link would make for this user, without using the link up (a GET may look). */
export async function findEmailChange({
  userId,
  token,
  now = new Date(),
}: {
  userId: string;
  token: string;
  now?: Date;
}): Promise<PendingEmailChange | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  return db.emailChangeRequest.findFirst({
    where: { tokenHash: hashEmailChangeToken(token), userId, usedAt: null, expiresAt: { gt: now } },
    select: { newEmail: true, expiresAt: true },
  });
}

export type ConfirmEmailChangeResult =
  | { ok: true; newEmail: string }
  /** Unknown, used, expired, or another account's link: one answer for all of them. */
  | { ok: false; error: "invalid_link" }
  /** The new address has an account of its own by now. */
  | { ok: false; error: "address_unavailable" };

class AddressUnavailable extends Error {}

export async function confirmEmailChange({
  userId,
  token,
  currentSessionToken = null,
  now = new Date(),
}: {
  userId: string;
  token: string;
  /** The session confirming; it stays signed in while every other one is signed out. */
  currentSessionToken?: string | null;
  now?: Date;
}): Promise<ConfirmEmailChangeResult> {
  if (!TOKEN_PATTERN.test(token)) return { ok: false, error: "invalid_link" };
  const tokenHash = hashEmailChangeToken(token);
  try {
    return await db.$transaction(async (tx) => {
      // Used up first, in one conditional UPDATE: two clicks at once cannot both go on.
      const claimed = await tx.emailChangeRequest.updateMany({
        where: { tokenHash, userId, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) return { ok: false, error: "invalid_link" } as const;
      const request = await tx.emailChangeRequest.findUniqueOrThrow({ where: { tokenHash }, select: { id: true, newEmail: true } });
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, locale: true } });
      const owner = await tx.user.findUnique({ where: { email: request.newEmail }, select: { id: true } });
      if (owner) throw new AddressUnavailable();

      // Following the link proves the new mailbox is theirs.
      await tx.user.update({ where: { id: userId }, data: { email: request.newEmail, emailVerified: now } });
      await tx.emailChangeRequest.deleteMany({ where: { userId, id: { not: request.id } } });
      // Sign-in links sent to the old address must not open the account any more, and neither
      // may a session someone else holds (the move may be the owner taking the account back).
      await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
      await tx.session.deleteMany({
        where: currentSessionToken ? { userId, sessionToken: { not: currentSessionToken } } : { userId },
      });
      // The same goes for API tokens: one made by whoever held the account must stop with it.
      await tx.personalAccessToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
      // The account's permissions for news go with it: the organizer's list then reaches the
      // person who gave them, not whoever gets the old mailbox next.
      const consents = await tx.marketingConsent.findMany({
        where: { userId, email: normaliseEmail(user.email) },
        select: { id: true, organizerId: true, withdrawnAt: true },
      });
      await moveConsentsToAddress(tx, consents, { toEmail: normaliseEmail(request.newEmail), now });
      await enqueueEmails(tx, [
        {
          template: "email-changed",
          to: user.email,
          locale: user.locale,
          payload: { name: user.name, newEmail: request.newEmail, changedAt: now.toISOString(), signInUrl: `${env().SITE_URL}/login` },
        },
      ]);
      return { ok: true, newEmail: request.newEmail } as const;
    });
  } catch (error) {
    // Rolled back, so the link still works should the other account give the address up.
    // P2002: an account took the address between the check and the update.
    if (error instanceof AddressUnavailable || (error as { code?: string }).code === "P2002") {
      return { ok: false, error: "address_unavailable" };
    }
    throw error;
  }
}
