import { pickLocale } from "@/lib/i18n/locales";

describe("pickLocale", () => {
  it("lets the visitor's cookie win over the browser", () => {
    expect(pickLocale("en", "sv-SE,sv;q=0.9")).toBe("en");
    expect(pickLocale("sv", "en-GB,en;q=0.9")).toBe("sv");
  });

  it("ignores a cookie naming a language the site does not speak", () => {
    expect(pickLocale("de", "en-US")).toBe("en");
    expect(pickLocale("", null)).toBe("sv");
  });

  it("takes the browser's languages in order of quality, not of listing", () => {
    expect(pickLocale(undefined, "sv;q=0.5,en;q=0.8")).toBe("en");
    expect(pickLocale(undefined, "en;q=0.4, sv-FI;q=0.7")).toBe("sv");
  });

  it("skips languages it does not speak and ones refused with q=0", () => {
    expect(pickLocale(undefined, "de-DE,fr;q=0.9,en;q=0.8,sv;q=0.7")).toBe("en");
    expect(pickLocale(undefined, "en;q=0,de")).toBe("sv");
  });

  it("keeps the listed order between equal qualities", () => {
    expect(pickLocale(undefined, "en-US,sv")).toBe("en");
    expect(pickLocale(undefined, "sv,en-US")).toBe("sv");
  });

  it("falls back to Swedish", () => {
    expect(pickLocale(undefined, null)).toBe("sv");
    expect(pickLocale(undefined, "")).toBe("sv");
    expect(pickLocale(undefined, "de,fr")).toBe("sv");
  });
});
