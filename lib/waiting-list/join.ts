// Joining and leaving a ticket type's waiting list. Joining answers the same whether or not the
// address was on the list already (only a new place in line sends the "you are in line" email),
// so the form tells nobody who else is waiting; it is limited per client and per address.
import { parseEmail } from "../accounts/email-address";
import { db } from "../db/client";
import type { Locale } from "../db/types";
import { env } from "../env";
import { enqueueEmails } from "../outbox/queue";
import { clientRateLimitKey, emailRateLimitKey, hit } from "../rate-limit";
import { isValidWaitingListKey, leavePath } from "./links";

/** Joins per client address (a household, an office) and per address, each an hour. */
export const JOIN_LIMITS = { client: { limit: 20, windowMs: 60 * 60_000 }, email: { limit: 5, windowMs: 60 * 60_000 } };

export type JoinRefusal = "invalid_email" | "invalid_quantity" | "rate_limited" | "not_sold_out" | "unavailable";
export type JoinResult = { ok: true } | { ok: false; error: JoinRefusal; max?: number };

export type JoinableTicketType = {
  id: string;
  name: string;
  maxPerOrder: number;
  /** Nothing left to buy (what pending holds whose time ran out keep counts as left). */
  soldOut: boolean;
  event: { id: string; slug: string; title: string };
};

/** A ticket type whose list may be joined now: its event published, its sales open. Null otherwise. */
export async function getJoinableTicketType(eventSlug: string, ticketTypeId: string, now = new Date()): Promise<JoinableTicketType | null> {
  if (!/^[0-9a-f-]{36}$/i.test(ticketTypeId)) return null;
  const [row] = await db.$queryRaw<
    { id: string; name: string; maxPerOrder: number; left: number; eventId: string; slug: string; title: string }[]
  >`
    SELECT t."id", t."name", t."maxPerOrder",
           t."capacity" - t."sold" - t."held" + "expired_held"(t."id", ${now}::timestamptz) AS "left",
           e."id" AS "eventId", e."slug", e."title"
      FROM "TicketType" t JOIN "Event" e ON e."id" = t."eventId"
     WHERE t."id" = ${ticketTypeId}::uuid AND e."slug" = ${eventSlug} AND e."status" = 'PUBLISHED'
       AND coalesce(t."salesEndAt", e."endsAt") > ${now}::timestamptz
       AND (t."salesStartAt" IS NULL OR t."salesStartAt" <= ${now}::timestamptz)`;
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    maxPerOrder: row.maxPerOrder,
    soldOut: Number(row.left) <= 0,
    event: { id: row.eventId, slug: row.slug, title: row.title },
  };
}

export type JoinInput = {
  eventSlug: string;
  ticketTypeId: string;
  email: string;
  quantity: number;
  locale: Locale;
  /** The client's address as the proxy reports it (lib/rate-limit clientAddress). */
  clientAddress: string;
  now?: Date;
};

export async function joinWaitingList(input: JoinInput): Promise<JoinResult> {
  const now = input.now ?? new Date();
  const type = await getJoinableTicketType(input.eventSlug, input.ticketTypeId, now);
  if (!type) return { ok: false, error: "unavailable" };
  const parsed = parseEmail(input.email);
  if (!parsed.ok) return { ok: false, error: "invalid_email" };
  if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > type.maxPerOrder)
    return { ok: false, error: "invalid_quantity", max: type.maxPerOrder };
  if (!type.soldOut) return { ok: false, error: "not_sold_out" };

  const client = input.clientAddress !== "unknown" ? clientRateLimitKey("waiting-list-join", input.clientAddress) : null;
  if (client && !(await hit(client, { ...JOIN_LIMITS.client, now })).allowed) return { ok: false, error: "rate_limited" };
  if (!(await hit(emailRateLimitKey("waiting-list-join", parsed.email), { ...JOIN_LIMITS.email, now })).allowed)
    return { ok: false, error: "rate_limited" };

  await db.$transaction(async (tx) => {
    // New, or back in line after leaving, lapsing or buying: a row comes back. Already waiting
    // or offered: nothing changes and nothing is sent.
    const [entry] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "WaitingListEntry" ("id", "ticketTypeId", "email", "quantity", "locale", "status", "joinedAt", "createdAt", "updatedAt")
      VALUES ("new_uuid_v7"(), ${type.id}::uuid, ${parsed.email}, ${input.quantity}, ${input.locale}::"Locale", 'WAITING',
              ${now}::timestamptz, now(), now())
      ON CONFLICT ("ticketTypeId", "email") DO UPDATE
         SET "status" = 'WAITING', "quantity" = EXCLUDED."quantity", "locale" = EXCLUDED."locale", "joinedAt" = EXCLUDED."joinedAt",
             "offeredAt" = NULL, "offerExpiresAt" = NULL, "orderId" = NULL, "updatedAt" = now()
       WHERE "WaitingListEntry"."status" IN ('LEFT', 'LAPSED', 'CLAIMED')
      RETURNING "id"`;
    if (!entry) return;
    await enqueueEmails(tx, [
      {
        template: "waiting-list-joined",
        to: parsed.email,
        locale: input.locale,
        payload: {
          eventTitle: type.event.title,
          ticketTypeName: type.name,
          quantity: input.quantity,
          eventUrl: `${env().SITE_URL}/events/${encodeURIComponent(type.event.slug)}`,
          leaveUrl: `${env().SITE_URL}${leavePath({ id: entry.id, email: parsed.email })}`,
        },
        dedupeKey: `waiting-list-joined:${entry.id}:${now.getTime()}`,
      },
    ]);
  });
  return { ok: true };
}

export type LeaveTarget = {
  entryId: string;
  email: string;
  onList: boolean;
  ticketTypeName: string;
  eventTitle: string;
  eventSlug: string;
};

/** What the leave page shows for a signed link: null when the link is not one we made. */
export async function getLeaveTarget(entryId: string, key: string | undefined): Promise<LeaveTarget | null> {
  if (!/^[0-9a-f-]{36}$/i.test(entryId)) return null;
  const entry = await db.waitingListEntry.findUnique({
    where: { id: entryId },
    include: { ticketType: { select: { name: true, event: { select: { title: true, slug: true } } } } },
  });
  if (!entry || !isValidWaitingListKey("leave", { id: entry.id, email: entry.email }, key)) return null;
  return {
    entryId: entry.id,
    email: entry.email,
    onList: entry.status === "WAITING" || entry.status === "OFFERED",
    ticketTypeName: entry.ticketType.name,
    eventTitle: entry.ticketType.event.title,
    eventSlug: entry.ticketType.event.slug,
  };
}

/**
 * Takes the entry off its list (an open offer's tickets go to the next in line). True when the
 * link is good, whether or not the entry was still on the list: leaving twice is no error.
 */
export async function leaveWaitingList(entryId: string, key: string | undefined): Promise<boolean> {
  const target = await getLeaveTarget(entryId, key);
  if (!target) return false;
  await db.$queryRaw`SELECT "waiting_list_leave"(${entryId}::uuid)`;
  return true;
}
