import { useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes } from "node:crypto";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { jwtCallback } from "@/lib/auth/callbacks";
import { describeDevice } from "@/lib/auth/device";
import { listActiveSessions, signOutOtherSessions } from "@/lib/auth/session-list";
import { withSessionLimits } from "@/lib/auth/session-adapter";
import { SESSION_ABSOLUTE_MAX_AGE_S, SESSION_MAX_AGE_S } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";

const day = 24 * 60 * 60_000;
const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

async function newUser() {
  return db.user.create({ data: { email: `sess-${randomBytes(4).toString("hex")}@example.se`, name: "Märta" } });
}

async function sessionOf(userId: string, { createdDaysAgo = 0, lastSeenDaysAgo = 0, userAgent = null as string | null } = {}) {
  const now = Date.now();
  return db.session.create({
    data: {
      userId,
      sessionToken: randomBytes(16).toString("hex"),
      createdAt: new Date(now - createdDaysAgo * day),
      updatedAt: new Date(now - lastSeenDaysAgo * day),
      expires: new Date(now - lastSeenDaysAgo * day + SESSION_MAX_AGE_S * 1000),
      userAgent,
    },
  });
}

// Auth.js's own Prisma adapter, with our limits around it, as lib/auth/index.ts builds it.
const adapter = (userAgent: string | null = FIREFOX_LINUX) => withSessionLimits(PrismaAdapter(db), { userAgent: async () => userAgent });

describe("withSessionLimits", () => {
  it("ends a session 90 days after its sign-in, however often it was used", async () => {
    const user = await newUser();
    expect(SESSION_ABSOLUTE_MAX_AGE_S).toBe(90 * 24 * 60 * 60);
    const young = await sessionOf(user.id, { createdDaysAgo: 10 });
    const nearlyOld = await sessionOf(user.id, { createdDaysAgo: 89 });
    const old = await sessionOf(user.id, { createdDaysAgo: 91 });

    expect((await adapter().getSessionAndUser!(young.sessionToken))?.session.expires).toEqual(young.expires);
    // Still signed in, for one more day instead of the sliding 30.
    expect((await adapter().getSessionAndUser!(nearlyOld.sessionToken))?.session.expires.getTime()).toBe(
      nearlyOld.createdAt.getTime() + 90 * day,
    );
    // Auth.js deletes a session whose expiry has passed and clears the cookie: the 90 days are
    // handed to it as that expiry.
    const ended = await adapter().getSessionAndUser!(old.sessionToken);
    expect(ended?.session.expires.getTime()).toBe(old.createdAt.getTime() + 90 * day);
    expect(ended!.session.expires.getTime()).toBeLessThan(Date.now());
  });

  it("never pushes the sliding expiry past the 90 days", async () => {
    const user = await newUser();
    const session = await sessionOf(user.id, { createdDaysAgo: 80 });
    await adapter().updateSession!({ sessionToken: session.sessionToken, expires: new Date(Date.now() + SESSION_MAX_AGE_S * 1000) });
    const stored = await db.session.findUniqueOrThrow({ where: { sessionToken: session.sessionToken } });
    expect(stored.expires.getTime()).toBe(session.createdAt.getTime() + 90 * day);
  });

  it("records the device of a new session, from an emailed link or a password", async () => {
    const user = await newUser();
    const viaLink = await adapter(SAFARI_IPHONE).createSession!({
      userId: user.id,
      sessionToken: randomBytes(16).toString("hex"),
      expires: new Date(Date.now() + day),
    });
    expect(await db.session.findUniqueOrThrow({ where: { sessionToken: viaLink.sessionToken } })).toMatchObject({
      userAgent: SAFARI_IPHONE,
    });

    const token = await jwtCallback(
      { token: {}, user: { id: user.id }, account: { provider: "password" } },
      { userAgent: async () => "x".repeat(2000) },
    );
    const viaPassword = await db.session.findUniqueOrThrow({ where: { sessionToken: token.sessionToken as string } });
    expect(viaPassword.userAgent).toHaveLength(512);
  });
});

describe("listActiveSessions", () => {
  it("lists the account's live sessions with device and last activity, this one first, and no tokens", async () => {
    const user = await newUser();
    const stranger = await newUser();
    const here = await sessionOf(user.id, { createdDaysAgo: 2, userAgent: FIREFOX_LINUX });
    const phone = await sessionOf(user.id, { createdDaysAgo: 20, lastSeenDaysAgo: 1, userAgent: SAFARI_IPHONE });
    const unknown = await sessionOf(user.id, { createdDaysAgo: 5, lastSeenDaysAgo: 3 });
    await sessionOf(user.id, { createdDaysAgo: 95 });
    await db.session.create({
      data: { userId: user.id, sessionToken: `ended-${randomBytes(4).toString("hex")}`, expires: new Date(Date.now() - 1000) },
    });
    await sessionOf(stranger.id);

    const listed = await listActiveSessions({ userId: user.id, currentSessionToken: here.sessionToken });
    expect(listed).toEqual([
      { current: true, device: { browser: "Firefox", os: "Linux" }, signedInAt: here.createdAt, lastSeenAt: here.updatedAt },
      { current: false, device: { browser: "Safari", os: "iPhone" }, signedInAt: phone.createdAt, lastSeenAt: phone.updatedAt },
      { current: false, device: { browser: null, os: null }, signedInAt: unknown.createdAt, lastSeenAt: unknown.updatedAt },
    ]);
    expect(JSON.stringify(listed)).not.toContain(phone.sessionToken);
  });
});

describe("signOutOtherSessions", () => {
  it("signs out every other session of the account and keeps this one and other accounts'", async () => {
    const user = await newUser();
    const stranger = await newUser();
    const here = await sessionOf(user.id);
    await sessionOf(user.id, { createdDaysAgo: 3 });
    await sessionOf(user.id, { createdDaysAgo: 10 });
    const theirs = await sessionOf(stranger.id);

    expect(await signOutOtherSessions({ userId: user.id, currentSessionToken: here.sessionToken })).toBe(2);
    expect((await db.session.findMany({ where: { userId: user.id } })).map((row) => row.sessionToken)).toEqual([here.sessionToken]);
    expect(await db.session.count({ where: { sessionToken: theirs.sessionToken } })).toBe(1);
    // Without knowing which session asks, nothing is signed out.
    expect(await signOutOtherSessions({ userId: stranger.id, currentSessionToken: null })).toBe(0);
    expect(await signOutOtherSessions({ userId: stranger.id, currentSessionToken: here.sessionToken })).toBe(0);
    expect(await db.session.count({ where: { sessionToken: theirs.sessionToken } })).toBe(1);
  });
});

describe("describeDevice", () => {
  it.each([
    [FIREFOX_LINUX, "Firefox", "Linux"],
    [SAFARI_IPHONE, "Safari", "iPhone"],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      "Edge",
      "Windows",
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
      "Chrome",
      "Android",
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
      "Safari",
      "macOS",
    ],
    [
      "Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1",
      "Chrome",
      "iPad",
    ],
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36", "Chrome", "Linux"],
    ["curl/8.5.0", null, null],
    [null, null, null],
  ])("reads %s", (userAgent, browser, os) => {
    expect(describeDevice(userAgent)).toEqual({ browser, os });
  });
});
