import { NextRequest } from "next/server";
import { BodyTooLargeError, readBoundedText } from "@/lib/security/bounded-body";
import { MAX_UPLOAD_BYTES } from "@/lib/uploads/image-rules";
import { bodyLimitFor, contentSecurityPolicy, guardRequest, securityHeaders, SERVER_ACTION_BODY_LIMIT } from "@/lib/security/request-guard";
import { proxy } from "@/proxy";

const site = "http://localhost:3000";
const headers = (entries: Record<string, string>) => new Headers(entries);

describe("guardRequest", () => {
  it.each([
    ["a same-site form post", "POST", "/account/profile", { origin: site, "content-length": "300" }, null],
    ["a cross-site form post", "POST", "/account/profile", { origin: "https://evil.example" }, 403],
    ["an opaque origin", "POST", "/account/profile", { origin: "null" }, 403],
    ["a post without Origin (an app, a script)", "POST", "/login/link", { "content-length": "40" }, null],
    ["Stripe's webhook, server to server", "POST", "/api/payments/stripe/webhook", { origin: "https://stripe.example" }, null],
    ["a cross-site GET (a link)", "GET", "/events", { origin: "https://evil.example" }, null],
    ["a sign-in link request over 16 kB", "POST", "/login/link", { origin: site, "content-length": String(16 * 1024 + 1) }, 413],
    ["a webhook over 256 kB", "POST", "/api/payments/stripe/webhook", { "content-length": String(256 * 1024 + 1) }, 413],
    ["an API request over 64 kB", "GET", "/api/v1/me/tickets", { "content-length": String(64 * 1024 + 1) }, 413],
    ["a 100 MB upload", "POST", "/account/profile", { origin: site, "content-length": String(100 * 1024 * 1024) }, 413],
    [
      "a photo a little over 5 MB (the action explains the 5 MB limit next to the field)",
      "POST",
      "/account/profile",
      { origin: site, "content-length": String(5.5 * 1024 * 1024) },
      null,
    ],
    [
      "a 7 MB photo (the proxy's page explains the 5 MB limit)",
      "POST",
      "/account/profile",
      { origin: site, "content-length": String(7 * 1024 * 1024) },
      413,
    ],
    [
      "an English sign-in link request over 16 kB",
      "POST",
      "/en/login/link",
      { origin: site, "content-length": String(16 * 1024 + 1) },
      413,
    ],
    ["a nonsense length", "POST", "/account/profile", { origin: site, "content-length": "12abc" }, 413],
  ])("%s", (_label, method, pathname, given, status) => {
    const refusal = guardRequest({ method, pathname, headers: headers(given), siteOrigin: site });
    expect(refusal?.status ?? null).toBe(status);
  });

  it("names each route's limit, and the server actions' for the rest", () => {
    expect([
      bodyLimitFor("/login/link"),
      bodyLimitFor("/api/payments/stripe/webhook"),
      bodyLimitFor("/api/v1/me/tickets/X"),
      bodyLimitFor("/events/x"),
      bodyLimitFor("/en/login/link"),
      bodyLimitFor("/sv/login/link"),
    ]).toEqual([16 * 1024, 256 * 1024, 64 * 1024, SERVER_ACTION_BODY_LIMIT, 16 * 1024, 16 * 1024]);
  });

  it("lets a server action's largest form through: a 5 MB picture with its framing", () => {
    expect(SERVER_ACTION_BODY_LIMIT).toBeGreaterThan(MAX_UPLOAD_BYTES + 64 * 1024);
    // Next copies a refused body twice up to this size before the proxy answers.
    expect(SERVER_ACTION_BODY_LIMIT).toBeLessThanOrEqual(8 * 1024 * 1024);
  });

  it("names the picture as what was too large on the profile form only, in either language", () => {
    const big = headers({ origin: site, "content-length": String(50 * 1024 * 1024) });
    const refusals = ["/account/profile", "/en/account/profile", "/account/public-profile"].map((pathname) =>
      guardRequest({ method: "POST", pathname, headers: big, siteOrigin: site }),
    );
    expect(refusals.map((refusal) => refusal?.status === 413 && refusal.picture)).toEqual([true, true, false]);
  });
});

describe("securityHeaders", () => {
  it("sends HSTS only for an https site, and the CSP always", () => {
    expect(Object.keys(securityHeaders("https://biljett.example.se")).sort()).toEqual([
      "Content-Security-Policy",
      "Strict-Transport-Security",
    ]);
    expect(Object.keys(securityHeaders("http://localhost:3000"))).toEqual(["Content-Security-Policy"]);
  });

  it("limits what a page may load, embed and post to", () => {
    const directives = new Map(
      contentSecurityPolicy()
        .split("; ")
        .map((part) => [part.split(" ")[0], part.split(" ").slice(1)] as const),
    );
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'self'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("img-src")).toEqual(expect.arrayContaining(["'self'", "data:"]));
    expect(directives.get("form-action")).toEqual(["'self'", "https://checkout.stripe.com"]);
  });
});

describe("proxy", () => {
  it("answers a cross-site post with a short translated page, and passes the rest on with the headers", async () => {
    const refused = proxy(new NextRequest(`${site}/en/account/profile`, { method: "POST", headers: { origin: "https://evil.example" } }));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("The form was sent from another website");
    expect(refused.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");

    const passed = proxy(new NextRequest(`${site}/api/v1/me/tickets`));
    expect(passed.status).toBe(200);
    expect(passed.headers.get("x-middleware-next")).toBe("1");
    expect(passed.headers.get("content-security-policy")).toContain("default-src 'self'");
  });

  it("takes a page's language from its address alone: no redirect by browser language, no cookie", async () => {
    const swedish = proxy(
      new NextRequest(`${site}/events`, { headers: { "accept-language": "en-GB,en;q=0.9", cookie: "NEXT_LOCALE=en" } }),
    );
    expect(swedish.status).toBe(200);
    expect(swedish.headers.get("x-middleware-rewrite")).toBe(`${site}/sv/events`);
    expect(swedish.headers.get("set-cookie")).toBeNull();
    expect(swedish.headers.get("content-security-policy")).toContain("default-src 'self'");

    const english = proxy(new NextRequest(`${site}/en/events`, { headers: { "accept-language": "sv" } }));
    expect(english.status).toBe(200);
    expect(english.headers.get("x-middleware-request-x-next-intl-locale")).toBe("en");
    expect(english.headers.get("set-cookie")).toBeNull();

    // The Swedish prefix is not an address of its own.
    const prefixed = proxy(new NextRequest(`${site}/sv/events`));
    expect(prefixed.status).toBe(307);
    expect(prefixed.headers.get("location")).toBe(`${site}/events`);
  });

  it("answers an oversized body with 413 in Swedish by default", async () => {
    const refused = proxy(
      new NextRequest(`${site}/login/link`, { method: "POST", headers: { origin: site, "content-length": String(20 * 1024) } }),
    );
    expect(refused.status).toBe(413);
    expect(await refused.text()).toContain("högst 16 kB");
  });

  it("answers a picture too large for the profile form with the picture's limit and the way back", async () => {
    const refused = proxy(
      new NextRequest(`${site}/en/account/profile`, {
        method: "POST",
        headers: { origin: site, "content-length": String(20 * 1024 * 1024), "content-type": "multipart/form-data; boundary=x" },
      }),
    );
    expect(refused.status).toBe(413);
    const page = await refused.text();
    expect(page).toContain("The picture is too big");
    expect(page).toContain("larger than 5 MB");
    expect(page).toContain('href="/en/account/profile"');
  });
});

describe("readBoundedText", () => {
  function chunked(totalBytes: number): Request {
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= totalBytes) return controller.close();
        const chunk = new Uint8Array(Math.min(64 * 1024, totalBytes - sent)).fill(97);
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    return new Request(`${site}/login/link`, { method: "POST", body: stream, duplex: "half" } as RequestInit);
  }

  it("reads a body within the limit", async () => {
    expect(await readBoundedText(chunked(1000))).toBe("a".repeat(1000));
  });

  it("stops a chunked body as soon as it passes the limit, without reading the rest", async () => {
    const request = chunked(2 * 1024 * 1024);
    await expect(readBoundedText(request)).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});
