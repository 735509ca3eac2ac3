import { useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes } from "node:crypto";
import { setPassword } from "@/lib/accounts/set-password";
import { verifyPassword } from "@/lib/accounts/passwords";
import { db } from "@/lib/db/client";

async function userWithSessions(sessions: number) {
  const user = await db.user.create({
    data: { email: `köpare-${randomBytes(4).toString("hex")}@example.se`, name: "Åsa Berg", locale: "en" },
  });
  const tokens: string[] = [];
  for (let i = 0; i < sessions; i++) {
    const token = randomBytes(16).toString("hex");
    await db.session.create({ data: { userId: user.id, sessionToken: token, expires: new Date(Date.now() + 86_400_000) } });
    tokens.push(token);
  }
  return { user, tokens };
}

const storedHash = async (id: string) =>
  await db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true, passwordSetAt: true } });

describe("setPassword", () => {
  it("stores an argon2id hash and when it was set", async () => {
    const { user, tokens } = await userWithSessions(1);
    const now = new Date("2027-04-17T16:05:00Z");
    expect(await setPassword({ userId: user.id, password: "tre gröna hästar", currentSessionToken: tokens[0], now })).toEqual({ ok: true });
    const stored = await storedHash(user.id);
    expect(stored.passwordSetAt).toEqual(now);
    expect(await verifyPassword(stored.passwordHash!, "tre gröna hästar")).toBe(true);
  });

  it("signs out every other session and keeps the current one", async () => {
    const { user, tokens } = await userWithSessions(3);
    const other = await userWithSessions(1);
    await setPassword({ userId: user.id, password: "tre gröna hästar", currentSessionToken: tokens[1] });
    const left = await db.session.findMany({ where: { userId: user.id }, select: { sessionToken: true } });
    expect(left.map((s) => s.sessionToken)).toEqual([tokens[1]]);
    expect(await db.session.count({ where: { userId: other.user.id } })).toBe(1);
  });

  it("forgets unused sign-in links to the account's address, and only those", async () => {
    const { user, tokens } = await userWithSessions(1);
    const other = await userWithSessions(0);
    const expires = new Date(Date.now() + 7 * 86_400_000);
    await db.verificationToken.createMany({
      data: [
        { identifier: user.email, token: `hash-${randomBytes(8).toString("hex")}`, expires },
        { identifier: other.user.email, token: `hash-${randomBytes(8).toString("hex")}`, expires },
      ],
    });
    await setPassword({ userId: user.id, password: "tre gröna hästar", currentSessionToken: tokens[0] });
    expect(await db.verificationToken.count({ where: { identifier: user.email } })).toBe(0);
    expect(await db.verificationToken.count({ where: { identifier: other.user.email } })).toBe(1);
  });

  it("revokes the account's app access tokens, and nobody else's", async () => {
    const { user, tokens } = await userWithSessions(1);
    const other = await userWithSessions(0);
    const token = (userId: string) => ({
      userId,
      name: "Mobilen",
      tokenHash: randomBytes(32).toString("hex"),
      prefix: "bil_",
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    await db.personalAccessToken.createMany({ data: [token(user.id), token(other.user.id)] });
    const now = new Date("2027-04-17T16:05:00Z");
    await setPassword({ userId: user.id, password: "tre gröna hästar", currentSessionToken: tokens[0], now });
    expect(await db.personalAccessToken.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ revokedAt: now });
    expect(await db.personalAccessToken.findFirstOrThrow({ where: { userId: other.user.id } })).toMatchObject({ revokedAt: null });
  });

  it("queues one password-set email in the account's language", async () => {
    const { user, tokens } = await userWithSessions(1);
    const now = new Date("2027-04-17T16:05:00Z");
    await setPassword({ userId: user.id, password: "tre gröna hästar", currentSessionToken: tokens[0], now });
    const emails = await db.outboxEmail.findMany({ where: { to: user.email } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      template: "password-set",
      locale: "en",
      payload: { name: "Åsa Berg", setAt: now.toISOString(), signInUrl: "http://localhost:3000/login" },
    });
  });

  it("refuses a password the policy refuses and changes nothing", async () => {
    const { user, tokens } = await userWithSessions(2);
    expect(await setPassword({ userId: user.id, password: "password1", currentSessionToken: tokens[0] })).toEqual({
      ok: false,
      error: "too_common",
    });
    expect(await setPassword({ userId: user.id, password: "kort", currentSessionToken: tokens[0] })).toEqual({
      ok: false,
      error: "too_short",
    });
    expect((await storedHash(user.id)).passwordHash).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
    expect(await db.outboxEmail.count({ where: { to: user.email } })).toBe(0);
  });

  it("changes nothing when queueing the email fails (all or nothing)", async () => {
    const { user, tokens } = await userWithSessions(2);
    // A trigger on this test's own database makes the last write of the transaction fail.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_password_set_email() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'outbox unavailable'; END $$`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER refuse_password_set_email BEFORE INSERT ON "OutboxEmail"
      FOR EACH ROW WHEN (NEW."template" = 'password-set') EXECUTE FUNCTION refuse_password_set_email()`);
    try {
      await expect(setPassword({ userId: user.id, password: "tre gröna hästar", currentSessionToken: tokens[0] })).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_password_set_email ON "OutboxEmail"`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_password_set_email()`);
    }
    expect(await storedHash(user.id)).toEqual({ passwordHash: null, passwordSetAt: null });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
  });

  it("signs out every session when there is no current one, and refuses an unknown user", async () => {
    const { user } = await userWithSessions(2);
    await setPassword({ userId: user.id, password: "tre gröna hästar", currentSessionToken: null });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(
      await setPassword({ userId: "0190a0a0-0000-7000-8000-000000000000", password: "tre gröna hästar", currentSessionToken: null }),
    ).toEqual({
      ok: false,
      error: "no_such_user",
    });
  });
});

describe("setPassword's email", () => {
  it("confirms an account's first password without a warning, and warns when an existing one is replaced", async () => {
    const { user, tokens } = await userWithSessions(1);
    await setPassword({ userId: user.id, password: "tre gröna hästar", currentSessionToken: tokens[0] });
    await setPassword({ userId: user.id, password: "fyra blå kameler", currentSessionToken: tokens[0] });
    const emails = await db.outboxEmail.findMany({ where: { to: user.email, template: "password-set" }, orderBy: { createdAt: "asc" } });
    expect(emails.map((email) => (email.payload as { firstPassword?: boolean }).firstPassword)).toEqual([true, false]);
  });
});
