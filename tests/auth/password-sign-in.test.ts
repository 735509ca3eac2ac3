import { describeOnPostgres, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes } from "node:crypto";
import { setPassword } from "@/lib/accounts/set-password";
import { checkPasswordSignIn, PASSWORD_FAILURES_PER_ACCOUNT, PASSWORD_FAILURES_PER_ACCOUNT_AND_CLIENT } from "@/lib/auth/password-sign-in";
import { requestSignInLink } from "@/lib/auth/request-link";
import { db } from "@/lib/db/client";

async function account(password: string | null) {
  const user = await db.user.create({ data: { email: `p-${randomBytes(4).toString("hex")}@example.se`, name: "Åsa" } });
  if (password) await setPassword({ userId: user.id, password, currentSessionToken: null });
  return user;
}
const client = () => `192.0.2.${Math.floor(Math.random() * 250)}-${randomBytes(3).toString("hex")}`;

describe("checkPasswordSignIn", () => {
  it("signs in with the right password, in any spelling of the address, and returns no hash", async () => {
    const user = await account("tre gröna hästar");
    const result = await checkPasswordSignIn({ email: user.email.toUpperCase(), password: "tre gröna hästar", clientAddress: client() });
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, name: "Åsa", image: null } });
  });

  it("gives the same answer for a wrong password, an unknown address and an account without a password", async () => {
    const user = await account("tre gröna hästar");
    const guest = await account(null);
    for (const [email, password] of [
      [user.email, "fel lösenord"],
      ["ingen@example.se", "tre gröna hästar"],
      [guest.email, "tre gröna hästar"],
      ["inte en adress", "x"],
      [user.email, ""],
    ]) {
      expect(await checkPasswordSignIn({ email, password, clientAddress: client() })).toEqual({ ok: false, error: "invalid_credentials" });
    }
  });

  it("refuses a client after ten wrong passwords for 15 minutes, even with the right one", async () => {
    const user = await account("tre gröna hästar");
    const attacker = client();
    const now = new Date();
    for (let i = 0; i < PASSWORD_FAILURES_PER_ACCOUNT_AND_CLIENT.limit; i++) {
      expect(await checkPasswordSignIn({ email: user.email, password: `fel ${i}`, clientAddress: attacker, now })).toEqual({
        ok: false,
        error: "invalid_credentials",
      });
    }
    const refused = await checkPasswordSignIn({ email: user.email, password: "tre gröna hästar", clientAddress: attacker, now });
    expect(refused).toMatchObject({ ok: false, error: "rate_limited" });
    expect(refused.ok === false && refused.retryAfterMs).toBe(15 * 60_000);
    const later = new Date(now.getTime() + 15 * 60_000 + 1);
    expect(
      await checkPasswordSignIn({ email: user.email, password: "tre gröna hästar", clientAddress: attacker, now: later }),
    ).toMatchObject({ ok: true });
  });

  it("does not lock the owner out when someone else tries wrong passwords", async () => {
    const user = await account("tre gröna hästar");
    const [attacker, owner] = [client(), client()];
    const now = new Date();
    for (let i = 0; i < 25; i++) await checkPasswordSignIn({ email: user.email, password: `fel ${i}`, clientAddress: attacker, now });
    expect(await checkPasswordSignIn({ email: user.email, password: "tre gröna hästar", clientAddress: owner, now })).toMatchObject({
      ok: true,
      user: { id: user.id },
    });
  });

  it("does not count a right password as a failure", async () => {
    const user = await account("tre gröna hästar");
    const owner = client();
    const now = new Date();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < PASSWORD_FAILURES_PER_ACCOUNT_AND_CLIENT.limit - 1; i++) {
        await checkPasswordSignIn({ email: user.email, password: "slarvfel", clientAddress: owner, now });
      }
      expect(await checkPasswordSignIn({ email: user.email, password: "tre gröna hästar", clientAddress: owner, now })).toMatchObject({
        ok: true,
      });
    }
  });

  it("locks password sign-in for everyone after 100 wrong passwords in an hour from many clients, while a link still comes", async () => {
    const user = await account("tre gröna hästar");
    const now = new Date();
    const perClient = PASSWORD_FAILURES_PER_ACCOUNT_AND_CLIENT.limit;
    for (let c = 0; c < PASSWORD_FAILURES_PER_ACCOUNT.limit / perClient; c++) {
      const attacker = client();
      for (let i = 0; i < perClient; i++)
        await checkPasswordSignIn({ email: user.email, password: `fel ${c}-${i}`, clientAddress: attacker, now });
    }
    const owner = client();
    const refused = await checkPasswordSignIn({ email: user.email, password: "tre gröna hästar", clientAddress: owner, now });
    expect(refused).toMatchObject({ ok: false, error: "rate_limited" });
    expect(refused.ok === false && refused.retryAfterMs).toBe(60 * 60_000);

    // "Email me a link" is counted apart, so the owner still gets in.
    const sent: string[] = [];
    const link = await requestSignInLink(
      { email: user.email, callbackPath: "/account", clientAddress: owner, now },
      {
        sendLink: async (email) => {
          sent.push(email);
          return "http://localhost:3000/login/check-email";
        },
        minDurationMs: 0,
      },
    );
    expect(link).toEqual({ ok: true });
    expect(sent).toEqual([user.email]);

    const nextHour = new Date(now.getTime() + 60 * 60_000 + 1);
    expect(
      await checkPasswordSignIn({ email: user.email, password: "tre gröna hästar", clientAddress: owner, now: nextHour }),
    ).toMatchObject({ ok: true });
  });

  it("counts every spelling of the address as one account", async () => {
    const user = await account("tre gröna hästar");
    const attacker = client();
    const now = new Date();
    const spellings = [user.email, user.email.toUpperCase(), ` ${user.email} `];
    for (let i = 0; i < PASSWORD_FAILURES_PER_ACCOUNT_AND_CLIENT.limit; i++) {
      await checkPasswordSignIn({ email: spellings[i % spellings.length], password: "fel", clientAddress: attacker, now });
    }
    expect(await checkPasswordSignIn({ email: user.email, password: "tre gröna hästar", clientAddress: attacker, now })).toMatchObject({
      error: "rate_limited",
    });
  });
});

describeOnPostgres("checkPasswordSignIn, guesses at once (PostgreSQL)", () => {
  it("checks at most ten passwords from one client however many arrive together", async () => {
    const user = await account("tre gröna hästar");
    const attacker = client();
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => checkPasswordSignIn({ email: user.email, password: `fel ${i}`, clientAddress: attacker, now })),
    );
    expect(results.filter((result) => !result.ok && result.error === "invalid_credentials")).toHaveLength(
      PASSWORD_FAILURES_PER_ACCOUNT_AND_CLIENT.limit,
    );
    expect(results.filter((result) => !result.ok && result.error === "rate_limited")).toHaveLength(
      30 - PASSWORD_FAILURES_PER_ACCOUNT_AND_CLIENT.limit,
    );
  });
});
