// The marketing consents a signed-in user has given: listed for the privacy page and withdrawn
// from there. A consent is the user's when it is linked to the account or was given for the
// account's address (guest purchases before the account existed leave only the address).
import "server-only";
import { normaliseEmail } from "../accounts/email-address";
import { db, type DbTransaction } from "../db/client";
import { isUuid } from "@/lib/ids";

export type ConsentSummary = {
  id: string;
  organizerName: string;
  givenAt: Date;
  withdrawnAt: Date | null;
  /** Where it was given, as stored ("checkout", …). */
  source: string;
  /** The purchase it was given with, when known and still there. */
  order: { number: string; eventTitle: string } | null;
};

/**
 * The rows that are the user's: by link, or by the account's (normalised) address when no
 * account is linked. Another account's consent never matches by address: the address may have
 * changed hands since, and its rows name that person's orders.
 */
async function ownConsentFilter(userId: string) {
  if (!isUuid(userId)) return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) return null;
  return { OR: [{ userId }, { userId: null, email: normaliseEmail(user.email) }] };
}

/** Active consents first (newest first), then withdrawn ones (latest withdrawal first). */
export async function listConsents(userId: string): Promise<{ active: ConsentSummary[]; withdrawn: ConsentSummary[] }> {
  const filter = await ownConsentFilter(userId);
  if (!filter) return { active: [], withdrawn: [] };
  const rows = await db.marketingConsent.findMany({
    where: filter,
    select: { id: true, givenAt: true, withdrawnAt: true, source: true, orderId: true, organizer: { select: { name: true } } },
    orderBy: [{ givenAt: "desc" }, { id: "desc" }],
  });
  // MarketingConsent.orderId has no relation (the order may be gone); look the orders up in one go.
  const orderIds = [...new Set(rows.flatMap((row) => (row.orderId ? [row.orderId] : [])))];
  const orders = orderIds.length
    ? await db.order.findMany({ where: { id: { in: orderIds } }, select: { id: true, number: true, event: { select: { title: true } } } })
    : [];
  const byId = new Map(orders.map((order) => [order.id, { number: order.number, eventTitle: order.event.title }]));
  const summaries = rows.map((row) => ({
    id: row.id,
    organizerName: row.organizer.name,
    givenAt: row.givenAt,
    withdrawnAt: row.withdrawnAt,
    source: row.source,
    order: (row.orderId && byId.get(row.orderId)) || null,
  }));
  return {
    active: summaries.filter((consent) => consent.withdrawnAt === null),
    withdrawn: summaries
      .filter((consent) => consent.withdrawnAt !== null)
      .sort((a, b) => b.withdrawnAt!.getTime() - a.withdrawnAt!.getTime()),
  };
}

export type WithdrawResult = "withdrawn" | "already_withdrawn" | "not_found";

/**
 * Withdraws one of the user's consents at once: the organizer's mailing list only counts rows
 * whose withdrawnAt is null. Another user's consent and an unknown id are both "not_found" and
 * change nothing, so the answer tells nothing about other people's consents.
 */
export async function withdrawConsent({
  userId,
  consentId,
  now = new Date(),
}: {
  userId: string;
  consentId: string;
  now?: Date;
}): Promise<WithdrawResult> {
  if (!isUuid(consentId)) return "not_found";
  const filter = await ownConsentFilter(userId);
  if (!filter) return "not_found";
  // One conditional UPDATE: ownership and "not yet withdrawn" are checked by the same statement.
  const { count } = await db.marketingConsent.updateMany({
    where: { id: consentId, withdrawnAt: null, ...filter },
    data: { withdrawnAt: now },
  });
  if (count === 1) return "withdrawn";
  // A second click on the user's own button is not an error worth a 404.
  const own = await db.marketingConsent.count({ where: { id: consentId, ...filter } });
  return own === 1 ? "already_withdrawn" : "not_found";
}

/**
 * Moves consents to the address their giver uses now (an account's new address, or an order's
 * corrected one). Where the organizer already has a row for that address, that row stands (a
 * withdrawal made there is its owner's own choice) and the moved one is withdrawn instead.
 */
export async function moveConsentsToAddress(
  tx: DbTransaction,
  consents: { id: string; organizerId: string; withdrawnAt: Date | null }[],
  { toEmail, userId, now }: { toEmail: string; userId?: string; now: Date },
): Promise<void> {
  for (const consent of consents) {
    const taken = await tx.marketingConsent.findUnique({
      where: { organizerId_email: { organizerId: consent.organizerId, email: toEmail } },
      select: { id: true },
    });
    await tx.marketingConsent.update({
      where: { id: consent.id },
      data: taken ? { withdrawnAt: consent.withdrawnAt ?? now } : { email: toEmail, ...(userId ? { userId } : {}) },
    });
  }
}
