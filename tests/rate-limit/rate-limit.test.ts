import { describeOnPostgres, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes } from "node:crypto";
import {
  clientAddress,
  clientRateLimitKey,
  deleteExpiredRateLimits,
  emailAndClientRateLimitKey,
  emailRateLimitKey,
  hit,
  refundHit,
} from "@/lib/rate-limit";

const newKey = () => `test:${randomBytes(6).toString("hex")}`;
const t0 = new Date("2027-01-01T12:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("hit", () => {
  it("allows the limit, then refuses with the time left in the window", async () => {
    const key = newKey();
    for (let i = 0; i < 3; i++) {
      expect(await hit(key, { limit: 3, windowMs: 60_000, now: at(i * 1000) })).toMatchObject({ allowed: true, retryAfterMs: 0 });
    }
    expect(await hit(key, { limit: 3, windowMs: 60_000, now: at(10_000) })).toEqual({ allowed: false, retryAfterMs: 50_000, remaining: 0 });
  });

  it("starts a new window once the old one has ended", async () => {
    const key = newKey();
    for (let i = 0; i < 3; i++) await hit(key, { limit: 2, windowMs: 60_000, now: t0 });
    expect((await hit(key, { limit: 2, windowMs: 60_000, now: at(59_999) })).allowed).toBe(false);
    expect(await hit(key, { limit: 2, windowMs: 60_000, now: at(60_000) })).toEqual({ allowed: true, retryAfterMs: 0, remaining: 1 });
  });

  it("counts each key on its own", async () => {
    const [a, b] = [newKey(), newKey()];
    await hit(a, { limit: 1, windowMs: 60_000, now: t0 });
    expect((await hit(a, { limit: 1, windowMs: 60_000, now: t0 })).allowed).toBe(false);
    expect((await hit(b, { limit: 1, windowMs: 60_000, now: t0 })).allowed).toBe(true);
  });

  it("takes back one attempt on refund, within the window only", async () => {
    const key = newKey();
    await hit(key, { limit: 2, windowMs: 60_000, now: t0 });
    await hit(key, { limit: 2, windowMs: 60_000, now: t0 });
    await refundHit(key, at(1000));
    expect(await hit(key, { limit: 2, windowMs: 60_000, now: at(2000) })).toMatchObject({ allowed: true, remaining: 0 });
    await refundHit(key, at(60_000));
    expect((await hit(key, { limit: 2, windowMs: 60_000, now: at(59_999) })).allowed).toBe(false);
    await refundHit(newKey(), t0);
  });

  it("forgets buckets whose window has ended", async () => {
    const key = newKey();
    await hit(key, { limit: 1, windowMs: 1000, now: new Date(Date.now() - 5000) });
    expect(await deleteExpiredRateLimits()).toBeGreaterThanOrEqual(1);
    expect((await hit(key, { limit: 1, windowMs: 1000 })).allowed).toBe(true);
  });
});

describe("rate limit keys", () => {
  it("treat every spelling of an address as one, without storing the address", () => {
    expect(emailRateLimitKey("sign-in", " Åsa@Example.se ")).toBe(emailRateLimitKey("sign-in", "åsa@example.se"));
    expect(emailRateLimitKey("sign-in", "asa@example.se")).not.toContain("example");
    expect(emailRateLimitKey("sign-in", "a@example.se")).not.toBe(emailRateLimitKey("magic-link", "a@example.se"));
  });

  it("count one account from one client apart from the same account elsewhere", () => {
    const key = (email: string, address: string) => emailAndClientRateLimitKey("sign-in", email, address);
    expect(key(" Åsa@Example.se ", "192.0.2.1")).toBe(key("åsa@example.se", "192.0.2.1"));
    expect(key("asa@example.se", "192.0.2.1")).not.toBe(key("asa@example.se", "192.0.2.2"));
    expect(key("asa@example.se", "192.0.2.1")).not.toBe(key("bo@example.se", "192.0.2.1"));
    expect(key("asa@example.se", "2001:db8:1:2::1")).toBe(key("asa@example.se", "2001:db8:1:2::99"));
    expect(key("asa@example.se", "192.0.2.1")).not.toContain("example");
    expect(key("asa@example.se", "192.0.2.1")).not.toBe(emailRateLimitKey("sign-in", "asa@example.se"));
  });

  it("count an IPv6 client by its /64 and an IPv4-mapped address as IPv4", () => {
    expect(clientRateLimitKey("x", "2001:db8:1:2:aaaa::1")).toBe(clientRateLimitKey("x", "2001:db8:1:2:bbbb:cccc:dddd:eeee"));
    expect(clientRateLimitKey("x", "2001:db8:1:2::1")).not.toBe(clientRateLimitKey("x", "2001:db8:1:3::1"));
    expect(clientRateLimitKey("x", "::ffff:192.0.2.7")).toBe(clientRateLimitKey("x", "192.0.2.7"));
  });

  it("take the client address from the one header the proxy writes, X-Real-IP by default", () => {
    expect(clientAddress(new Headers({ "x-real-ip": " 192.0.2.8 ", "x-forwarded-for": "192.0.2.7" }))).toBe("192.0.2.8");
    // What a client writes elsewhere is not believed: it could change it on every request.
    expect(clientAddress(new Headers({ "x-forwarded-for": "192.0.2.7" }))).toBe("unknown");
    expect(clientAddress(new Headers({ "cf-connecting-ip": "192.0.2.9" }))).toBe("unknown");
    expect(clientAddress(new Headers())).toBe("unknown");
  });

  it("take another header when configured, and only the proxy's own entry of X-Forwarded-For", () => {
    expect(clientAddress(new Headers({ "cf-connecting-ip": "192.0.2.9", "x-real-ip": "192.0.2.8" }), "cf-connecting-ip")).toBe("192.0.2.9");
    // The client wrote the first entry; the proxy in front of the app appended the last.
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.66, 192.0.2.7" }), "x-forwarded-for")).toBe("192.0.2.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "192.0.2.7" }), "x-forwarded-for")).toBe("192.0.2.7");
  });
});

describeOnPostgres("hit under concurrency", () => {
  it("allows exactly 5 of 20 simultaneous hits with a limit of 5", async () => {
    const key = newKey();
    const results = await Promise.all(Array.from({ length: 20 }, () => hit(key, { limit: 5, windowMs: 60_000 })));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(results.filter((r) => !r.allowed).every((r) => r.retryAfterMs > 0)).toBe(true);
  });
});
