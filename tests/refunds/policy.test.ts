import { cancellationDeadline, NO_REFUNDS, refundFee, refundQuote } from "@/lib/refunds/policy";

describe("cancellationDeadline", () => {
  it("counts days in the event's time zone, keeping the local hour across a change of clocks", () => {
    // 19:00 in Stockholm on 2 April 2027 (summer time, UTC+2); a week earlier is still winter time (UTC+1).
    const startsAt = new Date("2027-04-02T17:00:00Z");
    expect(cancellationDeadline(startsAt, "Europe/Stockholm", 7).toISOString()).toBe("2027-03-26T18:00:00.000Z");
    // The same instant in New York, whose clocks changed on 14 March: 13:00 local both days.
    expect(cancellationDeadline(startsAt, "America/New_York", 7).toISOString()).toBe("2027-03-26T17:00:00.000Z");
    expect(cancellationDeadline(startsAt, "Europe/Stockholm", 0).toISOString()).toBe(startsAt.toISOString());
  });
});

describe("refundFee", () => {
  it("rounds a percentage down to whole öre", () => {
    expect(refundFee({ feeKind: "PERCENT", feeValue: 1000 }, 12_345)).toBe(1_234);
    expect(refundFee({ feeKind: "PERCENT", feeValue: 250 }, 999)).toBe(24);
    expect(refundFee({ feeKind: "PERCENT", feeValue: 10_000 }, 999)).toBe(999);
  });

  it("keeps a fixed fee, never more than the amount", () => {
    expect(refundFee({ feeKind: "FIXED", feeValue: 2_500 }, 30_000)).toBe(2_500);
    expect(refundFee({ feeKind: "FIXED", feeValue: 2_500 }, 1_000)).toBe(1_000);
    expect(refundFee({ feeKind: "NONE", feeValue: 2_500 }, 1_000)).toBe(0);
    expect(refundFee({ feeKind: "FIXED", feeValue: 2_500 }, 0)).toBe(0);
  });
});

describe("refundQuote", () => {
  const event = { startsAt: new Date("2027-06-10T17:00:00Z"), timeZone: "Europe/Stockholm" };
  const policy = { refundable: true, daysBefore: 3, feeKind: "PERCENT" as const, feeValue: 500 };

  it("refuses everything without a policy", () => {
    expect(refundQuote(NO_REFUNDS, event, 50_000, new Date("2027-01-01T00:00:00Z"))).toEqual({ allowed: false, reason: "no_refunds" });
  });

  it("gives the amount less the fee until the deadline, to the minute, and nothing after", () => {
    const deadline = new Date("2027-06-07T17:00:00Z");
    expect(refundQuote(policy, event, 50_000, deadline)).toEqual({
      allowed: true,
      deadline,
      amountMinor: 50_000,
      feeMinor: 2_500,
      refundMinor: 47_500,
    });
    expect(refundQuote(policy, event, 50_000, new Date(deadline.getTime() + 60_000))).toEqual({
      allowed: false,
      reason: "too_late",
      deadline,
    });
  });
});
