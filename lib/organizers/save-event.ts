// Creating and editing an event with its ticket types, for a member of its organizer. One
// transaction: the event row is locked first, so two saves of the same event queue up, and a
// capacity change is a conditional UPDATE that a checkout holding the row lock cannot slip past.
import "server-only";
import { db, type DbTransaction } from "@/lib/db/client";
import { isUuid } from "../ids";
import { findMembership } from "./membership";
import { parseEventForm, slugify, type EventFieldErrors, type EventFormValues, type ParsedEvent } from "./event-form";

export type SaveEventResult =
  | { ok: true; eventId: string; previousSlug?: string }
  | { ok: false; error: "not_found" }
  /** Called off: its page, its emails and its refunds stand as they were, so it is no longer edited. */
  | { ok: false; error: "cancelled" }
  | { ok: false; error: "invalid_form"; fieldErrors: EventFieldErrors; counts?: Partial<Record<string, number>> };

/** Thrown inside the transaction to roll it back with the field errors the form shows. */
class FormRefusal extends Error {
  constructor(
    readonly fieldErrors: EventFieldErrors,
    readonly counts: Partial<Record<string, number>> = {},
  ) {
    super("form refused");
  }
}

class NotFound extends Error {}
class Cancelled extends Error {}

async function freeSlug(tx: DbTransaction, wanted: string | null, title: string, eventId: string | null): Promise<string> {
  const taken = async (slug: string) => (await tx.event.count({ where: { slug, ...(eventId ? { NOT: { id: eventId } } : {}) } })) > 0;
  if (wanted) {
    if (await taken(wanted)) throw new FormRefusal({ slug: "slug_taken" });
    return wanted;
  }
  // Made from the title: add -2, -3 … until it is free.
  const base = slugify(title) || "evenemang";
  for (let n = 1; n < 1000; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
  throw new FormRefusal({ slug: "slug_taken" });
}

function isOversoldGuard(error: unknown): boolean {
  return error instanceof Error && error.message.includes("TicketType_not_oversold");
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

async function writeTicketTypes(tx: DbTransaction, eventId: string, data: ParsedEvent): Promise<void> {
  const existing = await tx.ticketType.findMany({
    where: { eventId },
    select: { id: true, sold: true, held: true, _count: { select: { orderItems: true } } },
  });
  const byId = new Map(existing.map((type) => [type.id, type]));
  const fieldErrors: EventFieldErrors = {};
  const counts: Partial<Record<string, number>> = {};

  for (const type of data.ticketTypes) {
    const prefix = `ticketTypes.${type.row}`;
    if (type.id === null) continue;
    const current = byId.get(type.id);
    // An id of another event's ticket type (a changed hidden field) is treated as not there.
    if (!current) throw new NotFound();
    if (type.remove) {
      // Any order at all (even a failed one) keeps its ticket type: its items refer to it.
      if (current.sold + current.held > 0 || current._count.orderItems > 0) fieldErrors[`${prefix}.name`] = "cannot_remove_sold";
      else await tx.ticketType.delete({ where: { id: type.id } });
      continue;
    }
    // The capacity condition is part of the UPDATE: a checkout that claimed admissions a moment
    // ago has already raised sold/held under the same row lock.
    const rows = await tx.$executeRaw`
      UPDATE "TicketType"
         SET "name" = ${type.name}, "priceMinor" = ${type.priceMinor}, "capacity" = ${type.capacity},
             "salesStartAt" = ${type.salesStartAt}, "salesEndAt" = ${type.salesEndAt},
             "maxPerOrder" = ${type.maxPerOrder}, "sortOrder" = ${type.sortOrder}, "updatedAt" = now()
       WHERE "id" = ${type.id}::uuid AND "eventId" = ${eventId}::uuid AND "sold" + "held" <= ${type.capacity}`;
    if (rows !== 1) {
      const now = await tx.ticketType.findUniqueOrThrow({ where: { id: type.id }, select: { sold: true, held: true } });
      fieldErrors[`${prefix}.capacity`] = "capacity_below_sold";
      counts[`${prefix}.capacity`] = now.sold + now.held;
    }
  }
  if (Object.keys(fieldErrors).length > 0) throw new FormRefusal(fieldErrors, counts);

  for (const type of data.ticketTypes) {
    if (type.id !== null) continue;
    await tx.ticketType.create({
      data: {
        eventId,
        name: type.name,
        priceMinor: type.priceMinor,
        capacity: type.capacity,
        salesStartAt: type.salesStartAt,
        salesEndAt: type.salesEndAt,
        maxPerOrder: type.maxPerOrder,
        sortOrder: type.sortOrder,
      },
    });
  }
}

/**
 * Creates (eventId null) or updates an event of `organizerId` as `userId`, who must be a member
 * there; a new event starts as a draft. Nothing is written unless every rule holds.
 */
export async function saveEventForMember({
  userId,
  organizerId,
  eventId,
  values,
}: {
  userId: string;
  organizerId: string;
  eventId: string | null;
  values: EventFormValues;
}): Promise<SaveEventResult> {
  const membership = await findMembership(userId, organizerId, "editEvents");
  if (!membership || (eventId !== null && !isUuid(eventId))) return { ok: false, error: "not_found" };
  const parsed = parseEventForm(values);
  if (!parsed.ok) return { ok: false, error: "invalid_form", fieldErrors: parsed.fieldErrors };
  const data = parsed.data;

  // Set when the edit moved the event to a new address, so the old one's cached page goes too.
  let previousSlug: string | undefined;
  try {
    const savedId = await db.$transaction(async (tx) => {
      let id: string;
      let published = false;
      if (eventId) {
        const locked = await tx.$queryRaw<{ id: string; status: string; slug: string }[]>`
          SELECT "id", "status"::text AS "status", "slug" FROM "Event"
           WHERE "id" = ${eventId}::uuid AND "organizerId" = ${membership.id}::uuid FOR UPDATE`;
        if (locked.length !== 1) throw new NotFound();
        if (locked[0].status === "CANCELLED") throw new Cancelled();
        published = locked[0].status === "PUBLISHED";
        const slug = await freeSlug(tx, data.slug, data.title, eventId);
        if (slug !== locked[0].slug) previousSlug = locked[0].slug;
        await tx.event.update({
          where: { id: eventId },
          data: {
            title: data.title,
            slug,
            description: data.description,
            venue: data.venue,
            address: data.address,
            city: data.city,
            timeZone: data.timeZone,
            startsAt: data.startsAt,
            endsAt: data.endsAt,
          },
        });
        id = eventId;
      } else {
        const slug = await freeSlug(tx, data.slug, data.title, null);
        const created = await tx.event.create({
          data: {
            organizerId: membership.id,
            title: data.title,
            slug,
            description: data.description,
            venue: data.venue,
            address: data.address,
            city: data.city,
            timeZone: data.timeZone,
            startsAt: data.startsAt,
            endsAt: data.endsAt,
            status: "DRAFT",
          },
          select: { id: true },
        });
        id = created.id;
      }
      await writeTicketTypes(tx, id, data);
      // A published event always has something to buy.
      if (published && (await tx.ticketType.count({ where: { eventId: id } })) === 0) {
        throw new FormRefusal({ ticketTypes: "published_needs_ticket_type" });
      }
      return id;
    });
    return { ok: true, eventId: savedId, ...(previousSlug ? { previousSlug } : {}) };
  } catch (error) {
    if (error instanceof NotFound) return { ok: false, error: "not_found" };
    if (error instanceof Cancelled) return { ok: false, error: "cancelled" };
    if (error instanceof FormRefusal) return { ok: false, error: "invalid_form", fieldErrors: error.fieldErrors, counts: error.counts };
    if (isOversoldGuard(error)) return { ok: false, error: "invalid_form", fieldErrors: { ticketTypes: "capacity_below_sold_any" } };
    if (isUniqueViolation(error)) {
      const target = String((error as { meta?: { target?: unknown } }).meta?.target ?? "");
      return {
        ok: false,
        error: "invalid_form",
        fieldErrors: target.includes("slug") ? { slug: "slug_taken" } : { ticketTypes: "duplicate_name" },
      };
    }
    throw error;
  }
}

export type PublishResult = { ok: true } | { ok: false; error: "not_found" | "needs_ticket_type" | "confirm_unpublish" | "not_allowed" };

/**
 * Publishes a draft (it must have a ticket type) or takes a published event back to draft.
 * Taking back an event with sold tickets is allowed (the tickets stay valid, the buyers keep
 * their order pages) but only with `confirmSold`, since the event disappears from the listings.
 */
export async function setEventPublishedForMember({
  userId,
  organizerId,
  eventId,
  publish,
  confirmSold = false,
}: {
  userId: string;
  organizerId: string;
  eventId: string;
  publish: boolean;
  confirmSold?: boolean;
}): Promise<PublishResult> {
  const membership = await findMembership(userId, organizerId, "publishEvents");
  if (!membership || !isUuid(eventId)) return { ok: false, error: "not_found" };
  return db.$transaction(async (tx) => {
    const event = await tx.event.findFirst({
      where: { id: eventId, organizerId: membership.id },
      select: { status: true, ticketTypes: { select: { sold: true, held: true } } },
    });
    if (!event) return { ok: false, error: "not_found" } as const;
    if (publish) {
      if (event.status !== "DRAFT") return { ok: false, error: "not_allowed" } as const;
      if (event.ticketTypes.length === 0) return { ok: false, error: "needs_ticket_type" } as const;
      const changed = await tx.event.updateMany({
        where: { id: eventId, status: "DRAFT" },
        data: { status: "PUBLISHED", publishedAt: new Date() },
      });
      return changed.count === 1 ? ({ ok: true } as const) : ({ ok: false, error: "not_allowed" } as const);
    }
    if (event.status !== "PUBLISHED") return { ok: false, error: "not_allowed" } as const;
    const sold = event.ticketTypes.reduce((sum, type) => sum + type.sold + type.held, 0);
    if (sold > 0 && !confirmSold) return { ok: false, error: "confirm_unpublish" } as const;
    const changed = await tx.event.updateMany({ where: { id: eventId, status: "PUBLISHED" }, data: { status: "DRAFT" } });
    return changed.count === 1 ? ({ ok: true } as const) : ({ ok: false, error: "not_allowed" } as const);
  });
}
