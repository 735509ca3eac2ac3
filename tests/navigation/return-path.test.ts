import { safeReturnPath } from "@/lib/navigation/return-path";

const site = { siteUrl: "https://biljett.example" };

describe("safeReturnPath", () => {
  it.each([
    ["the home page", "/", "/"],
    ["a path with its query and fragment", "/events/jazz-i-parken?date=2026-06#tickets", "/events/jazz-i-parken?date=2026-06#tickets"],
    ["a path with dot segments, resolved", "/a/../b", "/b"],
    ["dot segments above the root, kept at the root", "/../../etc", "/etc"],
    ["a single dot segment", "/./account", "/account"],
    ["percent-encoded dot segments, resolved as a browser does", "/%2e%2e/account", "/account"],
    ["a percent-encoded slash that stays inside a segment", "/.%2fevents", "/.%2fevents"],
    ["an absolute URL on SITE_URL, as its path", "https://biljett.example/events?city=Lund", "/events?city=Lund"],
    ["an absolute URL on SITE_URL with another case in the scheme", "HTTPS://biljett.example/x", "/x"],
    ["a query that contains slashes", "/events?next=//x", "/events?next=//x"],
    ["non-ASCII, percent-encoded", "/evenemang/åre", "/evenemang/%C3%A5re"],
  ])("accepts %s", (_what, value, expected) => {
    expect(safeReturnPath(value, "/fallback", site)).toBe(expected);
  });

  it.each([
    ["an absolute URL elsewhere", "https://evil.example/"],
    ["an absolute URL on SITE_URL's host with another scheme", "http://biljett.example/"],
    ["an absolute URL on SITE_URL's host with another port", "https://biljett.example:8443/"],
    ["a host that only starts like SITE_URL's", "https://biljett.example.evil.example/"],
    ["a protocol-relative URL", "//evil.example/path"],
    ["a backslash that browsers read as a slash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["a dot segment before a protocol-relative path", "/.//evil.example"],
    ["a dot segment before a backslash", "/./\\evil.example"],
    ["a parent segment before a protocol-relative path", "/a/..//evil.example"],
    ["parent segments above the root before one", "/../..//evil.example"],
    ["a percent-encoded dot before two slashes", "/%2e//evil.example"],
    ["percent-encoded dots before two slashes", "/%2E%2E//evil.example"],
    ["a percent-encoded dot and slash", "/%2e/%2f/evil.example"],
    ["a percent-encoded slash after the root", "/%2fevil.example"],
    ["a percent-encoded backslash after the root", "/%5cevil.example"],
    ["a dot segment and an encoded backslash", "/./%5C/evil.example"],
    ["an encoded dot, slash and backslash", "/.%2f%5cevil.example"],
    ["an absolute URL on SITE_URL whose path is protocol-relative", "https://biljett.example//evil.example"],
    ["an absolute URL on SITE_URL with dot segments that become one", "https://biljett.example/.//evil.example"],
    ["a tab that browsers strip", "/\t/evil.example"],
    ["a newline that browsers strip", "/\n/evil.example"],
    ["an encoded newline", "/%0a/evil.example"],
    ["a NUL", "/\u0000"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a javascript: URL in another case", "JavaScript:alert(1)"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["a relative path", "events"],
    ["a query alone", "?x=1"],
    ["an empty value", ""],
    ["something that is not a string", null],
    ["a number", 42],
    ["a very long value", `/${"a".repeat(3000)}`],
  ])("refuses %s", (_what, value) => {
    expect(safeReturnPath(value, "/fallback", site)).toBe("/fallback");
  });

  it("never returns anything that starts with two slashes or a slash and a backslash", () => {
    const pieces = ["/", "\\", ".", "..", "%2e", "%2E", "%2f", "%5c", "evil.example", "//", "/./", "/../"];
    for (const a of pieces) {
      for (const b of pieces) {
        for (const c of pieces) {
          const result = safeReturnPath(`/${a}${b}${c}`, null, site);
          if (result === null) continue;
          expect(result).toMatch(/^\/(?![/\\])/);
          expect(new URL(result, "https://biljett.example").origin).toBe("https://biljett.example");
          expect(decodeURIComponent(result)).not.toMatch(/^[/\\]{2}/);
        }
      }
    }
  });

  it("gives the caller's own fallback, null included", () => {
    expect(safeReturnPath("//evil.example", null, site)).toBeNull();
    expect(safeReturnPath("//evil.example", "/account", site)).toBe("/account");
  });

  it("takes SITE_URL from the configuration when not told", () => {
    expect(safeReturnPath("http://localhost:3000/events", "/")).toBe("/events");
    expect(safeReturnPath("https://biljett.example/events", "/")).toBe("/");
  });
});
