// "Send my tickets again": queues a fresh order confirmation (with the tickets' QR codes and
// PDF) for one of the signed-in user's paid orders, to the account's current address.
import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import type { AppLocale } from "../i18n/locales";
import { orderRecipient } from "../orders/order-recipient";
import { enqueueEmails } from "../outbox/queue";
import { hit } from "../rate-limit";
import { findAccountOrder } from "./account-tickets";
import { orderConfirmationPayload } from "./order-confirmation-payload";

/** At most this many resends of one order per window, whoever asks. */
export const RESEND_TICKETS_LIMIT = { limit: 3, windowMs: 60 * 60_000 };

export type ResendTicketsResult =
  | { ok: true; to: string }
  | { ok: false; error: "not_found" }
  | { ok: false; error: "not_paid" }
  | { ok: false; error: "rate_limited"; retryAfterMinutes: number };

export const resendTicketsSchema = z.object({
  orderId: z.uuid(),
  /** One per rendering of the form: a double click (or a re-post) sends once. */
  requestKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
});

export function resendDedupeKey(orderId: string, requestKey: string): string {
  return `order-resend:${orderId}:${requestKey}`;
}

export async function resendOrderTickets({
  userId,
  orderId,
  requestKey,
  locale,
  now = new Date(),
}: {
  userId: string;
  orderId: string;
  requestKey: string;
  /** The language of the page the user asked from: they are the recipient. */
  locale: AppLocale;
  now?: Date;
}): Promise<ResendTicketsResult> {
  // Someone else's order and an unknown one look the same.
  const order = await findAccountOrder(userId, orderId);
  // The confirmation carries the buyer's tickets: an account holding only tickets passed on to
  // it (lib/transfers) has the emails and links that came with those instead.
  if (!order || !order.holdsOrder) return { ok: false, error: "not_found" };
  if (order.status !== "PAID") return { ok: false, error: "not_paid" };
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true } });
  if (!user) return { ok: false, error: "not_found" };
  // The order is this account's (or unlinked, bought with the account's address): it goes to the
  // account's current address and name, not to the purchase's.
  const to = orderRecipient({ buyerEmail: user.email, buyerName: order.buyerName, user });

  const dedupeKey = resendDedupeKey(order.id, requestKey);
  // The same form posted twice: already queued, and not counted against the limit again.
  if ((await db.outboxEmail.count({ where: { dedupeKey } })) > 0) return { ok: true, to: to.email };

  const limit = await hit(`tickets-resend:order:${order.id}`, { ...RESEND_TICKETS_LIMIT, now });
  if (!limit.allowed) return { ok: false, error: "rate_limited", retryAfterMinutes: Math.max(1, Math.ceil(limit.retryAfterMs / 60_000)) };

  await db.$transaction(async (tx) => {
    const payload = await orderConfirmationPayload(tx, order.id);
    if (!payload) return;
    // Two posts racing past the check above still give one email: the dedupe key is unique.
    await enqueueEmails(tx, [{ template: "order-confirmation", to: to.email, toName: to.name, locale, dedupeKey, payload }]);
  });
  return { ok: true, to: to.email };
}
