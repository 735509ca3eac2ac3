// Right after buying, the buyer corrects a misspelled address themselves: the browser that
// bought the order proves who asks (lib/orders/buyer-browser.ts), and a single-use link sent to
// the corrected address proves that mailbox. Only both together move the order, and only while
// nobody has been let in on its tickets and the event has not started.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { normaliseEmail, parseEmail, type EmailProblem } from "../../accounts/email-address";
import { db } from "../../db/client";
import { env } from "../../env";
import type { AppLocale } from "../../i18n/locales";
import { lockOrder } from "../../orders/finalize-order";
import { enqueueEmails } from "../../outbox/queue";
import { clientRateLimitKey, emailRateLimitKey, hit, type RateLimit } from "../../rate-limit";
import { ORGANIZER_CONTACT_SELECT, organizerReplyTo } from "../contact-address";
import { moveOrderToEmail } from "./move-order";
import { isOrderStillMovable } from "./order-claim";

export const ORDER_CORRECTION_PATH = "/orders/correct";
export const ORDER_CORRECTION_LIFETIME_MINUTES = 60;
/** Links one order may have sent: each is an email to an address the asker chooses. */
export const CORRECTION_REQUESTS_PER_ORDER: RateLimit = { limit: 5, windowMs: 60 * 60_000 };
/** Links one client may have sent, over all the orders its browser holds. */
export const CORRECTION_REQUESTS_PER_CLIENT: RateLimit = { limit: 10, windowMs: 60 * 60_000 };
/** Links one address may receive, whoever asks. */
export const CORRECTION_EMAILS_PER_ADDRESS: RateLimit = { limit: 3, windowMs: 60 * 60_000 };

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type CorrectionFieldErrors = { email?: EmailProblem | "same_email" };

export type RequestOrderCorrectionResult =
  | { ok: true; toEmail: string }
  | { ok: false; error: "invalid_form"; fieldErrors: CorrectionFieldErrors }
  /** Not this browser's order, or no longer movable (checked in, started, not paid). */
  | { ok: false; error: "closed" }
  | { ok: false; error: "rate_limited" };

export async function requestOrderCorrection({
  orderId,
  browserOrders,
  email,
  locale,
  clientAddress,
  now = new Date(),
}: {
  orderId: string;
  /** The orders the asking browser bought (its signed cookie). */
  browserOrders: ReadonlySet<string>;
  email: string;
  locale: AppLocale;
  clientAddress?: string;
  now?: Date;
}): Promise<RequestOrderCorrectionResult> {
  if (!browserOrders.has(orderId)) return { ok: false, error: "closed" };
  const parsed = parseEmail(email);
  if (!parsed.ok) return { ok: false, error: "invalid_form", fieldErrors: { email: parsed.problem } };

  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      number: true,
      buyerName: true,
      buyerEmail: true,
      event: { select: { title: true, organizer: { select: { name: true, ...ORGANIZER_CONTACT_SELECT } } } },
    },
  });
  if (!order || !(await db.$transaction((tx) => isOrderStillMovable(tx, orderId, now)))) return { ok: false, error: "closed" };
  if (normaliseEmail(order.buyerEmail) === parsed.email) {
    return { ok: false, error: "invalid_form", fieldErrors: { email: "same_email" } };
  }

  const perOrder = await hit(`order-correction:order:${orderId}`, { ...CORRECTION_REQUESTS_PER_ORDER, now });
  if (!perOrder.allowed) return { ok: false, error: "rate_limited" };
  if (clientAddress && clientAddress !== "unknown") {
    const perClient = await hit(clientRateLimitKey("order-correction", clientAddress), { ...CORRECTION_REQUESTS_PER_CLIENT, now });
    if (!perClient.allowed) return { ok: false, error: "rate_limited" };
  }
  // Over the per-address limit the answer stays the same; only no further email is sent.
  const perAddress = await hit(emailRateLimitKey("order-correction", parsed.email), { ...CORRECTION_EMAILS_PER_ADDRESS, now });
  if (!perAddress.allowed) return { ok: true, toEmail: parsed.email };

  const token = randomBytes(32).toString("base64url");
  const confirmUrl = `${env().SITE_URL}${ORDER_CORRECTION_PATH}?${new URLSearchParams({ token }).toString()}`;
  await db.$transaction(async (tx) => {
    // The newest request replaces the older ones: only the latest link works.
    await tx.orderCorrectionRequest.deleteMany({ where: { orderId, usedAt: null } });
    const request = await tx.orderCorrectionRequest.create({
      data: {
        orderId,
        fromEmail: order.buyerEmail,
        toEmail: parsed.email,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + ORDER_CORRECTION_LIFETIME_MINUTES * 60_000),
        createdAt: now,
      },
    });
    await enqueueEmails(tx, [
      {
        template: "order-correction",
        to: parsed.email,
        toName: order.buyerName,
        locale,
        dedupeKey: `order-correction:${request.id}`,
        payload: {
          buyerName: order.buyerName,
          orderNumber: order.number,
          eventTitle: order.event.title,
          confirmUrl,
          expiresInMinutes: ORDER_CORRECTION_LIFETIME_MINUTES,
          organizerName: order.event.organizer.name,
          replyTo: organizerReplyTo(order.event.organizer),
        },
      },
    ]);
  });
  return { ok: true, toEmail: parsed.email };
}

export type PendingOrderCorrection = { orderNumber: string; eventTitle: string; toEmail: string };

/** What a link would do, without using it up (a mail scanner's GET may look). */
export async function findOrderCorrection(token: string, now = new Date()): Promise<PendingOrderCorrection | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const request = await db.orderCorrectionRequest.findFirst({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } },
    select: { toEmail: true, order: { select: { number: true, event: { select: { title: true } } } } },
  });
  return request ? { orderNumber: request.order.number, eventTitle: request.order.event.title, toEmail: request.toEmail } : null;
}

export type ConfirmOrderCorrectionResult =
  | { ok: true; order: { id: string; number: string; buyerEmail: string } }
  /** Unknown, used or expired link. */
  | { ok: false; error: "invalid_link" }
  /** The link was good but the order can no longer move (moved since, checked in, started). */
  | { ok: false; error: "closed" };

/** Uses the link up first, then moves the order, all in one transaction. */
export async function confirmOrderCorrection({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}): Promise<ConfirmOrderCorrectionResult> {
  if (!TOKEN_PATTERN.test(token)) return { ok: false, error: "invalid_link" };
  const tokenHash = hashToken(token);
  return db.$transaction(async (tx) => {
    const used = await tx.orderCorrectionRequest.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (used.count !== 1) return { ok: false, error: "invalid_link" } as const;
    const request = await tx.orderCorrectionRequest.findUniqueOrThrow({
      where: { tokenHash },
      select: { orderId: true, fromEmail: true, toEmail: true },
    });
    await lockOrder(tx, request.orderId);
    const order = await tx.order.findUniqueOrThrow({ where: { id: request.orderId }, select: { buyerEmail: true } });
    // Moved by someone else since the link was sent: the link spoke for the old address only.
    if (order.buyerEmail !== request.fromEmail || !(await isOrderStillMovable(tx, request.orderId, now))) {
      return { ok: false, error: "closed" } as const;
    }
    const moved = await moveOrderToEmail(tx, {
      orderId: request.orderId,
      toEmail: request.toEmail,
      source: "buyer_correction",
      changedBy: { id: null, email: request.toEmail },
      now,
    });
    if (!moved.ok) return { ok: false, error: "closed" } as const;
    const after = await tx.order.findUniqueOrThrow({
      where: { id: request.orderId },
      select: { id: true, number: true, buyerEmail: true },
    });
    return { ok: true, order: after } as const;
  });
}
