import { localizeSiteLinks } from "@/lib/i18n/email-links";
import { isLocalizedPath, localizePath, localizedUrl, parseLocalePath } from "@/lib/i18n/paths";

describe("localizePath", () => {
  it("leaves Swedish at the plain paths and puts English under /en", () => {
    expect(localizePath("/events", "sv")).toBe("/events");
    expect(localizePath("/events", "en")).toBe("/en/events");
    expect(localizePath("/", "en")).toBe("/en");
    expect(localizePath("/", "sv")).toBe("/");
    expect(localizePath("/events?city=Lund#list", "en")).toBe("/en/events?city=Lund#list");
    expect(localizePath("/?q=jazz", "en")).toBe("/en?q=jazz");
  });

  it("moves a path that already has a language, and never doubles the prefix", () => {
    expect(localizePath("/en/events", "en")).toBe("/en/events");
    expect(localizePath("/en/events", "sv")).toBe("/events");
    expect(localizePath("/en", "sv")).toBe("/");
    expect(localizePath("/en?x=1", "sv")).toBe("/?x=1");
    expect(localizePath("/sv/events", "en")).toBe("/en/events");
    expect(localizePath(localizePath("/account", "en"), "en")).toBe("/en/account");
  });

  it("does not take a path that merely starts with the letters of a language for one", () => {
    expect(localizePath("/entries", "en")).toBe("/en/entries");
    expect(parseLocalePath("/svenska").locale).toBe("sv");
    expect(parseLocalePath("/svenska").path).toBe("/svenska");
  });

  it("leaves alone what is not a page of ours", () => {
    for (const other of [
      "https://example.com/x",
      "//evil.example/x",
      "#like",
      "",
      "relative/path",
      "/api/v1/me/tickets",
      "/media/abc",
      "/og/events/x",
    ]) {
      expect(localizePath(other, "en")).toBe(other);
    }
  });
});

describe("parseLocalePath", () => {
  it("reads the language and the plain path", () => {
    expect(parseLocalePath("/en/account/tickets?x=1")).toEqual({ locale: "en", path: "/account/tickets?x=1" });
    expect(parseLocalePath("/en")).toEqual({ locale: "en", path: "/" });
    expect(parseLocalePath("/account")).toEqual({ locale: "sv", path: "/account" });
  });
});

describe("isLocalizedPath", () => {
  it("is true for pages and false for the API, pictures and files", () => {
    expect(isLocalizedPath("/")).toBe(true);
    expect(isLocalizedPath("/en/events/jazz-i-lund")).toBe(true);
    expect(isLocalizedPath("/account/tickets/ABC123/pdf")).toBe(true);
    expect(isLocalizedPath("/api/auth/session")).toBe(false);
    expect(isLocalizedPath("/media/1234")).toBe(false);
    expect(isLocalizedPath("/robots.txt")).toBe(false);
    expect(isLocalizedPath("/manifest.webmanifest")).toBe(false);
  });
});

describe("localized addresses in emails", () => {
  const site = "https://biljett.example";

  it("builds absolute addresses in a language", () => {
    expect(localizedUrl(site, "/orders/1?t=2", "en")).toBe("https://biljett.example/en/orders/1?t=2");
    expect(localizedUrl(site, "/orders/1?t=2", "sv")).toBe("https://biljett.example/orders/1?t=2");
  });

  it("moves every link to a page of ours in a payload, deeply, and nothing else", () => {
    const payload = {
      orderUrl: `${site}/orders/abc?token=x`,
      signInUrl: `${site}/login/confirm?token=t&callbackUrl=%2Faccount`,
      picture: `${site}/media/123`,
      elsewhere: "https://example.com/orders/abc",
      text: "Se /orders/abc",
      tickets: [{ url: `${site}/account/tickets/A1` }],
      count: 2,
    };
    expect(localizeSiteLinks(payload, site, "en")).toEqual({
      orderUrl: `${site}/en/orders/abc?token=x`,
      signInUrl: `${site}/en/login/confirm?token=t&callbackUrl=%2Fen%2Faccount`,
      picture: `${site}/media/123`,
      elsewhere: "https://example.com/orders/abc",
      text: "Se /orders/abc",
      tickets: [{ url: `${site}/en/account/tickets/A1` }],
      count: 2,
    });
    expect(localizeSiteLinks(payload, site, "sv")).toEqual(payload);
  });

  it("gives a sign-in link's way back the email's language only when it has none", () => {
    const welcome = `${site}/login/confirm?token=t&callbackUrl=%2Faccount%2Fpassword`;
    expect(new URL(localizeSiteLinks(welcome, site, "en")).searchParams.get("callbackUrl")).toBe("/en/account/password");
    expect(localizeSiteLinks(welcome, site, "sv")).toBe(welcome);
    const askedInEnglish = `${site}/login/confirm?token=t&callbackUrl=%2Fen%2Forganizer`;
    expect(new URL(localizeSiteLinks(askedInEnglish, site, "sv")).searchParams.get("callbackUrl")).toBe("/en/organizer");
  });
});
