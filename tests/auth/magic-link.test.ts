import { useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes } from "node:crypto";
import type { EmailConfig } from "next-auth/providers/email";
import { magicLinkProvider, magicLinkPurpose, normaliseSignInEmail } from "@/lib/auth/magic-link";
import { hashPassword } from "@/lib/accounts/passwords";
import { db } from "@/lib/db/client";

const provider = magicLinkProvider();

function authJsUrl(host: string, email: string, token: string, callbackUrl: string) {
  return `${host}/api/auth/callback/email?${new URLSearchParams({ callbackUrl, token, email })}`;
}

async function send(
  email: string,
  { host = "http://localhost:3000", callbackUrl = "/account", headers = {} as Record<string, string> } = {},
) {
  const token = randomBytes(32).toString("hex");
  await provider.sendVerificationRequest({
    identifier: email,
    token,
    expires: new Date(Date.now() + 15 * 60_000),
    url: authJsUrl(host, email, token, callbackUrl),
    provider: provider as EmailConfig,
    theme: {},
    request: new Request(`${host}/api/auth/signin/email`, { headers }),
  });
  const emails = await db.outboxEmail.findMany({ where: { to: email } });
  return { token, emails };
}

const newEmail = () => `länk-${randomBytes(4).toString("hex")}@example.se`;

describe("magicLinkProvider", () => {
  it("lives 15 minutes under the id email", () => {
    expect(provider).toMatchObject({ id: "email", type: "email", maxAge: 900 });
  });

  it("queues exactly one magic-link email whose link is on SITE_URL even when the request came for another host", async () => {
    const email = newEmail();
    const { token, emails } = await send(email, { host: "https://evil.example", callbackUrl: "/account/tickets?tab=2" });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ template: "magic-link", status: "PENDING", payload: { expiresInMinutes: 15 } });
    const url = (emails[0].payload as { url: string }).url;
    expect(url.startsWith("http://localhost:3000/login/confirm?")).toBe(true);
    const params = new URL(url).searchParams;
    expect(params.get("token")).toBe(token);
    expect(params.get("email")).toBe(email);
    expect(params.get("callbackUrl")).toBe("/account/tickets?tab=2");
  });

  it("keeps only a same-site callback path in the link", async () => {
    for (const callbackUrl of [
      "https://evil.example/steal",
      "//evil.example",
      "/\\evil.example",
      "/.//evil.example",
      "/./\\evil.example",
      "/%2e/%2f/evil.example",
    ]) {
      const { emails } = await send(newEmail(), { callbackUrl });
      expect(new URL((emails[0].payload as { url: string }).url).searchParams.get("callbackUrl")).toBe("/");
    }
    const { emails } = await send(newEmail(), { callbackUrl: "http://localhost:3000/events?city=Lund" });
    expect(new URL((emails[0].payload as { url: string }).url).searchParams.get("callbackUrl")).toBe("/events?city=Lund");
  });

  it("writes in the account's language, else in the language of the page the link leads back to", async () => {
    const known = newEmail();
    await db.user.create({ data: { email: known, locale: "en" } });
    expect((await send(known, { callbackUrl: "/events" })).emails[0].locale).toBe("en");
    expect((await send(newEmail(), { callbackUrl: "/en/events" })).emails[0].locale).toBe("en");
    expect((await send(newEmail(), { callbackUrl: "/en" })).emails[0].locale).toBe("en");
    // The browser's languages and an old language cookie no longer decide.
    expect((await send(newEmail(), { callbackUrl: "/events", headers: { "accept-language": "en-GB,en;q=0.9" } })).emails[0].locale).toBe(
      "sv",
    );
    expect((await send(newEmail(), { headers: { cookie: "NEXT_LOCALE=en" } })).emails[0].locale).toBe("sv");
  });
});

describe("magicLinkPurpose", () => {
  it("is choosing a password only for a link that lands on the set-password page, in either language", () => {
    expect(magicLinkPurpose("/account/password", true)).toBe("new-password");
    expect(magicLinkPurpose("/en/account/password", true)).toBe("new-password");
    expect(magicLinkPurpose("/account/password?from=order", false)).toBe("first-password");
    expect(magicLinkPurpose("/account/password/", false)).toBe("first-password");
    for (const path of ["/", "/account", "/account/passwords", "/events/account/password", "/en"]) {
      expect(magicLinkPurpose(path, true)).toBe("sign-in");
    }
  });
});

describe("the forgot-password link's email", () => {
  const purposeOf = (emails: { payload: unknown }[]) => (emails[0].payload as { purpose?: string }).purpose;

  it("says it is for a new password to an account that has one, for a first one otherwise, and for signing in elsewhere", async () => {
    const withPassword = newEmail();
    await db.user.create({ data: { email: withPassword, passwordHash: await hashPassword("tre gröna hästar") } });
    const guest = newEmail();
    await db.user.create({ data: { email: guest } });
    expect(purposeOf((await send(withPassword, { callbackUrl: "/account/password" })).emails)).toBe("new-password");
    expect(purposeOf((await send(guest, { callbackUrl: "/en/account/password" })).emails)).toBe("first-password");
    // An unknown address gets a link too (following it creates the account), worded the same way as a guest's.
    expect(purposeOf((await send(newEmail(), { callbackUrl: "/account/password" })).emails)).toBe("first-password");
    expect(purposeOf((await send(newEmail(), { callbackUrl: "/account/tickets" })).emails)).toBe("sign-in");
  });
});

describe("normaliseSignInEmail", () => {
  it("stores the canonical form and refuses what is not a single plain address", () => {
    expect(normaliseSignInEmail("  Åsa.Berg@Example.SE ")).toBe("åsa.berg@example.se");
    expect(() => normaliseSignInEmail('"a@evil.example"@example.se')).toThrow();
    expect(() => normaliseSignInEmail("a\uFF20example.se")).toThrow();
    expect(() => normaliseSignInEmail("a@example.se, b@example.se")).toThrow();
  });

  it("stops queuing links for an address asked for too often, however the request arrives", async () => {
    const email = newEmail();
    for (let i = 0; i < 12; i++) await send(email, { headers: { "x-real-ip": `198.51.100.${i}` } });
    expect(await db.outboxEmail.count({ where: { to: email, template: "magic-link" } })).toBe(10);
  });
});
