import { describeOnPostgres, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes } from "node:crypto";
import { authenticateAccessToken } from "@/lib/access-tokens/authenticate-access-token";
import { createAccessToken } from "@/lib/access-tokens/create-access-token";
import {
  EMAIL_CHANGE_EMAILS_PER_ADDRESS,
  EMAIL_CHANGE_REQUESTS_PER_USER,
  confirmEmailChange,
  emailChangeProof,
  findEmailChange,
  requestEmailChange,
} from "@/lib/accounts/email-change";
import { hashPassword } from "@/lib/accounts/passwords";
import { RECENT_SIGN_IN_MINUTES } from "@/lib/accounts/recent-sign-in";
import { db } from "@/lib/db/client";
import type { EmailChangePayload, EmailChangedPayload } from "@/lib/outbox/templates";

const tag = () => randomBytes(4).toString("hex");

/** A user signed in `minutesAgo` (just now by default), with `session` the token of that sign-in. */
async function newUser({ password, minutesAgo = 0 }: { password?: string; minutesAgo?: number } = {}) {
  const user = await db.user.create({
    data: {
      email: `gammal-${tag()}@example.se`,
      name: "Vilhelm Moberg",
      locale: "sv",
      passwordHash: password ? await hashPassword(password) : null,
    },
  });
  const createdAt = new Date(Date.now() - minutesAgo * 60_000);
  const { sessionToken } = await db.session.create({
    data: { userId: user.id, sessionToken: `s-${tag()}${tag()}`, createdAt, expires: new Date(Date.now() + 86_400_000) },
  });
  return { ...user, session: sessionToken };
}

/** The token of the newest link emailed to `to`, read from the outbox as the mailbox would. */
async function linkTokenSentTo(to: string): Promise<string> {
  const email = await db.outboxEmail.findFirstOrThrow({ where: { to, template: "email-change" }, orderBy: { createdAt: "desc" } });
  const payload = email.payload as EmailChangePayload;
  const url = new URL(payload.confirmUrl);
  expect(url.pathname).toBe("/account/email/confirm");
  return url.searchParams.get("token")!;
}

describe("requestEmailChange", () => {
  it("changes nothing yet: stores a hashed, 30-minute request and emails the new address", async () => {
    const user = await newUser();
    const newEmail = `Ny-${tag()}@Example.se`;
    const now = new Date();
    expect(await requestEmailChange({ userId: user.id, sessionToken: user.session, newEmail, currentPassword: "", now })).toEqual({
      ok: true,
      newEmail: newEmail.toLowerCase(),
    });

    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    const token = await linkTokenSentTo(newEmail.toLowerCase());
    const [request] = await db.emailChangeRequest.findMany({ where: { userId: user.id } });
    expect(request.newEmail).toBe(newEmail.toLowerCase());
    expect(request.tokenHash).not.toContain(token);
    expect(request.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(request.expiresAt.getTime() - now.getTime()).toBe(30 * 60_000);
    const email = await db.outboxEmail.findFirstOrThrow({ where: { to: newEmail.toLowerCase() } });
    expect(email).toMatchObject({ template: "email-change", locale: "sv" });
    expect(email.payload).toMatchObject({ name: "Vilhelm Moberg", newEmail: newEmail.toLowerCase(), expiresInMinutes: 30 });
    expect(await db.outboxEmail.count({ where: { to: user.email } })).toBe(0);
  });

  it("refuses a malformed address and the current one, next to the field", async () => {
    const user = await newUser();
    expect(
      await requestEmailChange({ userId: user.id, sessionToken: user.session, newEmail: "inte en adress", currentPassword: "" }),
    ).toEqual({
      ok: false,
      error: "invalid_form",
      fieldErrors: { newEmail: "not_plain" },
    });
    expect(
      await requestEmailChange({ userId: user.id, sessionToken: user.session, newEmail: user.email.toUpperCase(), currentPassword: "" }),
    ).toEqual({
      ok: false,
      error: "invalid_form",
      fieldErrors: { newEmail: "same_as_current" },
    });
    expect(await db.emailChangeRequest.count({ where: { userId: user.id } })).toBe(0);
  });

  it("asks an account with a password for it when the session is older than 15 minutes", async () => {
    const user = await newUser({ password: "tre gröna hästar", minutesAgo: RECENT_SIGN_IN_MINUTES + 1 });
    const newEmail = `ny-${tag()}@example.se`;
    expect(await emailChangeProof({ userId: user.id, sessionToken: user.session })).toBe("password");
    expect(await requestEmailChange({ userId: user.id, sessionToken: user.session, newEmail, currentPassword: "" })).toMatchObject({
      fieldErrors: { currentPassword: "missing" },
    });
    expect(
      await requestEmailChange({ userId: user.id, sessionToken: user.session, newEmail, currentPassword: "fel lösenord här" }),
    ).toMatchObject({ fieldErrors: { currentPassword: "wrong" } });
    expect(await db.outboxEmail.count({ where: { to: newEmail } })).toBe(0);
    expect(
      await requestEmailChange({ userId: user.id, sessionToken: user.session, newEmail, currentPassword: "tre gröna hästar" }),
    ).toEqual({ ok: true, newEmail });
  });

  it("takes a sign-in within the last 15 minutes instead of the password", async () => {
    const user = await newUser({ password: "tre gröna hästar", minutesAgo: RECENT_SIGN_IN_MINUTES - 1 });
    const newEmail = `ny-${tag()}@example.se`;
    expect(await emailChangeProof({ userId: user.id, sessionToken: user.session })).toBe("none");
    expect(await requestEmailChange({ userId: user.id, sessionToken: user.session, newEmail, currentPassword: "" })).toEqual({
      ok: true,
      newEmail,
    });
    // Another account's fresh session proves nothing about this one.
    const stranger = await newUser();
    expect(await requestEmailChange({ userId: user.id, sessionToken: stranger.session, newEmail, currentPassword: "" })).toMatchObject({
      fieldErrors: { currentPassword: "missing" },
    });
  });

  it("sends an account without a password to sign in again when its session is older than 15 minutes", async () => {
    const user = await newUser({ minutesAgo: RECENT_SIGN_IN_MINUTES + 1 });
    const newEmail = `ny-${tag()}@example.se`;
    expect(await emailChangeProof({ userId: user.id, sessionToken: user.session })).toBe("sign_in_again");
    for (const sessionToken of [user.session, null]) {
      expect(await requestEmailChange({ userId: user.id, sessionToken, newEmail, currentPassword: "" })).toEqual({
        ok: false,
        error: "invalid_form",
        fieldErrors: { newEmail: "sign_in_again" },
      });
    }
    // A password typed anyway changes nothing: the account has none to match.
    expect(
      await requestEmailChange({ userId: user.id, sessionToken: user.session, newEmail, currentPassword: "något lösenord" }),
    ).toMatchObject({
      fieldErrors: { newEmail: "sign_in_again" },
    });
    expect(await db.outboxEmail.count({ where: { to: newEmail } })).toBe(0);
    expect(await db.emailChangeRequest.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers a request for an address that has an account exactly like any other", async () => {
    const other = await newUser();
    const user = await newUser();
    const free = `ledig-${tag()}@example.se`;
    const taken = await requestEmailChange({ userId: user.id, sessionToken: user.session, newEmail: other.email, currentPassword: "" });
    const untaken = await requestEmailChange({ userId: user.id, sessionToken: user.session, newEmail: free, currentPassword: "" });
    expect(taken).toEqual({ ok: true, newEmail: other.email });
    expect(untaken).toEqual({ ok: true, newEmail: free });
    // The same email goes to both addresses; the other account's owner learns nothing new.
    const [toTaken, toFree] = await Promise.all(
      [other.email, free].map((to) => db.outboxEmail.findFirstOrThrow({ where: { to, template: "email-change" } })),
    );
    expect(Object.keys(toTaken.payload as object).sort()).toEqual(Object.keys(toFree.payload as object).sort());
    expect((toTaken.payload as EmailChangePayload).name).toBe("Vilhelm Moberg");
  });

  it("keeps only the newest request's link working", async () => {
    const user = await newUser();
    const first = `forsta-${tag()}@example.se`;
    const second = `andra-${tag()}@example.se`;
    await requestEmailChange({ userId: user.id, sessionToken: user.session, newEmail: first, currentPassword: "" });
    const firstToken = await linkTokenSentTo(first);
    await requestEmailChange({ userId: user.id, sessionToken: user.session, newEmail: second, currentPassword: "" });
    expect(await db.emailChangeRequest.count({ where: { userId: user.id } })).toBe(1);
    expect(await confirmEmailChange({ userId: user.id, token: firstToken })).toEqual({ ok: false, error: "invalid_link" });
    expect(await confirmEmailChange({ userId: user.id, token: await linkTokenSentTo(second) })).toEqual({ ok: true, newEmail: second });
  });

  it("limits requests per account and emails per new address", async () => {
    const user = await newUser();
    for (let i = 0; i < EMAIL_CHANGE_REQUESTS_PER_USER.limit; i++) {
      expect(
        (
          await requestEmailChange({
            userId: user.id,
            sessionToken: user.session,
            newEmail: `n${i}-${tag()}@example.se`,
            currentPassword: "",
          })
        ).ok,
      ).toBe(true);
    }
    expect(
      await requestEmailChange({ userId: user.id, sessionToken: user.session, newEmail: `sist-${tag()}@example.se`, currentPassword: "" }),
    ).toEqual({
      ok: false,
      error: "rate_limited",
      fieldErrors: {},
    });

    // Many accounts asking for one address: the answer stays the same, the emails stop.
    const target = `offer-${tag()}@example.se`;
    for (let i = 0; i < EMAIL_CHANGE_EMAILS_PER_ADDRESS.limit + 2; i++) {
      const asker = await newUser();
      expect(await requestEmailChange({ userId: asker.id, sessionToken: asker.session, newEmail: target, currentPassword: "" })).toEqual({
        ok: true,
        newEmail: target,
      });
    }
    expect(await db.outboxEmail.count({ where: { to: target } })).toBe(EMAIL_CHANGE_EMAILS_PER_ADDRESS.limit);
  });
});

describe("confirmEmailChange", () => {
  it("changes the address once, tells the old one and forgets old sign-in links", async () => {
    const user = await newUser();
    const newEmail = `bekraftad-${tag()}@example.se`;
    await requestEmailChange({ userId: user.id, sessionToken: user.session, newEmail, currentPassword: "" });
    const token = await linkTokenSentTo(newEmail);
    await db.verificationToken.create({ data: { identifier: user.email, token: `hash-${tag()}`, expires: new Date(Date.now() + 60_000) } });

    // Looking at the link uses nothing up.
    expect(await findEmailChange({ userId: user.id, token })).toMatchObject({ newEmail });
    expect(await findEmailChange({ userId: user.id, token })).toMatchObject({ newEmail });

    const sessionExpiry = new Date(Date.now() + 86_400_000);
    const [mine, other] = [`mine-${tag()}`, `other-${tag()}`];
    await db.session.createMany({
      data: [
        { sessionToken: mine, userId: user.id, expires: sessionExpiry },
        { sessionToken: other, userId: user.id, expires: sessionExpiry },
      ],
    });

    const now = new Date();
    expect(await confirmEmailChange({ userId: user.id, token, currentSessionToken: mine, now })).toEqual({ ok: true, newEmail });
    // Every other session of the account is signed out; the one that confirmed stays.
    expect(
      (await db.session.findMany({ where: { userId: user.id }, select: { sessionToken: true } })).map((row) => row.sessionToken),
    ).toEqual([mine]);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.email).toBe(newEmail);
    expect(stored.emailVerified).toEqual(now);
    expect(await db.verificationToken.count({ where: { identifier: user.email } })).toBe(0);
    expect(await db.emailChangeRequest.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ usedAt: now });

    const notice = await db.outboxEmail.findFirstOrThrow({ where: { to: user.email, template: "email-changed" } });
    expect(notice.payload as EmailChangedPayload).toMatchObject({ newEmail, changedAt: now.toISOString(), name: "Vilhelm Moberg" });

    // Single use.
    expect(await confirmEmailChange({ userId: user.id, token })).toEqual({ ok: false, error: "invalid_link" });
    expect(await findEmailChange({ userId: user.id, token })).toBeNull();
  });

  it("revokes the account's access tokens, and no one else's", async () => {
    const user = await newUser();
    const stranger = await newUser();
    const created = await Promise.all(
      [user, user, stranger].map(async (owner) => {
        const result = await createAccessToken({ userId: owner.id, name: "Telefonen", lifetime: "90" });
        if (!result.ok) throw new Error("no token");
        return result.created.token;
      }),
    );
    for (const token of created) expect(await authenticateAccessToken(token)).not.toBeNull();
    const newEmail = `utan-nycklar-${tag()}@example.se`;
    await requestEmailChange({ userId: user.id, sessionToken: user.session, newEmail, currentPassword: "" });
    // Asking changes nothing yet: only the confirmed move revokes.
    expect(await authenticateAccessToken(created[0])).not.toBeNull();
    const now = new Date();
    expect(
      await confirmEmailChange({ userId: user.id, token: await linkTokenSentTo(newEmail), currentSessionToken: user.session, now }),
    ).toMatchObject({ ok: true });

    expect(await authenticateAccessToken(created[0])).toBeNull();
    expect(await authenticateAccessToken(created[1])).toBeNull();
    expect(await db.personalAccessToken.findMany({ where: { userId: user.id }, select: { revokedAt: true } })).toEqual([
      { revokedAt: now },
      { revokedAt: now },
    ]);
    expect(await authenticateAccessToken(created[2])).toMatchObject({ userId: stranger.id });
  });

  it("takes the account's permissions for news along to the new address, and no one else's", async () => {
    const user = await newUser();
    const stranger = await newUser();
    const [keep, clash] = await Promise.all([
      db.organizer.create({ data: { name: `Arrangör ${tag()}`, slug: `arr-${tag()}`, email: "info@arrangor.example" } }),
      db.organizer.create({ data: { name: `Arrangör ${tag()}`, slug: `arr-${tag()}`, email: "info@arrangor.example" } }),
    ]);
    const newEmail = `flyttad-${tag()}@example.se`;
    const givenAt = new Date("2026-01-10T10:00:00Z");
    await db.marketingConsent.createMany({
      data: [
        { organizerId: keep.id, email: user.email, userId: user.id, givenAt, source: "checkout" },
        { organizerId: clash.id, email: user.email, userId: user.id, givenAt, source: "checkout" },
        // Left at the new address by an account deleted long ago.
        { organizerId: clash.id, email: newEmail, userId: null, givenAt, source: "checkout" },
        { organizerId: keep.id, email: stranger.email, userId: stranger.id, givenAt, source: "checkout" },
      ],
    });
    await requestEmailChange({ userId: user.id, sessionToken: user.session, newEmail, currentPassword: "" });
    const now = new Date();
    expect(await confirmEmailChange({ userId: user.id, token: await linkTokenSentTo(newEmail), now })).toMatchObject({ ok: true });

    const mine = await db.marketingConsent.findMany({ where: { userId: user.id }, orderBy: { organizerId: "asc" } });
    expect(mine.find((row) => row.organizerId === keep.id)).toMatchObject({ email: newEmail, withdrawnAt: null });
    expect(mine.find((row) => row.organizerId === clash.id)).toMatchObject({ email: user.email, withdrawnAt: now });
    expect(await db.marketingConsent.findFirstOrThrow({ where: { userId: stranger.id } })).toMatchObject({
      email: stranger.email,
      withdrawnAt: null,
    });
  });

  it("refuses an expired link", async () => {
    const user = await newUser();
    const newEmail = `sen-${tag()}@example.se`;
    const asked = new Date(Date.now() - 31 * 60_000);
    await requestEmailChange({ userId: user.id, sessionToken: user.session, newEmail, currentPassword: "", now: asked });
    const token = await linkTokenSentTo(newEmail);
    expect(await confirmEmailChange({ userId: user.id, token })).toEqual({ ok: false, error: "invalid_link" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("refuses another signed-in account, and leaves the link for its owner", async () => {
    const owner = await newUser();
    const intruder = await newUser();
    const newEmail = `agare-${tag()}@example.se`;
    await requestEmailChange({ userId: owner.id, sessionToken: owner.session, newEmail, currentPassword: "" });
    const token = await linkTokenSentTo(newEmail);
    expect(await findEmailChange({ userId: intruder.id, token })).toBeNull();
    expect(await confirmEmailChange({ userId: intruder.id, token })).toEqual({ ok: false, error: "invalid_link" });
    expect((await db.user.findUniqueOrThrow({ where: { id: intruder.id } })).email).toBe(intruder.email);
    expect(await confirmEmailChange({ userId: owner.id, token })).toEqual({ ok: true, newEmail });
  });

  it("refuses, neutrally, an address that has an account by the time the link is used", async () => {
    const user = await newUser();
    const newEmail = `upptagen-${tag()}@example.se`;
    await requestEmailChange({ userId: user.id, sessionToken: user.session, newEmail, currentPassword: "" });
    const token = await linkTokenSentTo(newEmail);
    await db.user.create({ data: { email: newEmail } });
    expect(await confirmEmailChange({ userId: user.id, token })).toEqual({ ok: false, error: "address_unavailable" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect(await db.outboxEmail.count({ where: { to: user.email, template: "email-changed" } })).toBe(0);
  });

  it("refuses tokens that are not tokens", async () => {
    const user = await newUser();
    for (const token of ["", "kort", "x".repeat(500), '\'; DROP TABLE "User"; --']) {
      expect(await confirmEmailChange({ userId: user.id, token })).toEqual({ ok: false, error: "invalid_link" });
    }
  });
});

describeOnPostgres("confirmEmailChange, two clicks at once (PostgreSQL)", () => {
  it("uses the link exactly once and sends one notice", async () => {
    const user = await newUser();
    const newEmail = `dubbel-${tag()}@example.se`;
    await requestEmailChange({ userId: user.id, sessionToken: user.session, newEmail, currentPassword: "" });
    const token = await linkTokenSentTo(newEmail);
    const results = await Promise.all([confirmEmailChange({ userId: user.id, token }), confirmEmailChange({ userId: user.id, token })]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.outboxEmail.count({ where: { to: user.email, template: "email-changed" } })).toBe(1);
  });
});
