// Moves a paid order to the account of a corrected email address: shared by an organizer's
// correction and a buyer's claim. Everything happens in the caller's transaction.
import type { DbTransaction } from "../../db/client";
import { normaliseEmail } from "../../accounts/email-address";
import { ensureBuyerAccount } from "../../accounts/buyer-account";
import { createSignInLink } from "../../accounts/sign-in-links";
import { newTicketCode } from "../../orders/codes";
import { STILL_WITH_BUYER } from "../../ownership/ticket-holder";
import { lockOrder, SET_PASSWORD_PATH, WELCOME_LINK_MAX_AGE_MS } from "../../orders/finalize-order";
import { enqueueEmails, type QueuedEmail } from "../../outbox/queue";
import { moveConsentsToAddress } from "../../privacy/consents";
import { ORGANIZER_CONTACT_SELECT, organizerReplyTo } from "../contact-address";
import { orderConfirmationPayload } from "../../tickets/order-confirmation-payload";
import { eventRecipients } from "../../ownership/event-recipients";
import { reminderKeyPrefix } from "../../reminders/event-reminders";

/**
 * Who moved an order: an organizer member; the buyer from an account with a believable
 * correction of the address ("buyer_claim"); or the buyer from the browser that bought it,
 * confirmed from the new mailbox ("buyer_correction").
 */
export const EMAIL_CHANGE_SOURCES = ["organizer", "buyer_claim", "buyer_correction"] as const;
export type EmailChangeSource = (typeof EMAIL_CHANGE_SOURCES)[number];

export const SUPERSEDED_ERROR = "superseded by email correction";

export type MoveOrderResult =
  | { ok: true; changeId: string; fromEmail: string; toEmail: string; accountCreated: boolean }
  | { ok: false; error: "not_paid" | "same_email" };

/**
 * The order's buyerEmail and account become those of `toEmail` (an account is created without
 * a password if there is none, with the welcome email a first purchase would get); emails for
 * this order not yet sent to the old address are stopped; the unused tickets the buyer still
 * holds (not those passed on: lib/transfers) get new codes and
 * the confirmation with them goes to the new address; and the change is recorded.
 *
 * Marketing consent: a consent ticked on this order was given by the buyer, who owns the new
 * address, never by whoever owns the misspelled one. So it moves to the new address; if the
 * new address already has a row for this organizer, that row stands (a withdrawal made there
 * is the owner's own choice and must not be undone) and the old one is marked withdrawn.
 *
 * The old address is told, briefly, that the order moved and at whose request, with neither a
 * link to the tickets nor the new address: whoever reads it may be a stranger.
 *
 * `toEmail` is normalised. The order's buyerEmail is kept as the buyer typed it, while the
 * account, the consent and the emails use the normalised address: everything about the old
 * address is looked up by that.
 */
export async function moveOrderToEmail(
  tx: DbTransaction,
  {
    orderId,
    toEmail,
    source,
    changedBy,
    now = new Date(),
  }: { orderId: string; toEmail: string; source: EmailChangeSource; changedBy: { id: string | null; email: string }; now?: Date },
): Promise<MoveOrderResult> {
  // The row lock orders two corrections of the same order one after the other.
  const status = await lockOrder(tx, orderId);
  if (status !== "PAID") return { ok: false, error: "not_paid" };
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    include: {
      event: { include: { organizer: { select: { id: true, name: true, ...ORGANIZER_CONTACT_SELECT } } } },
    },
  });
  const fromEmail = order.buyerEmail;
  const fromAddress = normaliseEmail(fromEmail);
  if (fromAddress === toEmail) return { ok: false, error: "same_email" };
  // Organizer messages queued before they were addressed in the normalised form carry the
  // typed spelling.
  const toOld = { in: [...new Set([fromAddress, fromEmail])] };
  const previousUserId = order.userId;

  const account = await ensureBuyerAccount(tx, { email: toEmail, name: order.buyerName, locale: order.locale });
  await tx.order.update({ where: { id: orderId }, data: { buyerEmail: toEmail, userId: account.userId } });

  // Stop what has not left yet.
  const notYetSent = notSentBy(now);
  const forThisOrder = [
    { dedupeKey: { startsWith: `order-confirmation:${orderId}` } },
    { dedupeKey: { startsWith: `order-resend:${orderId}:` } },
    { dedupeKey: { startsWith: "organizer-message:", endsWith: `:${orderId}` } },
  ];
  await tx.outboxEmail.updateMany({
    where: { to: toOld, AND: [{ OR: notYetSent }, { OR: forThisOrder }] },
    data: { status: "FAILED", lastError: SUPERSEDED_ERROR, lockedUntil: null },
  });
  await stopReminderToOldAddress(tx, order.eventId, fromAddress, now);
  // The misspelled address's welcome invites someone else to an account that now holds
  // nothing: stop it too, unless that account still has other orders.
  if (previousUserId && previousUserId !== account.userId) {
    const otherOrders = await tx.order.count({ where: { userId: previousUserId } });
    if (otherOrders === 0) {
      await tx.outboxEmail.updateMany({
        where: { to: toOld, dedupeKey: `welcome:${previousUserId}`, OR: notYetSent },
        data: { status: "FAILED", lastError: SUPERSEDED_ERROR, lockedUntil: null },
      });
    }
  }

  const consent = await tx.marketingConsent.findFirst({
    where: { organizerId: order.event.organizer.id, email: fromAddress, orderId, withdrawnAt: null },
    select: { id: true, organizerId: true, withdrawnAt: true },
  });
  if (consent) await moveConsentsToAddress(tx, [consent], { toEmail, userId: account.userId, now });

  const change = await tx.orderEmailChange.create({
    data: { orderId, fromEmail, toEmail, source, changedById: changedBy.id, changedByEmail: changedBy.email, createdAt: now },
  });

  // New codes for the tickets not yet used: whoever read the emails sent to the wrong address
  // holds the old ones, and they must not get anybody in. (The order's links die with the old
  // address too: lib/orders/order-links.ts signs the address into them.) Only the tickets the
  // buyer still holds move: one passed on is its holder's, with its own code and link.
  const unused = await tx.ticket.findMany({
    where: { orderId, status: "VALID", checkedInAt: null, ...STILL_WITH_BUYER },
    select: { id: true },
  });
  for (const ticket of unused) await tx.ticket.update({ where: { id: ticket.id }, data: { code: newTicketCode() } });

  const payload = await orderConfirmationPayload(tx, orderId);
  if (!payload) throw new Error(`order ${orderId} vanished inside its own transaction`);
  const emails: QueuedEmail[] = [
    {
      template: "order-confirmation",
      to: toEmail,
      toName: order.buyerName,
      locale: order.locale,
      // A key per change: the first confirmation's key is taken, and a second correction
      // must send again.
      dedupeKey: `order-confirmation:${orderId}:change:${change.id}`,
      payload,
    },
  ];
  if (account.created) {
    const link = await createSignInLink(tx, { email: toEmail, maxAgeMs: WELCOME_LINK_MAX_AGE_MS, callbackPath: SET_PASSWORD_PATH, now });
    emails.push({
      template: "welcome",
      to: toEmail,
      toName: order.buyerName,
      locale: order.locale,
      dedupeKey: `welcome:${account.userId}`,
      payload: { name: order.buyerName, setPasswordUrl: link },
    });
  }
  // No name in the To header: the old mailbox may be a stranger's, who learns nobody's name.
  emails.push({
    template: "order-moved",
    to: fromAddress,
    locale: order.locale,
    dedupeKey: `order-moved:${change.id}`,
    payload: {
      orderNumber: order.number,
      eventTitle: order.event.title,
      organizerName: order.event.organizer.name,
      movedBy: source === "organizer" ? "organizer" : "buyer",
      replyTo: organizerReplyTo(order.event.organizer),
    },
  });
  await enqueueEmails(tx, emails);
  return { ok: true, changeId: change.id, fromEmail, toEmail, accountCreated: account.created };
}

/**
 * Outbox rows that have not left yet: the sender only claims PENDING rows (and SENDING ones
 * whose lease ran out, i.e. whose sender died); one being sent right now cannot be recalled.
 */
function notSentBy(now: Date) {
  return [{ status: "PENDING" as const }, { status: "SENDING" as const, lockedUntil: { lt: now } }];
}

/**
 * The day-before reminder (lib/reminders) goes to an address, not an order: one queued to the
 * old address and not sent yet is stopped once that address holds no ticket of the event any
 * more (by the ownership rule, after the move). It names the event, the buyer and a link that
 * no longer opens. Its owner may still hold other tickets of the event: then it stays theirs.
 * The new address gets the tickets in a new confirmation instead.
 */
async function stopReminderToOldAddress(tx: DbTransaction, eventId: string, fromAddress: string, now: Date): Promise<void> {
  const pending = await tx.outboxEmail.findFirst({
    where: {
      dedupeKey: `${reminderKeyPrefix(eventId)}${fromAddress}`,
      OR: notSentBy(now),
    },
    select: { id: true },
  });
  if (!pending) return;
  if ((await eventRecipients(tx, eventId)).some((recipient) => recipient.email === fromAddress)) return;
  await tx.outboxEmail.updateMany({
    where: { id: pending.id, OR: notSentBy(now) },
    data: { status: "FAILED", lastError: SUPERSEDED_ERROR, lockedUntil: null },
  });
}
