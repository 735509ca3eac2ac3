import { useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes } from "node:crypto";
import { setPassword } from "@/lib/accounts/set-password";
import { checkPasswordSignIn } from "@/lib/auth/password-sign-in";
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

  it("refuses the eleventh attempt on one address within 15 minutes, even with the right password", async () => {
    const user = await account("tre gröna hästar");
    const now = new Date();
    for (let i = 0; i < 10; i++) await checkPasswordSignIn({ email: user.email, password: "fel", clientAddress: client(), now });
    const result = await checkPasswordSignIn({ email: user.email, password: "tre gröna hästar", clientAddress: client(), now });
    expect(result).toMatchObject({ ok: false, error: "rate_limited" });
    expect(result.ok === false && result.retryAfterMs).toBeGreaterThan(0);
  });
});
