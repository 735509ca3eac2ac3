import { sameSitePath } from "@/lib/i18n/return-path";

describe("sameSitePath", () => {
  it("keeps a path on this site with its query and fragment", () => {
    expect(sameSitePath("/")).toBe("/");
    expect(sameSitePath("/events/jazz-i-parken?date=2026-06#tickets")).toBe("/events/jazz-i-parken?date=2026-06#tickets");
  });

  it("normalises the path without leaving the site", () => {
    expect(sameSitePath("/a/../b")).toBe("/b");
    expect(sameSitePath("/../../etc")).toBe("/etc");
  });

  it.each([
    ["an absolute URL", "https://evil.example/"],
    ["a protocol-relative URL", "//evil.example/path"],
    ["a backslash that browsers read as a slash", "/\\evil.example"],
    ["a tab that browsers strip", "/\t/evil.example"],
    ["a newline that browsers strip", "/\n/evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "events"],
    ["an empty value", ""],
    ["something that is not a string", null],
    ["a very long value", `/${"a".repeat(3000)}`],
  ])("refuses %s", (_what, value) => {
    expect(sameSitePath(value)).toBeNull();
  });
});
