// A signed-in buyer claims an order that was sent to a misspelled address, by proving they
// paid for it: the order number and the card's last four digits or the exact amount. The
// number is printed on every ticket and the amount is a guess away, so that proof is only
// enough while nobody has shown they read the address: an order whose account has been
// used is the organizer's to move, never a claim's.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { normaliseEmail } from "../accounts/email-address";
import { db, type DbTransaction } from "../db/client";
import { lockOrder } from "../orders/finalize-order";
import { hit } from "../rate-limit";
import { moveOrderToEmail } from "./move-order";

/** Wrong answers an order's claim takes before it is locked for the rest of the window. */
export const CLAIM_ORDER_LIMIT = { limit: 5, windowMs: 30 * 60_000 };
/** Claims one user may try across all orders, so numbers cannot be tried in bulk. */
export const CLAIM_USER_LIMIT = { limit: 20, windowMs: 60 * 60_000 };

export const claimFormSchema = z.object({
  orderNumber: z.string().trim().min(1, "required").max(32, "invalid"),
  method: z.enum(["card", "amount"], "required"),
  secret: z.string().trim().min(1, "required").max(32, "invalid"),
});

export type ClaimForm = z.infer<typeof claimFormSchema>;
export type ClaimFieldErrors = Partial<Record<keyof ClaimForm, "required" | "invalid">>;

export type ClaimResult =
  | { ok: true; orderId: string; orderNumber: string }
  | { ok: false; error: "invalid_form"; fieldErrors: ClaimFieldErrors }
  /** The one answer for a wrong number, a wrong secret, or an order that cannot be claimed so. */
  | { ok: false; error: "no_match" }
  | { ok: false; error: "locked"; retryAfterMs: number }
  | { ok: false; error: "already_yours" | "not_paid" | "no_such_user" }
  /** Proven, but the order's account has been used (or is gone): only the organizer may move it. */
  | { ok: false; error: "in_use" };

/** Order numbers as typed: case, spaces and dashes do not matter; O, I and L read as digits. */
export function normaliseOrderNumber(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

/** "450", "450,00", "450.5", "450 kr", "1 250,00" → öre; null for anything else. */
export function parseAmountMinor(raw: string): number | null {
  const text = raw.replace(/\s|\u00a0/g, "").replace(/(kr|sek|:-)$/i, "").replace(/:-$/, "");
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

function claimOrderKey(orderNumber: string): string {
  return `order-claim:order:${createHash("sha256").update(orderNumber).digest("base64url").slice(0, 32)}`;
}

export async function claimOrder({
  userId,
  form,
  now = new Date(),
}: {
  userId: string;
  form: { orderNumber: string; method: string; secret: string };
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
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!user) return { ok: false, error: "no_such_user" };

  const number = normaliseOrderNumber(parsed.data.orderNumber);
  // Counted before the answer is looked at, for every number (existing or not), so the lock
  // tells nothing; the successful try is among the five.
  const perUser = await hit(`order-claim:user:${userId}`, { ...CLAIM_USER_LIMIT, now });
  if (!perUser.allowed) return { ok: false, error: "locked", retryAfterMs: perUser.retryAfterMs };
  const perOrder = await hit(claimOrderKey(number), { ...CLAIM_ORDER_LIMIT, now });
  if (!perOrder.allowed) return { ok: false, error: "locked", retryAfterMs: perOrder.retryAfterMs };

  const order = await db.order.findUnique({
    where: { number },
    select: { id: true, number: true, status: true, userId: true, buyerEmail: true, cardLast4: true, totalMinor: true },
  });
  // Compared even without an order, so a missing number costs the same time as a wrong answer.
  const expected =
    parsed.data.method === "card"
      ? (order?.cardLast4 ?? "no card on this order")
      : order && order.totalMinor > 0
        ? String(order.totalMinor)
        : "no amount to prove";
  const given =
    parsed.data.method === "card" ? parsed.data.secret.replace(/\s/g, "") : String(parseAmountMinor(parsed.data.secret) ?? "unreadable");
  const matches = sameSecret(given, expected);
  if (!order || !matches) return { ok: false, error: "no_match" };

  if (order.userId === user.id || normaliseEmail(order.buyerEmail) === user.email) return { ok: false, error: "already_yours" };
  if (order.status !== "PAID") return { ok: false, error: "not_paid" };

  const moved = await db.$transaction(async (tx) => {
    if (!(await ownerNeverUsed(tx, order.id))) return { ok: false, error: "in_use" } as const;
    return moveOrderToEmail(tx, { orderId: order.id, toEmail: user.email, source: "buyer_claim", changedBy: user, now });
  });
  if (!moved.ok) {
    if (moved.error === "in_use") return { ok: false, error: "in_use" };
    return { ok: false, error: moved.error === "same_email" ? "already_yours" : "not_paid" };
  }
  return { ok: true, orderId: order.id, orderNumber: order.number };
}
