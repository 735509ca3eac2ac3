// An organizer calls an event off. One transaction, under the event's row lock: the event is
// marked cancelled (checkout, the waiting list and the public page read that at once), its
// waiting list is closed (open offers give their held places back), and the cancellation is
// recorded with one row per paid order for the worker (process.ts), which refunds and emails.
import "server-only";
import { db } from "../db/client";
import { multiLineText } from "../free-text";
import { findMemberEvent } from "../organizers/membership";

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
    const [event] = await tx.$queryRaw<
      { status: string; endsAt: Date }[]
    >`SELECT "status"::text AS "status", "endsAt" FROM "Event" WHERE "id" = ${eventId}::uuid FOR UPDATE`;
    if (!event) return { ok: false, error: "not_found" } as const;
    // Cancelled or moved since the form was read: checked again under the lock.
    const lockedRefusal = notCancellable(event, now);
    if (lockedRefusal) return { ok: false, error: lockedRefusal } as const;
    const member = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    await tx.event.update({ where: { id: eventId }, data: { status: "CANCELLED" } });

    // The ticket types first and their entries after, in id order, as every waiting-list step
    // locks them; an open offer's held places are let go, and nobody is offered anything again.
    const types = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id"::text AS "id" FROM "TicketType" WHERE "eventId" = ${eventId}::uuid ORDER BY "id" FOR UPDATE`;
    if (types.length > 0) {
      const typeIds = types.map((type) => type.id);
      const offered = await tx.$queryRaw<{ ticketTypeId: string; quantity: number }[]>`
        WITH "closed" AS (
          UPDATE "WaitingListEntry" w SET "status" = 'CLOSED', "offerExpiresAt" = NULL, "updatedAt" = now()
            FROM (SELECT "id", "status" AS "was" FROM "WaitingListEntry"
                   WHERE "ticketTypeId" = ANY(${typeIds}::uuid[]) AND "status" IN ('WAITING', 'OFFERED') FOR UPDATE) old
           WHERE w."id" = old."id"
          RETURNING w."ticketTypeId", w."quantity", old."was")
        SELECT "ticketTypeId"::text AS "ticketTypeId", sum("quantity")::integer AS "quantity"
          FROM "closed" WHERE "was" = 'OFFERED' GROUP BY "ticketTypeId" ORDER BY "ticketTypeId"`;
      for (const { ticketTypeId, quantity } of offered) {
        await tx.$executeRaw`
          UPDATE "TicketType" SET "held" = "held" - ${quantity}, "updatedAt" = now() WHERE "id" = ${ticketTypeId}::uuid`;
      }
    }

    const cancellation = await tx.eventCancellation.create({
      data: { eventId, message: message.data, cancelledById: userId, cancelledByEmail: member.email, createdAt: now },
      select: { id: true },
    });
    const orderCount = await tx.$executeRaw`
      INSERT INTO "EventCancellationOrder" ("cancellationId", "orderId")
      SELECT ${cancellation.id}::uuid, "id" FROM "Order" WHERE "eventId" = ${eventId}::uuid AND "status" = 'PAID'`;
    return { ok: true, cancellationId: cancellation.id, orderCount } as const;
  });
}
