import { addDays, localDate, nextWeekday, zonedTimeToUtc } from "@/lib/seed/zoned-time";

const STOCKHOLM = "Europe/Stockholm";

describe("zonedTimeToUtc", () => {
  it("puts 19:00 in Stockholm at 18:00 UTC in winter and 17:00 UTC in summer", () => {
    expect(zonedTimeToUtc({ year: 2027, month: 1, day: 15 }, 19, 0, STOCKHOLM).toISOString()).toBe("2027-01-15T18:00:00.000Z");
    expect(zonedTimeToUtc({ year: 2027, month: 7, day: 15 }, 19, 0, STOCKHOLM).toISOString()).toBe("2027-07-15T17:00:00.000Z");
  });

  it("uses summer time on the evening of the day the clocks go forward", () => {
    expect(zonedTimeToUtc({ year: 2027, month: 3, day: 28 }, 19, 0, STOCKHOLM).toISOString()).toBe("2027-03-28T17:00:00.000Z");
    expect(zonedTimeToUtc({ year: 2027, month: 10, day: 31 }, 19, 0, STOCKHOLM).toISOString()).toBe("2027-10-31T18:00:00.000Z");
  });

  it("moves a time skipped by the spring change to the hour after", () => {
    expect(zonedTimeToUtc({ year: 2027, month: 3, day: 28 }, 2, 30, STOCKHOLM).toISOString()).toBe("2027-03-28T01:30:00.000Z");
  });
});

describe("localDate", () => {
  it("gives the Stockholm date, which is a day ahead of UTC late in the evening", () => {
    expect(localDate(new Date("2026-11-25T23:30:00Z"), STOCKHOLM)).toEqual({ year: 2026, month: 11, day: 26 });
  });
});

describe("nextWeekday", () => {
  it("finds the next Friday, or the same day when it already is one", () => {
    expect(nextWeekday({ year: 2026, month: 11, day: 25 }, 5)).toEqual({ year: 2026, month: 11, day: 27 });
    expect(nextWeekday({ year: 2026, month: 11, day: 27 }, 5)).toEqual({ year: 2026, month: 11, day: 27 });
    expect(addDays({ year: 2026, month: 12, day: 30 }, 3)).toEqual({ year: 2027, month: 1, day: 2 });
  });
});
