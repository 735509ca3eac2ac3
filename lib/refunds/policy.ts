// An event's refund policy and what it gives a buyer who cancels now: no refunds; or refunds
// until N days before the start, counted in the event's own time zone (so "7 days before a
// 19:00 concert" is 19:00 local time a week earlier, whatever the clocks did meanwhile), less
// a fee that is fixed or a percentage rounded down to whole öre.
import { TZDate } from "@date-fns/tz";
import type { RefundFeeKind } from "../db/types";

export type RefundPolicy = {
  refundable: boolean;
  daysBefore: number;
  feeKind: RefundFeeKind;
  /** FIXED: minor units per cancellation; PERCENT: basis points (250 = 2.5 %). */
  feeValue: number;
};

/** An event without a policy row: nothing is refunded. */
export const NO_REFUNDS: RefundPolicy = { refundable: false, daysBefore: 0, feeKind: "NONE", feeValue: 0 };

export const MAX_DAYS_BEFORE = 365;
/** 100 % in basis points. */
export const MAX_FEE_BASIS_POINTS = 10_000;

/** The last moment to cancel: the start's wall-clock time in its zone, `daysBefore` calendar days earlier. */
export function cancellationDeadline(startsAt: Date, timeZone: string, daysBefore: number): Date {
  const local = new TZDate(startsAt.getTime(), timeZone);
  local.setDate(local.getDate() - daysBefore);
  return new Date(local.getTime());
}

/** The fee kept from `amountMinor` (never more than it): fixed, or the percentage rounded down. */
export function refundFee(policy: Pick<RefundPolicy, "feeKind" | "feeValue">, amountMinor: number): number {
  if (amountMinor <= 0) return 0;
  const fee =
    policy.feeKind === "FIXED"
      ? policy.feeValue
      : policy.feeKind === "PERCENT"
        ? // Integer arithmetic: öre times basis points stays far below 2^53.
          Math.floor((amountMinor * policy.feeValue) / MAX_FEE_BASIS_POINTS)
        : 0;
  return Math.min(Math.max(0, fee), amountMinor);
}

export type RefundQuote =
  | { allowed: true; deadline: Date; amountMinor: number; feeMinor: number; refundMinor: number }
  | { allowed: false; reason: "no_refunds" }
  | { allowed: false; reason: "too_late"; deadline: Date };

/** What cancelling tickets worth `amountMinor` gives back at `now`. */
export function refundQuote(
  policy: RefundPolicy,
  event: { startsAt: Date; timeZone: string },
  amountMinor: number,
  now: Date = new Date(),
): RefundQuote {
  if (!policy.refundable) return { allowed: false, reason: "no_refunds" };
  const deadline = cancellationDeadline(event.startsAt, event.timeZone, policy.daysBefore);
  if (now.getTime() > deadline.getTime()) return { allowed: false, reason: "too_late", deadline };
  const feeMinor = refundFee(policy, amountMinor);
  return { allowed: true, deadline, amountMinor, feeMinor, refundMinor: amountMinor - feeMinor };
}
