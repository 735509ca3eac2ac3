// "Important information" from an organizer to every ticket holder of one event: who gets it,
// the preview, and the send, which happens at most once per form (its requestKey).
import "server-only";
import { db, type Db, type DbTransaction } from "../db/client";
import type { Locale } from "../db/types";
import { enqueueEmails, type QueuedEmail } from "../outbox/queue";
import type { OrganizerMessagePayload } from "../outbox/templates";
import { env } from "../env";
import { orderUrl } from "../orders/order-links";
import { findMemberEvent } from "./membership";
import { can } from "./roles";
import { TICKET_HOLDER_SELECT, ticketHolderContact, ticketStillWithBuyer } from "../ownership/holdings";
import { ticketLinkUrl } from "../transfers/ticket-links";
import type { MessageForm } from "./message-schema";
import { organizerReplyTo } from "./contact-address";

type Reader = Db | DbTransaction;

/**
 * `email` is the address the message goes to (the ticket holder's, see ticketHolderContact)
 * and `name` the name for its To header and greeting; `link` is the holder's own signed link:
 * the order's for a buyer, the ticket's for someone a ticket was passed on to. `key` names
 * what the email is about in its dedupe key: the order (so correcting the order's address
 * stops it), or the passed-on ticket.
 */
export type MessageRecipient = {
  email: string;
  name: string | null;
  holderName: string;
  orderNumber: string;
  link: string;
  key: string;
  locale: Locale;
};

/**
 * One recipient per address holding a valid ticket of a paid order of the event: a buyer with
 * two orders gets one email, about the newest order (its number, link, name and language), in
 * the order the addresses first bought. An order of an account goes to the account's current
 * address, not to the one it was bought with; a ticket passed on goes to its holder instead.
 */
export async function messageRecipients(reader: Reader, eventId: string): Promise<MessageRecipient[]> {
  const tickets = await reader.ticket.findMany({
    where: { eventId, status: "VALID", order: { status: "PAID" } },
    select: {
      ...TICKET_HOLDER_SELECT,
      id: true,
      order: { select: { ...TICKET_HOLDER_SELECT.order.select, id: true, number: true, locale: true } },
      transfers: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true, toEmail: true } },
    },
    orderBy: [{ order: { createdAt: "asc" } }, { order: { id: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
  });
  const byAddress = new Map<string, MessageRecipient>();
  for (const ticket of tickets) {
    const { email, name } = ticketHolderContact(ticket);
    const { order } = ticket;
    const transfer = ticket.transfers[0];
    const withBuyer = ticketStillWithBuyer(ticket) || !transfer;
    byAddress.set(email, {
      email,
      name,
      holderName: withBuyer ? order.buyerName : (ticket.holderName ?? order.buyerName),
      orderNumber: order.number,
      link: withBuyer ? orderUrl({ id: order.id, buyerEmail: order.buyerEmail }) : ticketLinkUrl(transfer),
      key: withBuyer ? order.id : `ticket:${ticket.id}`,
      locale: order.locale,
    });
  }
  return [...byAddress.values()];
}

type EventForMessage = NonNullable<Awaited<ReturnType<typeof findMemberEvent>>>;

function payloadFor(
  context: EventForMessage,
  message: Pick<MessageForm, "subject" | "body">,
  recipient: { buyerName: string; orderNumber: string },
  orderLink: string,
): OrganizerMessagePayload {
  const { event, membership } = context;
  return {
    organizerName: membership.name,
    replyTo: organizerReplyTo(membership),
    buyerName: recipient.buyerName,
    orderNumber: recipient.orderNumber,
    event: {
      title: event.title,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      timeZone: event.timeZone,
      venue: event.venue,
      city: event.city,
    },
    subject: message.subject,
    body: message.body,
    orderUrl: orderLink,
  };
}

/** The compose page: the event, how many would get a message, and whether this user may send. */
export async function getMessageComposer(userId: string, organizerId: string, eventId: string) {
  const context = await findMemberEvent(userId, organizerId, eventId, "viewEvents");
  if (!context) return null;
  const recipientCount = (await messageRecipients(db, eventId)).length;
  const { role, ...organizer } = context.membership;
  return { event: context.event, organizer, role, canSend: can(role, "messageHolders"), recipientCount };
}

/**
 * What one recipient would receive: the payload of the first recipient (or a stand-in when
 * there is none yet), for the preview step. null when the user may not send for this event.
 */
export async function previewOrganizerMessage(
  {
    userId,
    organizerId,
    eventId,
    message,
  }: { userId: string; organizerId: string; eventId: string; message: Pick<MessageForm, "subject" | "body"> },
  standIn: { buyerName: string; orderNumber: string },
): Promise<{ payload: OrganizerMessagePayload; recipientCount: number } | null> {
  const context = await findMemberEvent(userId, organizerId, eventId, "messageHolders");
  if (!context) return null;
  const recipients = await messageRecipients(db, eventId);
  const first = recipients[0];
  // The preview's button leads nowhere: a buyer's order link is theirs, not the organizer's to see.
  const payload = payloadFor(
    context,
    message,
    first ? { buyerName: first.holderName, orderNumber: first.orderNumber } : standIn,
    `${env().SITE_URL}/orders/preview`,
  );
  return { payload, recipientCount: recipients.length };
}

export type SendMessageResult =
  { ok: true; messageId: string; recipientCount: number; alreadySent: boolean } | { ok: false; error: "not_found" | "no_recipients" };

/**
 * Records the message and queues one email per recipient, in one transaction. The key names
 * the order the email is about, so correcting that order's address stops it. The form's
 * requestKey is unique: a double click or a resubmitted page finds the first row and queues
 * nothing again, also when both posts arrive at once (the loser hits the unique index).
 */
export async function sendOrganizerMessage({
  userId,
  organizerId,
  eventId,
  message,
}: {
  userId: string;
  organizerId: string;
  eventId: string;
  message: MessageForm;
}): Promise<SendMessageResult> {
  const context = await findMemberEvent(userId, organizerId, eventId, "messageHolders");
  if (!context) return { ok: false, error: "not_found" };

  const earlier = await findByRequestKey(message.requestKey, eventId);
  if (earlier) return earlier;

  try {
    return await db.$transaction(async (tx) => {
      const sender = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
      const recipients = await messageRecipients(tx, eventId);
      if (recipients.length === 0) return { ok: false, error: "no_recipients" } as const;
      const row = await tx.organizerMessage.create({
        data: {
          organizerId,
          eventId,
          sentById: userId,
          sentByEmail: sender.email,
          subject: message.subject,
          body: message.body,
          recipientCount: recipients.length,
          requestKey: message.requestKey,
        },
      });
      const emails: QueuedEmail<"organizer-message">[] = recipients.map((recipient) => ({
        template: "organizer-message",
        to: recipient.email,
        toName: recipient.name,
        locale: recipient.locale,
        dedupeKey: `organizer-message:${row.id}:${recipient.key}`,
        payload: payloadFor(context, message, { buyerName: recipient.holderName, orderNumber: recipient.orderNumber }, recipient.link),
      }));
      await enqueueEmails(tx, emails);
      return { ok: true, messageId: row.id, recipientCount: recipients.length, alreadySent: false } as const;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      const winner = await findByRequestKey(message.requestKey, eventId);
      if (winner) return winner;
      return { ok: false, error: "not_found" };
    }
    throw error;
  }
}

async function findByRequestKey(requestKey: string, eventId: string): Promise<SendMessageResult | null> {
  const row = await db.organizerMessage.findUnique({ where: { requestKey }, select: { id: true, eventId: true, recipientCount: true } });
  if (!row) return null;
  // A key reused for another event tells nothing about that event.
  if (row.eventId !== eventId) return { ok: false, error: "not_found" };
  return { ok: true, messageId: row.id, recipientCount: row.recipientCount, alreadySent: true };
}

/** Messages sent for the event, newest first; any member may read the history. */
export async function listSentMessages(userId: string, organizerId: string, eventId: string) {
  const context = await findMemberEvent(userId, organizerId, eventId, "viewEvents");
  if (!context) return null;
  return db.organizerMessage.findMany({
    where: { eventId, organizerId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      subject: true,
      body: true,
      sentByEmail: true,
      recipientCount: true,
      createdAt: true,
      sentBy: { select: { name: true } },
    },
  });
}
