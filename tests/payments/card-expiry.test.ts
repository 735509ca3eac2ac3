import { formatExpiryAsTyped, isExpiryInFuture, parseCardExpiry } from "@/lib/payments/card-expiry";
import { checkCard, TEST_CARDS } from "@/lib/payments/test-provider";

describe("parseCardExpiry", () => {
  it.each([
    ["09/29", { month: 9, year: 2029 }],
    ["0929", { month: 9, year: 2029 }],
    ["09-29", { month: 9, year: 2029 }],
    ["09 / 29", { month: 9, year: 2029 }],
    ["09 / 2029", { month: 9, year: 2029 }],
    ["09/2029", { month: 9, year: 2029 }],
    ["092029", { month: 9, year: 2029 }],
    ["9/29", { month: 9, year: 2029 }],
    ["09 29", { month: 9, year: 2029 }],
    ["  12/30 ", { month: 12, year: 2030 }],
    ["01.31", { month: 1, year: 2031 }],
  ])("reads %j as the month and year", (typed, expected) => {
    expect(parseCardExpiry(typed)).toEqual(expected);
  });

  it.each([[""], ["13/29"], ["00/29"], ["929"], ["09/2"], ["09/202"], ["09//29"], ["sep 29"], ["0929x"], ["09/29/29"], ["12345"]])(
    "refuses %j",
    (typed) => {
      expect(parseCardExpiry(typed)).toBeNull();
    },
  );
});

describe("isExpiryInFuture", () => {
  const now = new Date("2029-09-15T12:00:00Z");
  it("keeps a card valid through the last day of its month", () => {
    expect(isExpiryInFuture({ month: 9, year: 2029 }, now)).toBe(true);
    expect(isExpiryInFuture({ month: 9, year: 2029 }, new Date("2029-10-01T00:00:00Z"))).toBe(false);
    expect(isExpiryInFuture({ month: 8, year: 2029 }, now)).toBe(false);
  });
});

describe("checkCard", () => {
  const now = new Date("2026-12-06T00:00:00Z");
  it.each(["0929", "09-29", "09/29", "09 / 2029"])("accepts the expiry %j for a test card", (expiry) => {
    expect(checkCard({ number: TEST_CARDS.succeeds, expiry, cvc: "123" }, now)).toEqual([]);
  });

  it("refuses an expiry that has passed, however it is written", () => {
    expect(checkCard({ number: TEST_CARDS.succeeds, expiry: "1126", cvc: "123" }, now)).toEqual(["expiry"]);
    expect(checkCard({ number: TEST_CARDS.succeeds, expiry: "11-26", cvc: "123" }, now)).toEqual(["expiry"]);
  });
});

describe("formatExpiryAsTyped", () => {
  it.each([
    ["0", "0"],
    ["1", "1"],
    ["09", "09/"],
    ["12", "12/"],
    ["9", "09/"],
    ["4", "04/"],
    ["093", "09/3"],
    ["0929", "09/29"],
    ["092029", "09/2029"],
    ["09//", "09/"],
    ["09/2", "09/2"],
    ["09-29", "09-29"],
    ["09 / 29", "09 / 29"],
    ["", ""],
  ])("turns %j into %j", (typed, shown) => {
    expect(formatExpiryAsTyped(typed)).toBe(shown);
  });

  it("gives text the server reads as the same expiry", () => {
    for (const typed of ["0929", "092029", "1230"]) {
      expect(parseCardExpiry(formatExpiryAsTyped(typed))).toEqual(parseCardExpiry(typed));
    }
  });
});
