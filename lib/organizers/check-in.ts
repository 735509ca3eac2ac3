// Admission at the door: a ticket of this event is marked used once; everything else is
// refused without telling which other event a code belongs to. A code a ticket had before it
// was passed on (or before its order's address was corrected) is no ticket's any more: unknown.
import "server-only";
import { db } from "../db/client";
import { findMemberEvent } from "./membership";
import { ticketHolderName } from "../ownership/holdings";

export type CheckInResult =
  | { ok: true; status: "checked_in"; checkedInAt: Date; holderName: string; ticketType: string }
  | { ok: false; status: "already_checked_in"; checkedInAt: Date; holderName: string; ticketType: string }
  | { ok: false; status: "void" | "unknown" | "invalid_code" }
  | { ok: false; status: "not_found" };

/**
 * A code as typed or scanned: case and separators do not matter, and the letters Crockford
 * base32 leaves out are read as the digits they look like.
 */
export function normaliseTicketCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{16,64}$/;

export async function checkInTicket({
  userId,
  organizerId,
  eventId,
  code,
  now = new Date(),
}: {
  userId: string;
  organizerId: string;
  eventId: string;
  code: string;
  now?: Date;
}): Promise<CheckInResult> {
  // Every role checks tickets in (roles.ts): STAFF at the door is who this is for.
  const context = await findMemberEvent(userId, organizerId, eventId, "checkIn");
  if (!context) return { ok: false, status: "not_found" };
  const normalised = normaliseTicketCode(code);
  if (!CODE_PATTERN.test(normalised)) return { ok: false, status: "invalid_code" };

  // Looked up within this event only: a code of another event is simply unknown here.
  const ticket = await db.ticket.findFirst({
    where: { code: normalised, eventId },
    select: {
      id: true,
      status: true,
      checkedInAt: true,
      holderName: true,
      order: { select: { status: true, buyerName: true } },
      ticketType: { select: { name: true } },
    },
  });
  if (!ticket) return { ok: false, status: "unknown" };
  const details = { holderName: ticketHolderName(ticket), ticketType: ticket.ticketType.name };
  if (ticket.status !== "VALID" || ticket.order.status !== "PAID") return { ok: false, status: "void" };

  // The condition makes two scanners at two doors agree: only one UPDATE finds it unused. The
  // code in it makes a ticket passed on (lib/transfers) meanwhile refuse the code it had.
  const { count } = await db.ticket.updateMany({
    where: { id: ticket.id, code: normalised, status: "VALID", checkedInAt: null },
    data: { checkedInAt: now, checkedInById: userId },
  });
  if (count === 1) return { ok: true, status: "checked_in", checkedInAt: now, ...details };

  const current = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { code: true, status: true, checkedInAt: true } });
  if (current.code !== normalised) return { ok: false, status: "unknown" };
  if (current.checkedInAt) return { ok: false, status: "already_checked_in", checkedInAt: current.checkedInAt, ...details };
  return { ok: false, status: "void" };
}

/** The check-in page's header: the event and how many of its valid tickets are in. */
export async function getCheckInOverview(userId: string, organizerId: string, eventId: string) {
  const context = await findMemberEvent(userId, organizerId, eventId, "checkIn");
  if (!context) return null;
  const admitted = { eventId, status: "VALID" as const, order: { status: "PAID" as const } };
  const [total, checkedIn] = await Promise.all([
    db.ticket.count({ where: admitted }),
    db.ticket.count({ where: { ...admitted, checkedInAt: { not: null } } }),
  ]);
  const { role, ...organizer } = context.membership;
  return { event: context.event, organizer, role, total, checkedIn };
}
