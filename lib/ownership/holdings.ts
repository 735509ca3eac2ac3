// Which orders and tickets an account holds: the one rule that the ticket pages and downloads,
// the JSON API, "liked, not bought yet", the data export and the organizer's messages and
// check-in ask. Nothing else writes it.
//
// The rule today:
// - An order is held by an account when its userId is the account's, or when it has no
//   account (its account was deleted, say) and the address typed at checkout is the account's,
//   compared after the normalisation User.email is stored in (trim, NFKC, lower case), in SQL
//   and never as a LIKE pattern, whose wildcards could match someone else's address.
// - An order of another account never matches by address, however it is spelled: that address
//   may have changed hands since (its owner moved the account to a new one and someone else
//   signed up with the old one).
// - Of the statuses, HELD_ORDER_STATUSES count (paid, and paid then cancelled or refunded); a
//   caller narrows them (likes: paid only) or asks for every status ("any": the data export,
//   which is about every order placed on the account).
// - A ticket is held by whoever holds its order until it is passed on (lib/transfers). From
//   then on it is held by its own holder: the account on the ticket (holderUserId), or, when
//   that account is gone, the account whose address is the one it was passed on to, by the
//   same comparison as above. A passed-on ticket is no longer its order's holder's, and the
//   order's status still counts (a cancelled order's tickets stay cancelled for everyone).
// - The holder of a ticket (who the organizer's messages go to, whose name the door, the
//   attendee list and the CSV show) is its own holder once passed on; before that its order's
//   holder: the account, at the account's current address, or without an account the buyer as
//   typed at checkout.
// - Orders themselves stay the buyer's: an order is held as above, whatever became of its
//   tickets. A correction of the order's address (lib/organizers/corrections) moves only the
//   tickets the buyer still holds (ticketStillWithBuyer).
// Offline copies of tickets (lib/tickets/offline-owner.ts) are the ticket pages the service
// worker keeps, labelled with the account they were fetched for; what they show comes from here.
import "server-only";
import { normaliseEmail } from "../accounts/email-address";
import { db, Prisma, type Db, type DbTransaction } from "../db/client";
import type { OrderStatus } from "../db/types";
import { isUuid } from "../ids";
import {
  ORDER_HOLDER_SELECT,
  orderHolderContact,
  STILL_WITH_BUYER,
  TICKET_HOLDER_SELECT,
  ticketHolderContact,
  ticketStillWithBuyer,
} from "./ticket-holder";

export { ORDER_HOLDER_SELECT, orderHolderContact, STILL_WITH_BUYER, TICKET_HOLDER_SELECT, ticketHolderContact, ticketStillWithBuyer };

type Reader = Db | DbTransaction;

/** An account as the rule compares it: its id and its address in normalised form. */
export type Holder = { userId: string; email: string };

/** Statuses of the orders an account holds: paid ones, and ones paid and then cancelled or refunded. */
export const HELD_ORDER_STATUSES = ["PAID", "CANCELLED", "REFUNDED"] as const satisfies readonly OrderStatus[];
export type HeldOrderStatus = (typeof HELD_ORDER_STATUSES)[number];

/** Which statuses count: a list, or "any" for every order placed on the account. */
export type HeldStatuses = readonly OrderStatus[] | "any";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The holder for an account row already loaded. */
export function holderOf(user: { id: string; email: string }): Holder {
  return { userId: user.id, email: normaliseEmail(user.email) };
}

/** The holder for an account id; null for an unknown account or anything that is not a UUID. */
export async function findHolder(userId: string, reader: Reader = db): Promise<Holder | null> {
  if (!isUuid(userId)) return null;
  const user = await reader.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  return user ? holderOf(user) : null;
}

function column(alias: string, name: string): Prisma.Sql {
  // The alias is written into the query, so only plain identifiers from our own code pass.
  if (!IDENTIFIER.test(alias)) throw new Error(`not an SQL alias: ${alias}`);
  return Prisma.raw(`"${alias}"."${name}"`);
}

function statusCondition(alias: string, statuses: HeldStatuses): Prisma.Sql {
  if (statuses === "any") return Prisma.sql`TRUE`;
  if (statuses.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`${column(alias, "status")}::text IN (${Prisma.join([...statuses])})`;
}

/**
 * The condition, for a raw query, that the "Order" row named `alias` is held by `holder`:
 * `WHERE ${orderHeldBySql(holder, "o", ["PAID"])}`.
 */
export function orderHeldBySql(holder: Holder, alias = "Order", statuses: HeldStatuses = HELD_ORDER_STATUSES): Prisma.Sql {
  const userId = column(alias, "userId");
  return Prisma.sql`(${statusCondition(alias, statuses)}
    AND (${userId} = ${holder.userId}::uuid
      OR (${userId} IS NULL AND lower(normalize(btrim(${column(alias, "buyerEmail")}), NFKC)) = ${holder.email})))`;
}

/** The condition, for a raw query, that the "Ticket" row named `alias` is held by `holder`. */
export function ticketHeldBySql(holder: Holder, alias = "Ticket", statuses: HeldStatuses = HELD_ORDER_STATUSES): Prisma.Sql {
  const holderUserId = column(alias, "holderUserId");
  return Prisma.sql`(CASE WHEN ${column(alias, "holderEmail")} IS NULL
    THEN EXISTS (
      SELECT 1 FROM "Order" "heldOrder"
      WHERE "heldOrder"."id" = ${column(alias, "orderId")} AND ${orderHeldBySql(holder, "heldOrder", statuses)})
    ELSE EXISTS (
      SELECT 1 FROM "Order" "heldOrder"
      WHERE "heldOrder"."id" = ${column(alias, "orderId")} AND ${statusCondition("heldOrder", statuses)})
      AND (${holderUserId} = ${holder.userId}::uuid
        OR (${holderUserId} IS NULL
          AND lower(normalize(btrim(${column(alias, "holderEmail")}), NFKC)) = ${holder.email}))
    END)`;
}

/** Ids of the orders the holder holds, optionally only among `orderIds`. */
export async function heldOrderIds(
  holder: Holder,
  { statuses = HELD_ORDER_STATUSES, orderIds }: { statuses?: HeldStatuses; orderIds?: readonly string[] } = {},
  reader: Reader = db,
): Promise<string[]> {
  if (orderIds !== undefined) {
    if (orderIds.length === 0 || !orderIds.every(isUuid)) return [];
  }
  const among =
    orderIds === undefined ? Prisma.sql`TRUE` : Prisma.sql`o."id" IN (${Prisma.join(orderIds.map((id) => Prisma.sql`${id}::uuid`))})`;
  const rows = await reader.$queryRaw<{ id: string }[]>`
    SELECT o."id"::text AS "id" FROM "Order" o
    WHERE ${among} AND ${orderHeldBySql(holder, "o", statuses)}`;
  return [...new Set(rows.map((row) => row.id))];
}

/** Ids of the tickets the holder holds, optionally only among the tickets with `codes`. */
export async function heldTicketIds(
  holder: Holder,
  { statuses = HELD_ORDER_STATUSES, codes }: { statuses?: HeldStatuses; codes?: readonly string[] } = {},
  reader: Reader = db,
): Promise<string[]> {
  if (codes !== undefined && codes.length === 0) return [];
  const among = codes === undefined ? Prisma.sql`TRUE` : Prisma.sql`t."code" IN (${Prisma.join([...codes])})`;
  const rows = await reader.$queryRaw<{ id: string }[]>`
    SELECT t."id"::text AS "id" FROM "Ticket" t
    WHERE ${among} AND ${ticketHeldBySql(holder, "t", statuses)}`;
  return [...new Set(rows.map((row) => row.id))];
}

/**
 * A Prisma where clause for the orders the holder holds. The address comparison needs SQL that
 * Prisma's filters cannot state (NFKC), so the ids are looked up first.
 */
export async function heldOrdersWhere(
  holder: Holder,
  options: { statuses?: HeldStatuses } = {},
  reader: Reader = db,
): Promise<Prisma.OrderWhereInput> {
  return { id: { in: await heldOrderIds(holder, options, reader) } };
}

/** A Prisma where clause for the tickets the holder holds (see heldOrdersWhere). */
export async function heldTicketsWhere(
  holder: Holder,
  options: { statuses?: HeldStatuses } = {},
  reader: Reader = db,
): Promise<Prisma.TicketWhereInput> {
  return { id: { in: await heldTicketIds(holder, options, reader) } };
}

/** The name the door shows for a ticket's holder: the one it was passed on to, else the name the order was bought in. */
export function ticketHolderName(ticket: { holderName: string | null; order: { buyerName: string } }): string {
  return ticket.holderName ?? ticket.order.buyerName;
}

/**
 * The holder as the organizer's attendee list and CSV show it: the name and address a ticket
 * was passed on to, else the buyer's as typed at checkout.
 */
export function ticketHolderListing(ticket: {
  holderName: string | null;
  holderEmail: string | null;
  order: { buyerName: string; buyerEmail: string };
}): { name: string; email: string } {
  if (ticket.holderEmail === null) return { name: ticket.order.buyerName, email: ticket.order.buyerEmail };
  return { name: ticket.holderName ?? ticket.order.buyerName, email: ticket.holderEmail };
}
