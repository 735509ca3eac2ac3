// A signed-in buyer claims an order that was sent to a misspelled address. The order number
// travels on every ticket and prices are public, so knowing them proves little; the claim is
// therefore open only to the one person who plausibly made the slip: an account whose verified
// address is a believable correction of the order's (lib/accounts/email-address.ts), proving
// both the amount and the card's last four digits, on a paid card order whose account nobody
// has used, before anyone has been let in and before the event starts. Everything else is the
// organizer's to move. Every refusal gives the same answer, so none of them confirms a guess.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { isPlausibleCorrection } from "../../accounts/email-address";
import { db, type DbTransaction } from "../../db/client";
import { singleLineText } from "../../free-text";
import { lockOrder } from "../../orders/finalize-order";
import { clientRateLimitKey, hit, isLimited, type RateLimit } from "../../rate-limit";
import { moveOrderToEmail } from "./move-order";

/** Wrong answers one account may give; the real buyer's tries are never spent by others. */
export const CLAIM_USER_LIMIT: RateLimit = { limit: 10, windowMs: 60 * 60_000 };
/** Wrong answers from one client address, whatever accounts it uses. */
export const CLAIM_CLIENT_LIMIT: RateLimit = { limit: 20, windowMs: 60 * 60_000 };

export const claimFormSchema = z.object({
  orderNumber: singleLineText("invalid").min(1, "required").max(32, "invalid"),
  amount: singleLineText("invalid").min(1, "required").max(32, "invalid"),
  last4: z
    .string()
    .transform((value) => value.replace(/\s/g, ""))
    .pipe(
      z
        .string()
        .min(1, "required")
        .regex(/^\d{4}$/, "invalid"),
    ),
});

export type ClaimForm = z.input<typeof claimFormSchema>;
export type ClaimFieldErrors = Partial<Record<keyof ClaimForm, "required" | "invalid">>;

export type ClaimResult =
  | { ok: true; orderId: string; orderNumber: string }
  | { ok: false; error: "invalid_form"; fieldErrors: ClaimFieldErrors }
  /** The one answer for every refusal about the order: nothing in it confirms a right guess. */
  | { ok: false; error: "no_match" }
  /** Too many wrong answers from this account or this client. */
  | { ok: false; error: "locked" }
  | { ok: false; error: "no_such_user" };

/** Order numbers as typed: case, spaces and dashes do not matter; O, I and L read as digits. */
export function normaliseOrderNumber(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

/** "450", "450,00", "450.5", "450 kr", "1 250,00" → öre; null for anything else. */
export function parseAmountMinor(raw: string): number | null {
  const text = raw
    .replace(/\s|\u00a0/g, "")
    .replace(/(kr|sek|:-)$/i, "")
    .replace(/:-$/, "");
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const fraction = (match[2] ?? "").padEnd(2, "0");
  return Number(match[1]) * 100 + Number(fraction);
}

// Both sides hashed first: equal lengths for timingSafeEqual, and no early exit on the first
// differing character.
function sameSecret(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Whether the order's account is still the one guest checkout made and nobody ever used: no
 * verified sign-in, no password. The account row is locked, so a password set or a sign-in
 * made while the claim runs is seen, or waits until the order has moved. Account first, then
 * order: deleting an account locks them in that order too, so the two cannot deadlock.
 */
async function ownerNeverUsed(tx: DbTransaction, orderId: string): Promise<boolean> {
  const [owner] = await tx.$queryRaw<{ id: string; emailVerified: Date | null; passwordHash: string | null }[]>`
    SELECT u."id"::text AS "id", u."emailVerified", u."passwordHash" FROM "Order" o
    JOIN "User" u ON u."id" = o."userId"
    WHERE o."id" = ${orderId}::uuid
    FOR UPDATE OF u`;
  if (!owner || owner.emailVerified !== null || owner.passwordHash !== null) return false;
  await lockOrder(tx, orderId);
  // Moved to another account meanwhile: that is not the account just looked at.
  const current = await tx.order.findUnique({ where: { id: orderId }, select: { userId: true } });
  return current?.userId === owner.id;
}

/** Whether the order may still change hands by itself: nobody let in yet, the event not begun. */
export async function isOrderStillMovable(tx: DbTransaction, orderId: string, now: Date): Promise<boolean> {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: {
      status: true,
      event: { select: { startsAt: true } },
      tickets: { where: { checkedInAt: { not: null } }, select: { id: true }, take: 1 },
    },
  });
  return order !== null && order.status === "PAID" && order.event.startsAt > now && order.tickets.length === 0;
}

type Claimant = { id: string; email: string; emailVerified: Date | null };

export async function claimOrder({
  userId,
  form,
  clientAddress,
  now = new Date(),
}: {
  userId: string;
  form: ClaimForm;
  /** The claimer's address as the proxy reports it; wrong answers are counted per client too. */
  clientAddress?: string;
  now?: Date;
}): Promise<ClaimResult> {
  const parsed = claimFormSchema.safeParse(form);
  if (!parsed.success) {
    const fieldErrors: ClaimFieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof ClaimForm;
      fieldErrors[field] ??= issue.message === "required" ? "required" : "invalid";
    }
    return { ok: false, error: "invalid_form", fieldErrors };
  }
  const user: Claimant | null = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, emailVerified: true } });
  if (!user) return { ok: false, error: "no_such_user" };

  const userKey = `order-claim:user:${userId}`;
  const client = clientAddress && clientAddress !== "unknown" ? clientRateLimitKey("order-claim", clientAddress) : null;
  if ((await isLimited(userKey, CLAIM_USER_LIMIT.limit, now)) || (client && (await isLimited(client, CLAIM_CLIENT_LIMIT.limit, now)))) {
    return { ok: false, error: "locked" };
  }

  const moved = await tryClaim(user, parsed.data, now);
  if (moved) return { ok: true, orderId: moved.id, orderNumber: moved.number };
  // Only wrong answers count, against the claimer and their client, never against the order:
  // strangers guessing at an order cannot use up the real buyer's tries.
  await hit(userKey, { ...CLAIM_USER_LIMIT, now });
  if (client) await hit(client, { ...CLAIM_CLIENT_LIMIT, now });
  return { ok: false, error: "no_match" };
}

async function tryClaim(
  user: Claimant,
  answer: z.output<typeof claimFormSchema>,
  now: Date,
): Promise<{ id: string; number: string } | null> {
  const order = await db.order.findUnique({
    where: { number: normaliseOrderNumber(answer.orderNumber) },
    select: { id: true, number: true, status: true, userId: true, buyerEmail: true, cardLast4: true, totalMinor: true },
  });
  // Compared even without an order, so a missing number costs the same time as a wrong answer.
  // A free order has no amount to prove and an order without card digits no card: neither is
  // ever claimed by its buyer.
  const expected = order && order.totalMinor > 0 && order.cardLast4 ? `${order.totalMinor}:${order.cardLast4}` : "nothing to prove";
  const given = `${parseAmountMinor(answer.amount) ?? "unreadable"}:${answer.last4}`;
  const matches = sameSecret(given, expected);
  if (!order || !matches || order.status !== "PAID" || order.userId === user.id) return null;
  // The claimer's address must be one whose owner has shown they read it, and a believable
  // correction of what was typed at checkout.
  // (The same address is no correction: isPlausibleCorrection refuses it.)
  if (user.emailVerified === null || !isPlausibleCorrection(order.buyerEmail, user.email)) return null;

  const result = await db.$transaction(async (tx) => {
    if (!(await ownerNeverUsed(tx, order.id))) return null;
    if (!(await isOrderStillMovable(tx, order.id, now))) return null;
    return moveOrderToEmail(tx, { orderId: order.id, toEmail: user.email, source: "buyer_claim", changedBy: user, now });
  });
  return result?.ok ? { id: order.id, number: order.number } : null;
}
