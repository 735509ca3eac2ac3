// "Important information" from an organizer to every ticket holder of one event: who gets it,
// the preview, and the send, which happens at most once per form (its requestKey).
import "server-only";
import { db } from "../db/client";
import { enqueueEmails, type QueuedEmail } from "../outbox/queue";
import type { OrganizerMessagePayload } from "../outbox/templates";
import { env } from "../env";
import { findMemberEvent } from "./membership";
import { can } from "./roles";
import { eventRecipients as messageRecipients } from "../ownership/event-recipients";
import type { MessageForm } from "./message-schema";
import { organizerReplyTo } from "./contact-address";

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
