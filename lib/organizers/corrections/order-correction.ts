// The organizer's view of one order and the correction of its buyer's email address.
import "server-only";
import { parseEmail, type EmailProblem } from "../../accounts/email-address";
import { db } from "../../db/client";
import { isUuid } from "../../ids";
import { findMembership } from "../membership";
import { can } from "../roles";
import { moveOrderToEmail } from "./move-order";

/** The order, if it belongs to an event of the organizer and the user is its member. */
export async function getOrganizerOrder(userId: string, organizerId: string, orderId: string) {
  const membership = await findMembership(userId, organizerId, "viewEvents");
  if (!membership || !isUuid(orderId)) return null;
  const order = await db.order.findFirst({
    where: { id: orderId, event: { organizerId } },
    select: {
      id: true,
      number: true,
      status: true,
      buyerName: true,
      buyerEmail: true,
      currency: true,
      totalMinor: true,
      paidAt: true,
      createdAt: true,
      event: { select: { id: true, title: true, startsAt: true, endsAt: true, timeZone: true } },
      items: { select: { quantity: true, unitPriceMinor: true, ticketType: { select: { name: true, sortOrder: true } } } },
      tickets: {
        select: { code: true, status: true, checkedInAt: true, ticketType: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
      },
      emailChanges: {
        select: { id: true, fromEmail: true, toEmail: true, source: true, changedByEmail: true, createdAt: true },
        orderBy: { createdAt: "desc" },
      },
    },
  });
  if (!order) return null;
  const items = [...order.items].sort((a, b) => a.ticketType.sortOrder - b.ticketType.sortOrder);
  const { role, ...organizer } = membership;
  return { ...order, items, organizer, role, canCorrect: can(role, "correctOrders") };
}

export type CorrectionFieldErrors = { email?: EmailProblem; confirmation?: "mismatch" };

export type CorrectOrderEmailResult =
  | { ok: true; changeId: string; toEmail: string; accountCreated: boolean }
  | { ok: false; error: "not_found" }
  | { ok: false; error: "invalid_form"; fieldErrors: CorrectionFieldErrors }
  | { ok: false; error: "not_paid" | "same_email" };

/**
 * An OWNER or ADMIN corrects the buyer's address (typed twice). STAFF, who work the door, may
 * see the order but not send its tickets somewhere else.
 */
export async function correctOrderEmail({
  userId,
  organizerId,
  orderId,
  email,
  confirmation,
  now = new Date(),
}: {
  userId: string;
  organizerId: string;
  orderId: string;
  email: string;
  confirmation: string;
  now?: Date;
}): Promise<CorrectOrderEmailResult> {
  const membership = await findMembership(userId, organizerId, "correctOrders");
  if (!membership || !isUuid(orderId)) return { ok: false, error: "not_found" };
  const order = await db.order.findFirst({ where: { id: orderId, event: { organizerId } }, select: { id: true } });
  if (!order) return { ok: false, error: "not_found" };

  const parsed = parseEmail(email);
  if (!parsed.ok) return { ok: false, error: "invalid_form", fieldErrors: { email: parsed.problem } };
  const again = parseEmail(confirmation);
  if (!again.ok || again.email !== parsed.email) return { ok: false, error: "invalid_form", fieldErrors: { confirmation: "mismatch" } };

  const result = await db.$transaction(async (tx) => {
    const actor = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true } });
    return moveOrderToEmail(tx, { orderId, toEmail: parsed.email, source: "organizer", changedBy: actor, now });
  });
  if (!result.ok) return result;
  return { ok: true, changeId: result.changeId, toEmail: result.toEmail, accountCreated: result.accountCreated };
}
