// An organizer calls an event off. One transaction, under the event's row lock: the event is
// marked cancelled (checkout, the waiting list and the public page read that at once), its
// waiting list is closed (open offers give their held places back) and everyone who was in line
// gets an email with the organizer's message, reminders not sent yet are withdrawn, and the
// cancellation is recorded with one row per paid order for the worker (process.ts), which
// refunds and emails the ticket holders.
import "server-only";
import { db, type DbTransaction } from "../db/client";
import type { Locale } from "../db/types";
import { multiLineText } from "../free-text";
import { findMemberEvent } from "../organizers/membership";
import { organizerReplyTo } from "../organizers/contact-address";
import { enqueueEmails } from "../outbox/queue";
import { cancelledEventSnapshot, type CancelledEventRow } from "./email-payload";
import { reminderKeyPrefix } from "../reminders/event-reminders";

export const CANCELLATION_MESSAGE_MAX = 2000;

export type CancelEventFieldError = "required" | "too_long" | "control_characters" | "mismatch";
export type CancelEventFieldErrors = Partial<Record<"message" | "confirmation", CancelEventFieldError>>;
export type CancelEventValues = { message: string; confirmation: string };

const messageSchema = multiLineText().min(1, "required").max(CANCELLATION_MESSAGE_MAX, "too_long");

/** The confirmation is the event's title typed again; case and surrounding spaces do not matter. */
function sameTitle(typed: string, title: string): boolean {
  const plain = (value: string) => value.normalize("NFKC").replace(/\s+/g, " ").trim().toLocaleLowerCase("sv");
  return plain(typed) === plain(title);
}

/**
 * Why an event cannot be called off now, or null when it can. A draft can (it may have sold
 * tickets before it was unpublished); one that has ended cannot: that would refund every order
 * of an event that took place.
 */
export function notCancellable(event: { status: string; endsAt: Date }, now: Date): "already_cancelled" | "already_ended" | null {
  if (event.status === "CANCELLED") return "already_cancelled";
  if (event.endsAt <= now) return "already_ended";
  return null;
}

export type CancelEventResult =
  | { ok: true; cancellationId: string; orderCount: number }
  | { ok: false; error: "not_found" }
  | { ok: false; error: "already_cancelled" }
  /** Over: calling it off now would refund every order of an event that took place. */
  | { ok: false; error: "already_ended" }
  | { ok: false; error: "invalid_form"; fieldErrors: CancelEventFieldErrors };

export async function cancelEventForMember({
  userId,
  organizerId,
  eventId,
  values,
  now = new Date(),
}: {
  userId: string;
  organizerId: string;
  eventId: string;
  values: CancelEventValues;
  now?: Date;
}): Promise<CancelEventResult> {
  const context = await findMemberEvent(userId, organizerId, eventId, "cancelEvent");
  if (!context) return { ok: false, error: "not_found" };
  const refusal = notCancellable(context.event, now);
  if (refusal) return { ok: false, error: refusal };

  const fieldErrors: CancelEventFieldErrors = {};
  const message = messageSchema.safeParse(values.message);
  // The schema's messages are the codes: "required", "too_long", "control_characters".
  if (!message.success) fieldErrors.message = (message.error.issues[0]?.message ?? "required") as CancelEventFieldError;
  if (values.confirmation.trim() === "") fieldErrors.confirmation = "required";
  else if (!sameTitle(values.confirmation, context.event.title)) fieldErrors.confirmation = "mismatch";
  if (!message.success || fieldErrors.confirmation) return { ok: false, error: "invalid_form", fieldErrors };

  return db.$transaction(async (tx) => {
    // A second cancellation (another tab, another admin) waits here and then finds it done.
    const [event] = await tx.$queryRaw<LockedEvent[]>`
      SELECT e."status"::text AS "status", e."title", e."venue", e."city", e."startsAt", e."endsAt", e."timeZone",
             o."name" AS "organizerName", o."email" AS "organizerEmail", o."contactEmail" AS "organizerContactEmail"
        FROM "Event" e JOIN "Organizer" o ON o."id" = e."organizerId"
       WHERE e."id" = ${eventId}::uuid FOR UPDATE OF e`;
    if (!event) return { ok: false, error: "not_found" } as const;
    // Cancelled or moved since the form was read: checked again under the lock.
    const lockedRefusal = notCancellable(event, now);
    if (lockedRefusal) return { ok: false, error: lockedRefusal } as const;
    const member = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    await tx.event.update({ where: { id: eventId }, data: { status: "CANCELLED" } });

    const cancellation = await tx.eventCancellation.create({
      data: { eventId, message: message.data, cancelledById: userId, cancelledByEmail: member.email, createdAt: now },
      select: { id: true },
    });
    await closeWaitingList(tx, { eventId, event, message: message.data, cancellationId: cancellation.id });
    // Reminders queued for the day before and not sent yet would say "coming up" after this:
    // they go (one a sender holds right now may still leave; its lease is seconds).
    await tx.$executeRaw`
      DELETE FROM "OutboxEmail"
       WHERE "template" = 'event-reminder' AND "dedupeKey" LIKE ${`${reminderKeyPrefix(eventId)}%`}
         AND ("status" = 'PENDING' OR ("status" = 'SENDING' AND "lockedUntil" < now()))`;
    const orderCount = await tx.$executeRaw`
      INSERT INTO "EventCancellationOrder" ("cancellationId", "orderId")
      SELECT ${cancellation.id}::uuid, "id" FROM "Order" WHERE "eventId" = ${eventId}::uuid AND "status" = 'PAID'`;
    return { ok: true, cancellationId: cancellation.id, orderCount } as const;
  });
}

type LockedEvent = CancelledEventRow & {
  status: string;
  organizerName: string;
  organizerEmail: string;
  organizerContactEmail: string | null;
};

/**
 * Closes the event's waiting list inside the cancelling transaction: the ticket types first and
 * their entries after, in id order, as every waiting-list step locks them; an open offer's held
 * places are let go, nobody is offered anything again, and every address that was in line (once,
 * however many of the event's lists it was on, in the language it last joined in) is emailed.
 */
async function closeWaitingList(
  tx: DbTransaction,
  { eventId, event, message, cancellationId }: { eventId: string; event: LockedEvent; message: string; cancellationId: string },
): Promise<void> {
  const types = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM "TicketType" WHERE "eventId" = ${eventId}::uuid ORDER BY "id" FOR UPDATE`;
  if (types.length === 0) return;
  const typeIds = types.map((type) => type.id);
  const closed = await tx.$queryRaw<
    { ticketTypeId: string; quantity: number; wasOffered: boolean; email: string; locale: Locale; joinedAt: Date }[]
  >`
    UPDATE "WaitingListEntry" w SET "status" = 'CLOSED', "offerExpiresAt" = NULL, "updatedAt" = now()
      FROM (SELECT "id", "status" AS "was" FROM "WaitingListEntry"
             WHERE "ticketTypeId" = ANY(${typeIds}::uuid[]) AND "status" IN ('WAITING', 'OFFERED')
             ORDER BY "id" FOR UPDATE) old
     WHERE w."id" = old."id"
    RETURNING w."ticketTypeId"::text AS "ticketTypeId", w."quantity", old."was" = 'OFFERED' AS "wasOffered",
              w."email", w."locale", w."joinedAt"`;

  const released = new Map<string, number>();
  for (const entry of closed) {
    if (entry.wasOffered) released.set(entry.ticketTypeId, (released.get(entry.ticketTypeId) ?? 0) + entry.quantity);
  }
  for (const ticketTypeId of [...released.keys()].sort()) {
    await tx.$executeRaw`
      UPDATE "TicketType" SET "held" = "held" - ${released.get(ticketTypeId)}, "updatedAt" = now() WHERE "id" = ${ticketTypeId}::uuid`;
  }

  const recipients = new Map<string, { locale: Locale; joinedAt: Date }>();
  for (const entry of closed) {
    const known = recipients.get(entry.email);
    if (!known || entry.joinedAt > known.joinedAt) recipients.set(entry.email, { locale: entry.locale, joinedAt: entry.joinedAt });
  }
  const replyTo = organizerReplyTo({ email: event.organizerEmail, contactEmail: event.organizerContactEmail });
  await enqueueEmails(
    tx,
    [...recipients].map(([email, { locale }]) => ({
      template: "waiting-list-cancelled",
      to: email,
      locale,
      dedupeKey: `waiting-list-cancelled:${cancellationId}:${email}`,
      payload: {
        organizerName: event.organizerName,
        replyTo,
        event: cancelledEventSnapshot(event),
        message,
      },
    })),
  );
}
