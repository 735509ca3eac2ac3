// The end of a checkout: a paid (or free) order gets its tickets, the buyer's consent is
// recorded, and the emails are queued, all in the caller's transaction. A failed or
// abandoned one gives its held admissions back.
import { randomUUID } from "node:crypto";
import type { DbTransaction } from "../db/client";
import type { OrderStatus } from "../db/types";
import { createSignInLink } from "../accounts/sign-in-links";
import { enqueueEmails, type QueuedEmail } from "../outbox/queue";
import { orderConfirmationPayload } from "../tickets/order-confirmation-payload";
import { newTicketCode } from "./codes";
import { convertHeldToSold, releaseHeld, sellAdmissions } from "./inventory";
import { orderRecipient } from "./order-recipient";

/** The welcome email's sign-in link: a full sign-in, so short-lived; "Forgot password" is there after. */
export const WELCOME_LINK_MAX_AGE_MS = 48 * 60 * 60_000;
export const SET_PASSWORD_PATH = "/account/password";

export type PaymentRecord = {
  provider: string;
  reference: string;
  cardBrand: string | null;
  cardLast4: string | null;
};

/** Locks the order row for the rest of the transaction and returns its status. */
export async function lockOrder(tx: DbTransaction, orderId: string): Promise<OrderStatus | null> {
  const rows = await tx.$queryRaw<{ status: OrderStatus }[]>`
    SELECT "status" FROM "Order" WHERE "id" = ${orderId}::uuid FOR UPDATE`;
  return rows[0]?.status ?? null;
}

/**
 * Completes a PENDING order. `admissions` says where its admissions are: "held" by an earlier
 * transaction while the payment ran, or "unclaimed" (a free order, claimed here and now).
 * Returns false, changing nothing, if the order is no longer pending (a webhook retried, say).
 */
export async function completeOrder(
  tx: DbTransaction,
  orderId: string,
  { admissions, payment, now = new Date() }: { admissions: "held" | "unclaimed"; payment: PaymentRecord | null; now?: Date },
): Promise<boolean> {
  if ((await lockOrder(tx, orderId)) !== "PENDING") return false;

  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    include: {
      items: { include: { ticketType: { select: { name: true, sortOrder: true } } } },
      event: { include: { organizer: { select: { id: true, name: true } } } },
      user: { select: { id: true, email: true, name: true, passwordHash: true } },
    },
  });
  const claims = order.items.map((item) => ({ ticketTypeId: item.ticketTypeId, quantity: item.quantity }));
  if (admissions === "held") await convertHeldToSold(tx, claims);
  else await sellAdmissions(tx, claims);

  const items = [...order.items].sort((a, b) => a.ticketType.sortOrder - b.ticketType.sortOrder);
  const tickets = items.flatMap((item) =>
    Array.from({ length: item.quantity }, () => ({
      code: newTicketCode(),
      orderId,
      ticketTypeId: item.ticketTypeId,
      eventId: order.eventId,
    })),
  );
  await tx.ticket.createMany({
    data: tickets.map((ticket) => ({
      code: ticket.code,
      orderId: ticket.orderId,
      ticketTypeId: ticket.ticketTypeId,
      eventId: ticket.eventId,
    })),
  });

  await tx.order.update({
    where: { id: orderId },
    data: {
      status: "PAID",
      paidAt: now,
      holdExpiresAt: null,
      paymentProvider: payment?.provider ?? null,
      paymentRef: payment?.reference ?? null,
      cardBrand: payment?.cardBrand ?? null,
      cardLast4: payment?.cardLast4 ?? null,
    },
  });

  const email = order.user?.email;
  if (order.marketingOptIn && email) {
    // A new consent, or a renewed one after a withdrawal: when and where it was given. The box
    // was ticked when the order was made; a withdrawal after that (a payment that took its
    // time) is the later word and stands. One statement, so a withdrawal committed meanwhile
    // is seen by the WHERE rather than overwritten.
    await tx.$executeRaw`
      INSERT INTO "MarketingConsent" ("id", "organizerId", "email", "userId", "givenAt", "source", "orderId", "createdAt", "updatedAt")
      VALUES (${randomUUID()}::uuid, ${order.event.organizer.id}::uuid, ${email}, ${order.user?.id ?? null}::uuid, ${now}, 'checkout', ${orderId}::uuid, now(), now())
      ON CONFLICT ("organizerId", "email") DO UPDATE
        SET "givenAt" = EXCLUDED."givenAt", "source" = EXCLUDED."source", "orderId" = EXCLUDED."orderId",
            "withdrawnAt" = NULL, "userId" = EXCLUDED."userId", "updatedAt" = now()
        WHERE "MarketingConsent"."withdrawnAt" IS NULL OR "MarketingConsent"."withdrawnAt" <= ${order.createdAt}`;
  }

  if (!email) return true;
  const { name: toName } = orderRecipient({ buyerEmail: order.buyerEmail, buyerName: order.buyerName, user: order.user });
  // Read back from what was just written, as a resend or an email correction does.
  const payload = await orderConfirmationPayload(tx, orderId);
  if (!payload) throw new Error(`order ${orderId} vanished inside its own transaction`);
  const emails: QueuedEmail[] = [
    {
      template: "order-confirmation",
      to: email,
      toName,
      locale: order.locale,
      dedupeKey: `order-confirmation:${orderId}`,
      payload,
    },
  ];
  // One welcome per account, ever: the first completed purchase of an account with no password.
  if (order.user && order.user.passwordHash === null) {
    const alreadyWelcomed = await tx.outboxEmail.count({ where: { dedupeKey: `welcome:${order.user.id}` } });
    if (alreadyWelcomed === 0) {
      const link = await createSignInLink(tx, {
        email,
        maxAgeMs: WELCOME_LINK_MAX_AGE_MS,
        callbackPath: SET_PASSWORD_PATH,
        now,
      });
      emails.push({
        template: "welcome",
        to: email,
        toName,
        locale: order.locale,
        dedupeKey: `welcome:${order.user.id}`,
        payload: { name: order.user.name ?? order.buyerName, setPasswordUrl: link },
      });
    }
  }
  await enqueueEmails(tx, emails);
  return true;
}

export type FailureReason = "payment_declined" | "payment_unavailable" | "hold_expired";

/** Fails a PENDING order and releases what it held; false if it was no longer pending. */
export async function failOrder(tx: DbTransaction, orderId: string, reason: FailureReason): Promise<boolean> {
  if ((await lockOrder(tx, orderId)) !== "PENDING") return false;
  const items = await tx.orderItem.findMany({ where: { orderId } });
  await releaseHeld(
    tx,
    items.map((item) => ({ ticketTypeId: item.ticketTypeId, quantity: item.quantity })),
  );
  await tx.order.update({ where: { id: orderId }, data: { status: "FAILED", failureReason: reason, holdExpiresAt: null } });
  return true;
}
