import { useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes } from "node:crypto";
import type { EmailConfig } from "next-auth/providers/email";
import { setPassword } from "@/lib/accounts/set-password";
import { hashVerificationToken } from "@/lib/accounts/sign-in-links";
import { magicLinkProvider } from "@/lib/auth/magic-link";
import { LINK_REQUESTS_PER_CLIENT, LINK_REQUESTS_PER_EMAIL, requestSignInLink, type SendSignInLink } from "@/lib/auth/request-link";
import { db } from "@/lib/db/client";

// What Auth.js's signIn("email") does, without next-auth (ES modules only, which Jest cannot
// load): store the token's hash, then hand our provider the link to its callback.
// tests/login/request-link-flow.test.ts runs the real thing in a child process.
const provider = magicLinkProvider();
const sent: { email: string; callbackPath: string }[] = [];
const authJsStandIn: SendSignInLink = async (email, callbackPath) => {
  sent.push({ email, callbackPath });
  const token = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + 15 * 60_000);
  await db.verificationToken.create({ data: { identifier: email, token: hashVerificationToken(token), expires } });
  const url = `http://localhost:3000/api/auth/callback/email?${new URLSearchParams({ callbackUrl: callbackPath, token, email })}`;
  await provider.sendVerificationRequest({
    identifier: email,
    token,
    expires,
    url,
    provider: provider as EmailConfig,
    theme: {},
    request: new Request("http://localhost:3000/api/auth/signin/email"),
  });
  return "http://localhost:3000/login/check-email";
};

const newEmail = (kind = "okänd") => `${kind}-${randomBytes(4).toString("hex")}@example.se`;
const newClient = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}-${randomBytes(2).toString("hex")}`;

async function timed(email: string, clientAddress = newClient()) {
  const started = Date.now();
  const result = await requestSignInLink({ email, callbackPath: "/account", clientAddress }, { sendLink: authJsStandIn });
  return { result, ms: Date.now() - started };
}

describe("requestSignInLink", () => {
  beforeEach(() => {
    sent.length = 0;
  });

  it("gives the same answer, after about the same time, for an unknown address, a guest and an account with a password", async () => {
    const guest = newEmail("gäst");
    await db.user.create({ data: { email: guest } });
    const withPassword = newEmail("lösen");
    const user = await db.user.create({ data: { email: withPassword } });
    expect(await setPassword({ userId: user.id, password: "tre gröna hästar", currentSessionToken: null })).toEqual({ ok: true });

    // Three rounds, the kinds in turn, and each kind's median compared: one pause of a busy
    // machine (a CI run doing several things at once) then lengthens one answer, not a median.
    const kinds = [() => newEmail(), () => guest, () => withPassword];
    const durations: number[][] = kinds.map(() => []);
    for (let round = 0; round < 3; round++) {
      for (const [kind, email] of kinds.entries()) {
        const { result, ms } = await timed(email());
        expect(result).toEqual({ ok: true });
        expect(ms).toBeGreaterThanOrEqual(590);
        durations[kind].push(ms);
      }
    }
    const medians = durations.map((times) => [...times].sort((a, b) => a - b)[1]);
    expect(Math.max(...medians) - Math.min(...medians)).toBeLessThan(250);
    // Every kind of address gets its link: an unknown one signs up by following it.
    expect(sent).toHaveLength(9);
  });

  it("queues exactly one magic-link email, on SITE_URL, for a valid request", async () => {
    const email = newEmail();
    const { result } = await timed(` ${email.toUpperCase()} `);
    expect(result).toEqual({ ok: true });
    const emails = await db.outboxEmail.findMany({ where: { to: email } });
    expect(emails).toHaveLength(1);
    expect(emails[0].template).toBe("magic-link");
    const url = new URL((emails[0].payload as { url: string }).url);
    expect(`${url.origin}${url.pathname}`).toBe("http://localhost:3000/login/confirm");
    expect(url.searchParams.get("email")).toBe(email);
    expect(url.searchParams.get("callbackUrl")).toBe("/account");
  });

  it("ignores a callback path on another site and sends the link to the home page", async () => {
    const hostile = [
      "https://evil.example/steal",
      "//evil.example/x",
      "/\\evil.example",
      "/.//evil.example",
      "/%2e/%2f/evil.example",
      "javascript:alert(1)",
      42,
    ];
    for (const callbackPath of hostile) {
      const email = newEmail();
      const result = await requestSignInLink(
        { email, callbackPath, clientAddress: newClient() },
        { sendLink: authJsStandIn, minDurationMs: 0 },
      );
      expect(result).toEqual({ ok: true });
      const [queued] = await db.outboxEmail.findMany({ where: { to: email } });
      expect(new URL((queued.payload as { url: string }).url).searchParams.get("callbackUrl")).toBe("/");
    }
    expect(sent.map((call) => call.callbackPath)).toEqual(hostile.map(() => "/"));
  });

  it("refuses an address that is not one, without sending anything", async () => {
    const result = await requestSignInLink(
      { email: "Eva <eva@example.se>", callbackPath: "/", clientAddress: newClient() },
      { sendLink: authJsStandIn, minDurationMs: 0 },
    );
    expect(result).toEqual({ ok: false, reason: "invalid_email" });
    expect(sent).toHaveLength(0);
  });

  it("stops sending to one address after the per-address limit, from any client, and says only rate_limited", async () => {
    const email = newEmail("flood");
    await db.user.create({ data: { email } });
    const options = { sendLink: authJsStandIn, minDurationMs: 0 };
    for (let i = 0; i < LINK_REQUESTS_PER_EMAIL.limit; i++) {
      expect(await requestSignInLink({ email, callbackPath: "/", clientAddress: newClient() }, options)).toEqual({ ok: true });
    }
    const refused = await requestSignInLink({ email: email.toUpperCase(), callbackPath: "/", clientAddress: newClient() }, options);
    expect(refused).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(sent).toHaveLength(LINK_REQUESTS_PER_EMAIL.limit);
    expect(await db.outboxEmail.count({ where: { to: email } })).toBe(LINK_REQUESTS_PER_EMAIL.limit);
    // Another address is not held up by it.
    expect(await requestSignInLink({ email: newEmail(), callbackPath: "/", clientAddress: newClient() }, options)).toEqual({ ok: true });
  });

  it("stops one client after the per-client limit, whichever addresses it tries", async () => {
    const clientAddress = newClient();
    const options = { sendLink: authJsStandIn, minDurationMs: 0 };
    for (let i = 0; i < LINK_REQUESTS_PER_CLIENT.limit; i++) {
      expect(await requestSignInLink({ email: newEmail(), callbackPath: "/", clientAddress }, options)).toEqual({ ok: true });
    }
    const refused = await requestSignInLink({ email: newEmail(), callbackPath: "/", clientAddress }, options);
    expect(refused).toMatchObject({ ok: false, reason: "rate_limited", retryAfterMs: expect.any(Number) });
    expect(sent).toHaveLength(LINK_REQUESTS_PER_CLIENT.limit);
    expect(await requestSignInLink({ email: newEmail(), callbackPath: "/", clientAddress: newClient() }, options)).toEqual({ ok: true });
  });

  it("pads a refusal to the same minimum time as a success", async () => {
    const started = Date.now();
    await requestSignInLink({ email: "inte en adress", callbackPath: "/", clientAddress: newClient() }, { sendLink: authJsStandIn });
    expect(Date.now() - started).toBeGreaterThanOrEqual(590);
  });
});
