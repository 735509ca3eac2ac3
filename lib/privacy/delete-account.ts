// Deleting an account, all in one transaction: either everything below happens or nothing does.
//
// What goes: the User row and, by cascade, its sessions, likes, uploaded pictures, access
// tokens, email change requests, organizer memberships and sign-in methods; the address's
// unused sign-in links; account emails (sign-in link, welcome, password set, email change)
// still waiting in the outbox.
// What stays: orders and their tickets, with the name and address typed at checkout. The
// organizer must keep its sales records (Swedish bokföringslagen: seven years), and the tickets
// stay valid. The orders are only unlinked from the account.
// Consents: every one is marked withdrawn and the row is kept. The row is the record that the
// address said no (and when), which the organizer needs to show it no longer sends news there;
// deleting it would make the address look like one that never answered.
import "server-only";
import { normaliseEmail } from "../accounts/email-address";
import { verifyPassword } from "../accounts/passwords";
import { db, type DbTransaction } from "../db/client";
import { withoutSecretLink } from "../outbox/templates";
import { emailRateLimitKey, hit, resetRateLimit, type RateLimit } from "../rate-limit";
import { isUuid } from "@/lib/ids";

/** Emails about the account itself; once it is gone they would only confuse (or sign in to nothing). */
export const ACCOUNT_EMAIL_TEMPLATES = ["magic-link", "welcome", "password-set", "email-change"] as const;

export const DELETE_CONFIRMATION_ATTEMPTS: RateLimit = { limit: 10, windowMs: 15 * 60_000 };

export type DeleteAccountResult =
  | { ok: true; email: string }
  | { ok: false; error: "no_such_user" }
  /** The user is the only owner of these organizers: someone must take over first. */
  | { ok: false; error: "sole_owner"; organizers: string[] };

class SoleOwnerRefusal extends Error {
  constructor(readonly organizers: string[]) {
    super("sole owner");
  }
}

/** Names of the organizers where the user is the only OWNER (the deletion would orphan them). */
export async function soleOwnedOrganizers(userId: string, tx: DbTransaction | typeof db = db, lock = false): Promise<string[]> {
  if (!isUuid(userId)) return [];
  // Locking the organizers serialises two owners who delete their accounts at the same moment:
  // the second one sees that the first is gone and is refused.
  const owned = lock
    ? await tx.$queryRaw<{ id: string; name: string }[]>`
        SELECT o."id"::text AS "id", o."name" FROM "Organizer" o
        JOIN "OrganizerMember" m ON m."organizerId" = o."id"
        WHERE m."userId" = ${userId}::uuid AND m."role" = 'OWNER'
        ORDER BY o."id"
        FOR UPDATE OF o`
    : await tx.$queryRaw<{ id: string; name: string }[]>`
        SELECT o."id"::text AS "id", o."name" FROM "Organizer" o
        JOIN "OrganizerMember" m ON m."organizerId" = o."id"
        WHERE m."userId" = ${userId}::uuid AND m."role" = 'OWNER'
        ORDER BY o."id"`;
  if (owned.length === 0) return [];
  const owners = await tx.organizerMember.groupBy({
    by: ["organizerId"],
    where: { organizerId: { in: owned.map((organizer) => organizer.id) }, role: "OWNER" },
    _count: { _all: true },
  });
  const ownerCount = new Map(owners.map((row) => [row.organizerId, row._count._all]));
  return owned.filter((organizer) => (ownerCount.get(organizer.id) ?? 0) <= 1).map((organizer) => organizer.name);
}

export async function deleteAccount({ userId, now = new Date() }: { userId: string; now?: Date }): Promise<DeleteAccountResult> {
  if (!isUuid(userId)) return { ok: false, error: "no_such_user" };
  try {
    return await db.$transaction(async (tx) => {
      const [user] = await tx.$queryRaw<{ email: string }[]>`
        SELECT "email" FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE`;
      if (!user) return { ok: false, error: "no_such_user" } as const;
      const email = normaliseEmail(user.email);

      const orphaned = await soleOwnedOrganizers(userId, tx, true);
      // Thrown, not returned: the refusal must undo anything this transaction has done.
      if (orphaned.length > 0) throw new SoleOwnerRefusal(orphaned);

      await tx.marketingConsent.updateMany({
        where: { OR: [{ userId }, { userId: null, email }], withdrawnAt: null },
        data: { withdrawnAt: now },
      });
      await tx.marketingConsent.updateMany({ where: { userId }, data: { userId: null } });
      await tx.order.updateMany({ where: { userId }, data: { userId: null } });
      // A picture the user uploaded for an organizer's event belongs to that event now.
      await tx.upload.updateMany({ where: { ownerId: userId, eventImage: { some: {} } }, data: { ownerId: null } });

      const pendingChanges = await tx.emailChangeRequest.findMany({ where: { userId, usedAt: null }, select: { newEmail: true } });
      await cancelAccountEmails(
        tx,
        email,
        pendingChanges.map((request) => request.newEmail),
        now,
      );

      await tx.user.delete({ where: { id: userId } });
      await tx.verificationToken.deleteMany({ where: { identifier: email } });
      return { ok: true, email } as const;
    });
  } catch (error) {
    if (error instanceof SoleOwnerRefusal) return { ok: false, error: "sole_owner", organizers: error.organizers };
    throw error;
  }
}

/**
 * Account emails to the address that have not left yet are cancelled: marked FAILED with a
 * reason, and their secret link blanked. Emails about orders (tickets) still go out. A
 * confirmation link to a new address is cancelled too: its request is deleted with the user.
 */
async function cancelAccountEmails(tx: DbTransaction, email: string, newEmails: string[], now: Date): Promise<void> {
  const waiting = await tx.outboxEmail.findMany({
    where: {
      OR: [
        { status: "PENDING" },
        // Claimed by a sender that died: it would be sent again once the lease ends.
        { status: "SENDING", lockedUntil: { lt: now } },
      ],
      AND: [
        {
          OR: [
            { to: email, template: { in: [...ACCOUNT_EMAIL_TEMPLATES] } },
            ...(newEmails.length ? [{ to: { in: newEmails }, template: "email-change" }] : []),
          ],
        },
      ],
    },
    select: { id: true, status: true, template: true, payload: true },
  });
  for (const row of waiting) {
    const scrubbed = withoutSecretLink(row.template, row.payload);
    await tx.outboxEmail.updateMany({
      where: { id: row.id, status: row.status },
      data: { status: "FAILED", lockedUntil: null, lastError: "cancelled: account deleted", ...(scrubbed ? { payload: scrubbed } : {}) },
    });
  }
}

export type DeletionConfirmation = "email" | "password";

/** What the user must type to confirm: the current password if the account has one, else its address. */
export async function deletionConfirmationMethod(userId: string): Promise<DeletionConfirmation | null> {
  if (!isUuid(userId)) return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) return null;
  // The hash is read only to learn whether there is one.
  return user.passwordHash ? "password" : "email";
}

export type RequestDeletionResult = DeleteAccountResult | { ok: false; error: "mismatch" | "rate_limited"; method: DeletionConfirmation };

/**
 * The delete form's core: checks what was typed, then deletes. A stolen session alone cannot
 * delete an account that has a password; attempts at guessing it are counted per address.
 */
export async function requestAccountDeletion({
  userId,
  confirmation,
  now = new Date(),
}: {
  userId: string;
  confirmation: string;
  now?: Date;
}): Promise<RequestDeletionResult> {
  if (!isUuid(userId)) return { ok: false, error: "no_such_user" };
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) return { ok: false, error: "no_such_user" };
  if (user.passwordHash) {
    const key = emailRateLimitKey("delete-account", user.email);
    const attempt = await hit(key, { ...DELETE_CONFIRMATION_ATTEMPTS, now });
    if (!attempt.allowed) return { ok: false, error: "rate_limited", method: "password" };
    if (!(await verifyPassword(user.passwordHash, confirmation))) return { ok: false, error: "mismatch", method: "password" };
    await resetRateLimit(key);
  } else if (normaliseEmail(confirmation) !== normaliseEmail(user.email)) {
    return { ok: false, error: "mismatch", method: "email" };
  }
  return deleteAccount({ userId, now });
}
