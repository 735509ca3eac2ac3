import { normaliseEmail, parseEmail, suggestDomain } from "@/lib/accounts/email-address";

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

  it.each(["kalle", "kalle@", "@example.se", "kalle@@example.se", "a@b@example.se", "kalle@example", "kalle..anka@example.se", ".kalle@example.se"])(
    "refuses the malformed %p",
    (raw) => {
      expect(parseEmail(raw)).toEqual({ ok: false, problem: "invalid" });
    },
  );

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

  it.each(["anna@gmail.com", "anna@example.se", "anna@kth.se", "anna@live.se", "anna@me.com"])(
    "leaves %s alone",
    (typed) => {
      expect(suggestDomain(typed)).toBeNull();
    },
  );
});
