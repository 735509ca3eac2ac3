import { isPlausibleCorrection, normaliseEmail, parseEmail, suggestDomain } from "@/lib/accounts/email-address";

describe("normaliseEmail", () => {
  it("trims, applies NFKC and lower-cases", () => {
    expect(normaliseEmail("  Åsa.Berg@Example.SE \n")).toBe("åsa.berg@example.se");
    expect(normaliseEmail("ｋａｌｌｅ@example.se")).toBe("kalle@example.se");
  });
});

describe("parseEmail", () => {
  it("accepts a plain address and returns its normalised form", () => {
    expect(parseEmail(" Kalle.Anka+biljett@Example.se ")).toEqual({
      ok: true,
      email: "kalle.anka+biljett@example.se",
      suggestion: null,
    });
  });

  it("accepts Swedish letters in the address", () => {
    expect(parseEmail("björn@exempel.se")).toMatchObject({ ok: true, email: "björn@exempel.se" });
  });

  it.each([
    ["a display name", "Kalle Anka <kalle@example.se>"],
    ["a list", "kalle@example.se, musse@example.se"],
    ["a list with semicolons", "kalle@example.se;musse@example.se"],
    ["a line break", "kalle@example.se\nBcc: victim@example.se"],
    ["a carriage return", "kalle@exam\rple.se"],
    ["a full-width at-sign", "kalle＠example.se"],
    ["a small at-sign", "kalle﹫example.se"],
    ["a space inside", "kalle anka@example.se"],
  ])("refuses %s", (_what, raw) => {
    expect(parseEmail(raw)).toEqual({ ok: false, problem: "not_plain" });
  });

  it.each([
    "kalle",
    "kalle@",
    "@example.se",
    "kalle@@example.se",
    "a@b@example.se",
    "kalle@example",
    "kalle..anka@example.se",
    ".kalle@example.se",
  ])("refuses the malformed %p", (raw) => {
    expect(parseEmail(raw)).toEqual({ ok: false, problem: "invalid" });
  });

  it("refuses an empty or overlong address", () => {
    expect(parseEmail("   ")).toEqual({ ok: false, problem: "empty" });
    expect(parseEmail(`${"a".repeat(60)}@${"b".repeat(200)}.se`)).toEqual({ ok: false, problem: "too_long" });
  });

  it("suggests the likely domain for a common misspelling", () => {
    expect(parseEmail("kalle@gmial.com")).toEqual({ ok: true, email: "kalle@gmial.com", suggestion: "kalle@gmail.com" });
  });
});

describe("suggestDomain", () => {
  it.each([
    ["anna@gmial.com", "anna@gmail.com"],
    ["anna@gmail.co", "anna@gmail.com"],
    ["anna@hotmial.com", "anna@hotmail.com"],
    ["anna@hotmai.se", "anna@hotmail.se"],
    ["anna@outlok.com", "anna@outlook.com"],
    ["anna@iclod.com", "anna@icloud.com"],
  ])("suggests %s → %s", (typed, suggested) => {
    expect(suggestDomain(typed)).toBe(suggested);
  });

  it.each(["anna@gmail.com", "anna@example.se", "anna@kth.se", "anna@live.se", "anna@me.com"])("leaves %s alone", (typed) => {
    expect(suggestDomain(typed)).toBeNull();
  });
});

describe("isPlausibleCorrection", () => {
  it.each([
    // Same name, the domain checkout would have suggested or one slip away from it.
    ["anna.berg@gmial.com", "anna.berg@gmail.com"],
    ["anna.berg@hotmial.com", "anna.berg@hotmail.com"],
    ["anna.berg@gmail.co", "anna.berg@gmail.com"],
    ["anna.berg@iclod.com", "anna.berg@icloud.com"],
    ["anna.berg@telia.con", "anna.berg@telia.com"],
    ["anna.berg@kth.es", "anna.berg@kth.se"],
    // Same domain, a local part of six or more characters one slip away.
    ["annaberg@gmail.com", "anna.berg@gmail.com"],
    ["anna.brg@example.se", "anna.berg@example.se"],
    ["anna.bregs@example.se", "anna.bergs@example.se"],
    ["Anna.Berg@Gmial.com", "anna.berg@gmail.com"],
  ])("accepts %s → %s", (typed, corrected) => {
    expect(isPlausibleCorrection(typed, corrected)).toBe(true);
  });

  it.each([
    // Another person altogether.
    ["greta@hotmial.com", "mallory@gmail.com"],
    ["anna.berg@gmail.com", "anna.berg@gmail.com"],
    // Right name, a different provider: not a slip.
    ["anna.berg@gmail.com", "anna.berg@outlook.com"],
    ["anna.berg@hotmail.se", "anna.berg@hotmail.com"],
    // A short local part one edit away is someone else too easily.
    ["anna@gmail.com", "anne@gmail.com"],
    ["bob12@gmail.com", "bob1@gmail.com"],
    // Two slips, or a slip in both halves.
    ["anna.berg@gmail.com", "anna.bery@gnail.com"],
    ["anna.berg@gmail.com", "anna.bxrz@gmail.com"],
    ["anna.berg@example.se", "anna.berg@examples.com"],
    ["not-an-address", "anna.berg@gmail.com"],
  ])("refuses %s → %s", (typed, corrected) => {
    expect(isPlausibleCorrection(typed, corrected)).toBe(false);
  });
});
