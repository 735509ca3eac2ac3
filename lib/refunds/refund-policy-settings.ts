// The organizer's side of a refund policy: reading it for the event's edit page and saving
// what the form posted (owners and admins: the setRefundPolicy capability of roles.ts, asked
// again here whatever the caller checked).
import "server-only";
import { db } from "../db/client";
import type { RefundFeeKind } from "../db/types";
import { findMemberEvent } from "../organizers/membership";
import { MAX_DAYS_BEFORE, MAX_FEE_BASIS_POINTS, NO_REFUNDS, type RefundPolicy } from "./policy";

/** The form's fields as posted: text, read by the domain. */
export type RefundPolicyValues = { kind: string; daysBefore: string; feeKind: string; feeValue: string };
export type RefundPolicyFieldErrors = { daysBefore?: "days"; feeValue?: "fee" | "percent" };

export type SaveRefundPolicyResult =
  | { ok: true; policy: RefundPolicy }
  | { ok: false; error: "not_found" }
  /** The event was called off and its orders refunded in full: its policy no longer applies. */
  | { ok: false; error: "cancelled" }
  | { ok: false; error: "invalid_form"; fieldErrors: RefundPolicyFieldErrors };

/** "25", "25,50" or "25.5" as hundredths (öre, or basis points of a percentage); null otherwise. */
function hundredths(text: string): number | null {
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(text.trim().replace(/\s/g, ""));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** The form as a policy, or the fields that are wrong. */
export function parseRefundPolicy(
  values: RefundPolicyValues,
): { ok: true; policy: RefundPolicy } | { ok: false; fieldErrors: RefundPolicyFieldErrors } {
  if (values.kind !== "until") return { ok: true, policy: NO_REFUNDS };
  const fieldErrors: RefundPolicyFieldErrors = {};
  const days = /^\d{1,3}$/.test(values.daysBefore.trim()) ? Number(values.daysBefore.trim()) : NaN;
  if (!(days >= 0 && days <= MAX_DAYS_BEFORE)) fieldErrors.daysBefore = "days";
  const feeKind: RefundFeeKind = values.feeKind === "FIXED" ? "FIXED" : values.feeKind === "PERCENT" ? "PERCENT" : "NONE";
  let feeValue = 0;
  if (feeKind !== "NONE") {
    const amount = hundredths(values.feeValue === "" ? "0" : values.feeValue);
    if (feeKind === "FIXED" && amount === null) fieldErrors.feeValue = "fee";
    if (feeKind === "PERCENT" && (amount === null || amount > MAX_FEE_BASIS_POINTS)) fieldErrors.feeValue = "percent";
    feeValue = amount ?? 0;
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, policy: { refundable: true, daysBefore: days, feeKind, feeValue } };
}

/** The policy as the form shows it. */
export function refundPolicyValues(policy: RefundPolicy): RefundPolicyValues {
  const decimal = (value: number) => (value % 100 === 0 ? String(value / 100) : (value / 100).toFixed(2).replace(".", ","));
  return {
    kind: policy.refundable ? "until" : "none",
    daysBefore: String(policy.daysBefore),
    feeKind: policy.feeKind,
    feeValue: policy.feeKind === "NONE" ? "" : decimal(policy.feeValue),
  };
}

/** The event's policy for a member who may set it; null for anyone else or another organizer's event. */
export async function getRefundPolicyForEditing(userId: string, organizerId: string, eventId: string): Promise<RefundPolicy | null> {
  const found = await findMemberEvent(userId, organizerId, eventId, "setRefundPolicy");
  if (!found?.membership || !found.event) return null;
  const row = await db.eventRefundPolicy.findUnique({ where: { eventId } });
  return row ? { refundable: row.refundable, daysBefore: row.daysBefore, feeKind: row.feeKind, feeValue: row.feeValue } : NO_REFUNDS;
}

export async function saveRefundPolicyForMember({
  userId,
  organizerId,
  eventId,
  values,
}: {
  userId: string;
  organizerId: string;
  eventId: string;
  values: RefundPolicyValues;
}): Promise<SaveRefundPolicyResult> {
  const found = await findMemberEvent(userId, organizerId, eventId, "setRefundPolicy");
  if (!found?.membership || !found.event) return { ok: false, error: "not_found" };
  if (found.event.status === "CANCELLED") return { ok: false, error: "cancelled" };
  const parsed = parseRefundPolicy(values);
  if (!parsed.ok) return { ok: false, error: "invalid_form", fieldErrors: parsed.fieldErrors };
  // A changed policy applies to cancellations from now on; refunds already made stay as they were.
  await db.eventRefundPolicy.upsert({
    where: { eventId },
    create: { eventId, ...parsed.policy, updatedById: userId },
    update: { ...parsed.policy, updatedById: userId },
  });
  return { ok: true, policy: parsed.policy };
}
