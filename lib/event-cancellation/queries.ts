// What the pages show of a cancelled event: the organizer's progress of the job, the public
// page's cancelled event, and the notice on a cancelled order's page.
import "server-only";
import { db } from "../db/client";
import type { EventCancellationStatus } from "../db/types";
import { isEventSlug } from "../events/slug";
import { PUBLIC_EVENT_SELECT, type PublishedEvent } from "../events/queries";
import { findMemberEvent } from "../organizers/membership";

export type CancellationProgress = {
  status: EventCancellationStatus;
  message: string;
  cancelledByEmail: string;
  createdAt: Date;
  /** Orders the job lists, and those cancelled so far. */
  total: number;
  done: number;
  refunds: { succeeded: number; pending: number; failed: number };
  /** Refunds the provider refused: the organizer settles them by hand. */
  failed: { orderId: string; orderNumber: string; amountMinor: number; currency: string }[];
};

/** The cancellation of an event and how far the worker has come, for any member who may see the event. */
export async function getCancellationProgress(userId: string, organizerId: string, eventId: string): Promise<CancellationProgress | null> {
  const context = await findMemberEvent(userId, organizerId, eventId, "viewEvents");
  if (!context) return null;
  const cancellation = await db.eventCancellation.findUnique({
    where: { eventId },
    select: { id: true, status: true, message: true, cancelledByEmail: true, createdAt: true },
  });
  if (!cancellation) return null;
  const [counts, refunds, failed] = await Promise.all([
    db.$queryRaw<{ total: number; done: number }[]>`
      SELECT count(*)::integer AS "total", count("doneAt")::integer AS "done"
        FROM "EventCancellationOrder" WHERE "cancellationId" = ${cancellation.id}::uuid`,
    db.refund.groupBy({
      by: ["status"],
      where: { eventCancellationOrder: { cancellationId: cancellation.id } },
      _count: { _all: true },
    }),
    db.refund.findMany({
      where: { status: "FAILED", eventCancellationOrder: { cancellationId: cancellation.id } },
      orderBy: { createdAt: "asc" },
      select: { amountMinor: true, currency: true, order: { select: { id: true, number: true } } },
    }),
  ]);
  const count = (status: "SUCCEEDED" | "PENDING" | "FAILED") => refunds.find((row) => row.status === status)?._count._all ?? 0;
  return {
    status: cancellation.status,
    message: cancellation.message,
    cancelledByEmail: cancellation.cancelledByEmail,
    createdAt: cancellation.createdAt,
    total: counts[0]?.total ?? 0,
    done: counts[0]?.done ?? 0,
    refunds: { succeeded: count("SUCCEEDED"), pending: count("PENDING"), failed: count("FAILED") },
    failed: failed.map((row) => ({
      orderId: row.order.id,
      orderNumber: row.order.number,
      amountMinor: row.amountMinor,
      currency: row.currency,
    })),
  };
}

/** How many orders cancelling now would refund: the paid ones. */
export async function countOrdersToCancel(eventId: string): Promise<number> {
  return db.order.count({ where: { eventId, status: "PAID" } });
}

/**
 * A cancelled event by its slug, in the public page's shape, when an organizer cancelled it
 * (a draft never shown is not shown now either); null otherwise.
 */
export async function getCancelledEventBySlug(slug: string): Promise<(PublishedEvent & { cancelled: true }) | null> {
  if (!isEventSlug(slug)) return null;
  const event = await db.event.findFirst({
    where: { slug, status: "CANCELLED", publishedAt: { not: null }, cancellation: { isNot: null } },
    select: PUBLIC_EVENT_SELECT,
  });
  // Nothing is on sale: the page shows no ticket types.
  return event ? { ...event, ticketTypes: [], cancelled: true } : null;
}

/** On a cancelled order's page: the organizer's message, when the order's event was cancelled. */
export async function getOrderEventCancellation(orderId: string): Promise<{ message: string } | null> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { event: { select: { cancellation: { select: { message: true } } } } },
  });
  return order?.event.cancellation ?? null;
}
