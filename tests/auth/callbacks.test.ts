import { useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes } from "node:crypto";
import { encodeSessionToken, jwtCallback, sessionCallback } from "@/lib/auth/callbacks";
import { authRedirect } from "@/lib/auth/redirect";
import { db } from "@/lib/db/client";

const baseUrl = "http://localhost:3000";

describe("sessionCallback", () => {
  it("returns only id, name, email and image of the user, never the password hash", async () => {
    const row = await db.user.create({
      data: { email: `s-${randomBytes(4).toString("hex")}@example.se`, name: "Åsa", passwordHash: "$argon2id$v=19$secret" },
      omit: { passwordHash: false },
    });
    const expires = new Date("2027-05-01T00:00:00Z");
    const session = sessionCallback({ session: { expires }, user: row });
    expect(session).toEqual({ user: { id: row.id, name: "Åsa", email: row.email, image: null }, expires: expires.toISOString() });
    expect(JSON.stringify(session)).not.toContain("argon2");
  });
});

describe("authRedirect", () => {
  it("keeps a path on this site", () => {
    expect(authRedirect({ url: "/account/tickets?tab=1#x", baseUrl })).toBe("/account/tickets?tab=1#x");
    expect(authRedirect({ url: "http://localhost:3000/events", baseUrl })).toBe("/events");
  });

  it("refuses foreign URLs and the tricks that become them", () => {
    for (const url of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "/\t/evil.example",
      "javascript:alert(1)",
      "http://localhost:3000.evil.example/",
      "https://localhost:3000/",
      "/.//evil.example",
      "/./\\evil.example",
      "/%2e/%2f/evil.example",
      "http://localhost:3000/.//evil.example",
    ]) {
      expect(authRedirect({ url, baseUrl })).toBe("/");
    }
  });

  it("does not trust the host a request claims to be for", () => {
    expect(authRedirect({ url: "https://evil.example/x", baseUrl: "https://evil.example" })).toBe("/");
  });
});

describe("jwtCallback and encodeSessionToken", () => {
  it("give a password sign-in a Session row whose token becomes the cookie", async () => {
    const user = await db.user.create({ data: { email: `j-${randomBytes(4).toString("hex")}@example.se` } });
    const token = await jwtCallback({ token: {}, user: { id: user.id, email: user.email }, account: { provider: "password" } });
    const cookie = await encodeSessionToken({ token });
    const row = await db.session.findUniqueOrThrow({ where: { sessionToken: cookie } });
    expect(row.userId).toBe(user.id);
    expect(row.expires.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  });

  it("refuse to issue anything but a session token", async () => {
    await expect(encodeSessionToken({ token: { sub: "x" } })).rejects.toThrow();
    expect(await jwtCallback({ token: { sub: "x" }, account: { provider: "email" } })).toEqual({ sub: "x" });
  });
});
