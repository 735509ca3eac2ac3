import { databaseKind, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { createHash, randomBytes, randomUUID } from "node:crypto";
import { authenticateAccessToken } from "@/lib/access-tokens/authenticate-access-token";
import { ACCESS_TOKEN_CREATE_LIMIT, createAccessToken, MAX_ACTIVE_ACCESS_TOKENS } from "@/lib/access-tokens/create-access-token";
import { listAccessTokens } from "@/lib/access-tokens/queries";
import { revokeAccessToken } from "@/lib/access-tokens/revoke-access-token";
import { ACCESS_TOKEN_LIFETIMES, ACCESS_TOKEN_MAX_LIFETIME_DAYS, parseCreateAccessTokenForm } from "@/lib/access-tokens/schemas";
import { db } from "@/lib/db/client";

async function newUser() {
  return db.user.create({ data: { email: `token-${randomBytes(4).toString("hex")}@example.se`, name: "Sara Lind" } });
}

async function createdToken(userId: string, name = "Telefonen", lifetime: "30" | "90" | "365" = "90") {
  const result = await createAccessToken({ userId, name, lifetime });
  if (!result.ok) throw new Error(`could not create a token: ${result.error}`);
  return result.created;
}

describe("createAccessToken", () => {
  it("returns a bt_ token once and stores only its SHA-256 and a short prefix", async () => {
    const user = await newUser();
    const created = await createdToken(user.id);
    expect(created.token).toMatch(/^bt_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(created.token.slice(3), "base64url")).toHaveLength(32);

    const row = await db.personalAccessToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(created.token.startsWith(row.prefix)).toBe(true);
    expect(row.prefix.length).toBeLessThan(12);
    // The secret itself is nowhere in the row.
    expect(JSON.stringify(row)).not.toContain(created.token.slice(3));

    // Listing shows name and prefix, never the secret or the hash: it cannot be shown again.
    const listed = await listAccessTokens(user.id);
    expect(listed).toEqual([
      expect.objectContaining({ id: created.id, name: "Telefonen", prefix: row.prefix, lastUsedAt: null, expired: false }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.token.slice(3));
    expect(JSON.stringify(listed)).not.toContain(row.tokenHash);
  });

  it("makes a different token every time", async () => {
    const user = await newUser();
    const a = await createdToken(user.id, "a");
    const b = await createdToken(user.id, "b");
    expect(a.token).not.toBe(b.token);
  });

  it("sets the expiry from the chosen lifetime", async () => {
    const user = await newUser();
    const now = new Date("2026-03-01T10:00:00Z");
    const result = await createAccessToken({ userId: user.id, name: "Kort", lifetime: "30", now });
    expect(result.ok && result.created.expiresAt.toISOString()).toBe("2026-03-31T10:00:00.000Z");
    const longest = await createAccessToken({ userId: user.id, name: "Länge", lifetime: "365", now });
    expect(longest.ok && longest.created.expiresAt.toISOString()).toBe("2027-03-01T10:00:00.000Z");
  });

  it("offers no token that never expires: a year is the longest", () => {
    expect(ACCESS_TOKEN_LIFETIMES).toEqual(["30", "90", "365"]);
    expect(Math.max(...ACCESS_TOKEN_LIFETIMES.map(Number))).toBe(ACCESS_TOKEN_MAX_LIFETIME_DAYS);
    expect(ACCESS_TOKEN_MAX_LIFETIME_DAYS).toBe(365);
  });

  it("cannot be stored without an expiry or with one more than a year away, whatever the code does", async () => {
    const user = await newUser();
    const createdAt = new Date("2026-03-01T10:00:00Z");
    const row = (expiresAt: Date) => ({
      userId: user.id,
      name: "Direkt",
      tokenHash: randomBytes(32).toString("hex"),
      prefix: "bt_abcdef",
      createdAt,
      expiresAt,
    });
    // Not even past the type checker: the column is NOT NULL.
    await expect(db.personalAccessToken.create({ data: { ...row(new Date()), expiresAt: null } as never })).rejects.toThrow();
    await expect(db.personalAccessToken.create({ data: row(new Date("2027-03-01T10:00:00.001Z")) })).rejects.toThrow(
      /PersonalAccessToken_max_lifetime/,
    );
    const ok = await db.personalAccessToken.create({ data: row(new Date("2027-03-01T10:00:00Z")) });
    await expect(
      db.personalAccessToken.update({ where: { id: ok.id }, data: { expiresAt: new Date("2030-01-01T00:00:00Z") } }),
    ).rejects.toThrow(/PersonalAccessToken_max_lifetime/);
  });

  it("refuses more than the hourly limit of new tokens", async () => {
    const user = await newUser();
    for (let index = 0; index < ACCESS_TOKEN_CREATE_LIMIT.limit; index++) await createdToken(user.id, `token ${index}`);
    const refused = await createAccessToken({ userId: user.id, name: "en för mycket", lifetime: "90" });
    expect(refused).toMatchObject({ ok: false, error: "rate_limited" });
    expect(await db.personalAccessToken.count({ where: { userId: user.id } })).toBe(ACCESS_TOKEN_CREATE_LIMIT.limit);
  });

  it("refuses a new token when the account already has the most live ones allowed", async () => {
    const user = await newUser();
    await db.personalAccessToken.createMany({
      data: Array.from({ length: MAX_ACTIVE_ACCESS_TOKENS }, (_, index) => ({
        userId: user.id,
        name: `gammal ${index}`,
        tokenHash: randomBytes(32).toString("hex"),
        prefix: "bt_xxxxxx",
        expiresAt: new Date(Date.now() + 86_400_000),
      })),
    });
    expect(await createAccessToken({ userId: user.id, name: "en till", lifetime: "90" })).toEqual({ ok: false, error: "too_many" });
  });

  it(`keeps the cap when requests race for the last free places (${databaseKind})`, async () => {
    const user = await newUser();
    const free = 3;
    await db.personalAccessToken.createMany({
      data: Array.from({ length: MAX_ACTIVE_ACCESS_TOKENS - free }, (_, index) => ({
        userId: user.id,
        name: `gammal ${index}`,
        tokenHash: randomBytes(32).toString("hex"),
        prefix: "bt_xxxxxx",
        expiresAt: new Date(Date.now() + 86_400_000),
      })),
    });
    // As many at once as the hourly limit lets through, more than there is room for.
    const results = await Promise.all(
      Array.from({ length: ACCESS_TOKEN_CREATE_LIMIT.limit }, (_, index) =>
        createAccessToken({ userId: user.id, name: `samtidig ${index}`, lifetime: "90" }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(free);
    expect(results.filter((result) => !result.ok && result.error === "too_many")).toHaveLength(ACCESS_TOKEN_CREATE_LIMIT.limit - free);
    expect(await db.personalAccessToken.count({ where: { userId: user.id } })).toBe(MAX_ACTIVE_ACCESS_TOKENS);
  });
});

describe("parseCreateAccessTokenForm", () => {
  const form = (values: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(values)) data.set(key, value);
    return data;
  };

  it("trims the name and defaults the lifetime to 90 days", () => {
    expect(parseCreateAccessTokenForm(form({ name: "  Min   app " }))).toEqual({ ok: true, data: { name: "Min app", lifetime: "90" } });
  });

  it("names the problem of each field and keeps the typed name", () => {
    expect(parseCreateAccessTokenForm(form({ name: "   ", lifetime: "7" }))).toEqual({
      ok: false,
      fieldErrors: { name: "name_missing", lifetime: "lifetime_invalid" },
      name: "   ",
    });
    expect(parseCreateAccessTokenForm(form({ name: "x".repeat(61) }))).toMatchObject({ ok: false, fieldErrors: { name: "name_too_long" } });
    expect(parseCreateAccessTokenForm(form({ name: "Evig", lifetime: "never" }))).toMatchObject({
      ok: false,
      fieldErrors: { lifetime: "lifetime_invalid" },
    });
  });
});

describe("revokeAccessToken", () => {
  it("takes effect at once: the very next request with the token is refused", async () => {
    const user = await newUser();
    const created = await createdToken(user.id);
    expect(await authenticateAccessToken(created.token)).toEqual({ userId: user.id, tokenId: created.id });

    expect(await revokeAccessToken({ userId: user.id, tokenId: created.id })).toBe(true);
    expect(await authenticateAccessToken(created.token)).toBeNull();
    expect(await listAccessTokens(user.id)).toEqual([]);
    // A second revocation finds nothing to do.
    expect(await revokeAccessToken({ userId: user.id, tokenId: created.id })).toBe(false);
  });

  it("does nothing to another user's token", async () => {
    const owner = await newUser();
    const other = await newUser();
    const created = await createdToken(owner.id);

    expect(await revokeAccessToken({ userId: other.id, tokenId: created.id })).toBe(false);
    const row = await db.personalAccessToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.revokedAt).toBeNull();
    expect(await authenticateAccessToken(created.token)).toEqual({ userId: owner.id, tokenId: created.id });
  });

  it("does nothing for an unknown or malformed id", async () => {
    const user = await newUser();
    expect(await revokeAccessToken({ userId: user.id, tokenId: randomUUID() })).toBe(false);
    expect(await revokeAccessToken({ userId: user.id, tokenId: "'; DROP TABLE" })).toBe(false);
  });
});

describe("authenticateAccessToken", () => {
  it("records when the token was last used, at most once a minute", async () => {
    const user = await newUser();
    const created = await createdToken(user.id);
    const first = new Date(Date.now() + 1000);
    await authenticateAccessToken(created.token, first);
    expect((await listAccessTokens(user.id))[0].lastUsedAt).toEqual(first);
    await authenticateAccessToken(created.token, new Date(first.getTime() + 10_000));
    expect((await listAccessTokens(user.id))[0].lastUsedAt).toEqual(first);
    const later = new Date(first.getTime() + 120_000);
    await authenticateAccessToken(created.token, later);
    expect((await listAccessTokens(user.id))[0].lastUsedAt).toEqual(later);
  });

  it("refuses an expired token", async () => {
    const user = await newUser();
    const now = new Date();
    const result = await createAccessToken({
      userId: user.id,
      name: "Kort",
      lifetime: "30",
      now: new Date(now.getTime() - 31 * 86_400_000),
    });
    if (!result.ok) throw new Error("not created");
    expect(await authenticateAccessToken(result.created.token, now)).toBeNull();
    expect((await listAccessTokens(user.id, now))[0].expired).toBe(true);
  });

  it("refuses garbage and well-formed tokens that were never issued", async () => {
    expect(await authenticateAccessToken("")).toBeNull();
    expect(await authenticateAccessToken("bt_short")).toBeNull();
    expect(await authenticateAccessToken(`bt_${randomBytes(32).toString("base64url")}`)).toBeNull();
  });

  it("refuses the token of a deleted account", async () => {
    const user = await newUser();
    const created = await createdToken(user.id);
    await db.user.delete({ where: { id: user.id } });
    expect(await authenticateAccessToken(created.token)).toBeNull();
  });
});
