import {
  formatDateTime,
  formatEventDate,
  formatEventDateRange,
  formatEventTime,
  formatPrice,
  minorUnitDigits,
  regionalLocale,
} from "@/lib/i18n/format";

// Intl separates digit groups and currency signs with no-break spaces (U+00A0) and, in
// English ranges, thin spaces (U+2009); tests compare with ordinary spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, " ");

describe("formatPrice", () => {
  it("shows whole kronor without öre in Swedish", () => {
    expect(plain(formatPrice(25000, "SEK", "sv"))).toBe("250 kr");
    expect(plain(formatPrice(125000, "SEK", "sv"))).toBe("1 250 kr");
  });

  it("shows whole kronor without öre in English", () => {
    expect(plain(formatPrice(25000, "SEK", "en"))).toBe("SEK 250");
    expect(plain(formatPrice(125000, "SEK", "en"))).toBe("SEK 1,250");
  });

  it("shows öre when the amount is not whole kronor", () => {
    expect(plain(formatPrice(24950, "SEK", "sv"))).toBe("249,50 kr");
    expect(plain(formatPrice(24950, "SEK", "en"))).toBe("SEK 249.50");
    expect(plain(formatPrice(5, "SEK", "sv"))).toBe("0,05 kr");
  });

  it("uses no-break spaces, so a price never wraps across lines", () => {
    expect(formatPrice(25000, "SEK", "sv")).toBe("250\u00a0kr");
  });

  it("formats zero as an amount; saying Free is the caller's job", () => {
    expect(plain(formatPrice(0, "SEK", "sv"))).toBe("0 kr");
  });

  it("knows currencies with other minor units", () => {
    expect(plain(formatPrice(1250, "EUR", "en"))).toBe("€12.50");
    expect(plain(formatPrice(500, "JPY", "en"))).toBe("¥500");
  });

  it("refuses fractions of a minor unit", () => {
    expect(() => formatPrice(10.5, "SEK", "sv")).toThrow(RangeError);
  });
});

describe("minorUnitDigits", () => {
  it("knows each currency's minor unit, whatever the code's case", () => {
    expect(minorUnitDigits("SEK")).toBe(2);
    expect(minorUnitDigits("sek")).toBe(2);
    expect(minorUnitDigits("JPY")).toBe(0);
    expect(minorUnitDigits("KWD")).toBe(3);
  });

  it("builds one Intl.NumberFormat per currency, not one per price", () => {
    // A checkout form formats every price on every render: each new Intl.NumberFormat costs a
    // browser far more than a format call: 59 ms of the checkout page's first load here, before.
    formatPrice(100, "NOK", "sv");
    const built = jest.spyOn(Intl, "NumberFormat");
    try {
      for (let i = 0; i < 50; i++) {
        formatPrice(100 * i, "NOK", "sv");
        minorUnitDigits("nok");
      }
      expect(built).not.toHaveBeenCalled();
    } finally {
      built.mockRestore();
    }
  });
});

describe("formatEventDate", () => {
  // 22:30 UTC on 31 December is already New Year's Day in Stockholm.
  const newYearsEve = new Date("2026-12-31T23:30:00Z");

  it("writes the day in the event's time zone, not the server's", () => {
    expect(plain(formatEventDate(newYearsEve, "sv", "Europe/Stockholm"))).toBe("fre 1 jan. 2027");
    expect(plain(formatEventDate(newYearsEve, "en", "Europe/Stockholm"))).toBe("Fri, Jan 1, 2027");
    expect(plain(formatEventDate(newYearsEve, "en", "America/New_York"))).toBe("Thu, Dec 31, 2026");
  });

  it("defaults to Stockholm", () => {
    expect(plain(formatEventDate(newYearsEve, "sv"))).toBe("fre 1 jan. 2027");
  });
});

describe("formatEventTime", () => {
  it("follows summer time in Stockholm", () => {
    // 18:00 UTC is 19:00 in winter (CET, +1) and 20:00 in summer (CEST, +2).
    expect(formatEventTime(new Date("2026-01-15T18:00:00Z"), "sv")).toBe("19:00");
    expect(formatEventTime(new Date("2026-07-15T18:00:00Z"), "sv")).toBe("20:00");
    expect(formatEventTime(new Date("2026-07-15T05:00:00Z"), "sv")).toBe("07:00");
    expect(plain(formatEventTime(new Date("2026-07-15T18:00:00Z"), "en"))).toBe("8:00 PM");
  });
});

describe("formatEventDateRange", () => {
  it("writes the day once for an evening event", () => {
    const range = formatEventDateRange("2026-03-28T18:00:00Z", "2026-03-28T21:00:00Z", "sv");
    expect(plain(range)).toBe("lör 28 mars 2026 19:00–22:00");
  });

  it("crosses the night the clocks go forward with the right local times", () => {
    // Summer time starts at 02:00 local on 29 March 2026: 01:30 UTC is 03:30, not 02:30.
    const sv = formatEventDateRange("2026-03-28T18:00:00Z", "2026-03-29T01:30:00Z", "sv", "Europe/Stockholm");
    expect(plain(sv)).toBe("lör 28 mars 2026 19:00–sön 29 mars 2026 03:30");
    const en = formatEventDateRange("2026-03-28T18:00:00Z", "2026-03-29T01:30:00Z", "en", "Europe/Stockholm");
    expect(plain(en)).toBe("Sat, Mar 28, 2026, 7:00 PM – Sun, Mar 29, 2026, 3:30 AM");
  });

  it("crosses the night the clocks go back with the right local times", () => {
    // Summer time ends at 03:00 local on 25 October 2026 (01:00 UTC).
    const range = formatEventDateRange("2026-10-24T20:00:00Z", "2026-10-25T02:00:00Z", "sv", "Europe/Stockholm");
    expect(plain(range)).toBe("lör 24 okt. 2026 22:00–sön 25 okt. 2026 03:00");
  });

  it("shows the start alone when the end is before it", () => {
    expect(plain(formatEventDateRange("2026-03-28T18:00:00Z", "2026-03-28T17:00:00Z", "sv"))).toBe("lör 28 mars 2026 19:00");
  });
});

describe("formatDateTime", () => {
  // 19:16 in Stockholm (winter time).
  const at = new Date("2026-12-05T18:16:00Z");

  it("writes Intl's date and time styles in the site's time zone", () => {
    expect(plain(formatDateTime(at, regionalLocale("sv"), { dateStyle: "medium", timeStyle: "short" }))).toBe("5 dec. 2026 19:16");
    expect(plain(formatDateTime(at, regionalLocale("en"), { dateStyle: "long" }))).toBe("5 December 2026");
    expect(plain(formatDateTime(at, "en", { dateStyle: "medium", timeStyle: "short" }))).toBe("Dec 5, 2026, 7:16 PM");
  });

  it("uses another time zone when given one (an event's)", () => {
    expect(plain(formatDateTime(at, "sv", { timeStyle: "short" }, "Europe/London"))).toBe("18:16");
  });

  it("gives what the pages wrote with Intl before", () => {
    for (const locale of ["sv", "en"]) {
      for (const style of [{ dateStyle: "long" }, { dateStyle: "medium" }, { dateStyle: "medium", timeStyle: "short" }] as const) {
        const before = new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { ...style, timeZone: "Europe/Stockholm" }).format(at);
        expect(formatDateTime(at, regionalLocale(locale), style)).toBe(before);
      }
      const before = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Stockholm" }).format(at);
      expect(formatDateTime(at, locale, { dateStyle: "short", timeStyle: "medium" })).toBe(before);
    }
  });
});
