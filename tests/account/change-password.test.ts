import { useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes, randomUUID } from "node:crypto";
import {
  changePasswordForUser,
  checkPasswordForm,
  parsePasswordForm,
  sessionTokenFromCookies,
} from "@/lib/accounts/change-password";
import { verifyPassword } from "@/lib/accounts/passwords";
import { getAccountOverview } from "@/lib/accounts/queries";
import { db } from "@/lib/db/client";

async function signedInUser() {
  const user = await db.user.create({ data: { email: `gäst-${randomBytes(4).toString("hex")}@example.se`, name: "Nils Ek" } });
  const expires = new Date(Date.now() + 86_400_000);
  const here = await db.session.create({ data: { userId: user.id, sessionToken: randomUUID(), expires } });
  const elsewhere = await db.session.create({ data: { userId: user.id, sessionToken: randomUUID(), expires } });
  return { user, here: here.sessionToken, elsewhere: elsewhere.sessionToken };
}

describe("parsePasswordForm", () => {
  it("reads missing fields as empty ones", () => {
    expect(parsePasswordForm(new FormData())).toEqual({ password: "", confirmation: "" });
  });

  it("keeps the password exactly as typed, spaces included", () => {
    const data = new FormData();
    data.set("password", " tre gröna hästar ");
    data.set("confirmation", " tre gröna hästar ");
    expect(parsePasswordForm(data)).toEqual({ password: " tre gröna hästar ", confirmation: " tre gröna hästar " });
  });
});

describe("checkPasswordForm", () => {
  it("accepts a long password without digits or symbols", () => {
    expect(checkPasswordForm({ password: "tre gröna hästar", confirmation: "tre gröna hästar" })).toEqual({});
  });

  it("names the policy's problem on the password and a mismatch on the confirmation", () => {
    expect(checkPasswordForm({ password: "kort", confirmation: "annat" })).toEqual({ password: "too_short", confirmation: "mismatch" });
    expect(checkPasswordForm({ password: "x".repeat(129), confirmation: "x".repeat(129) })).toEqual({ password: "too_long" });
    expect(checkPasswordForm({ password: "password", confirmation: "password" })).toEqual({ password: "too_common" });
  });
});

describe("changePasswordForUser", () => {
  it("sets the password, keeps this session, signs out the others and queues the email", async () => {
    const { user, here, elsewhere } = await signedInUser();
    const result = await changePasswordForUser({ userId: user.id, sessionToken: here, password: "tre gröna hästar", confirmation: "tre gröna hästar" });
    expect(result).toEqual({ ok: true });

    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword(stored.passwordHash!, "tre gröna hästar")).toBe(true);
    const sessions = await db.session.findMany({ where: { userId: user.id }, select: { sessionToken: true } });
    expect(sessions.map((session) => session.sessionToken)).toEqual([here]);
    expect(sessions.map((session) => session.sessionToken)).not.toContain(elsewhere);
    expect(await db.outboxEmail.count({ where: { to: user.email, template: "password-set" } })).toBe(1);
  });

  it("changes nothing when the confirmation differs, and does not return the password", async () => {
    const { user } = await signedInUser();
    const result = await changePasswordForUser({ userId: user.id, sessionToken: null, password: "tre gröna hästar", confirmation: "tre gröna hästar!" });
    expect(result).toEqual({ ok: false, error: "invalid_form", fieldErrors: { confirmation: "mismatch" } });
    expect(JSON.stringify(result)).not.toContain("hästar");
    expect((await getAccountOverview(user.id))?.hasPassword).toBe(false);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
  });

  it("refuses a common password", async () => {
    const { user } = await signedInUser();
    const result = await changePasswordForUser({ userId: user.id, sessionToken: null, password: "qwerty123", confirmation: "qwerty123" });
    expect(result).toEqual({ ok: false, error: "invalid_form", fieldErrors: { password: "too_common" } });
  });

  it("says so when the user no longer exists", async () => {
    const result = await changePasswordForUser({ userId: randomUUID(), sessionToken: null, password: "tre gröna hästar", confirmation: "tre gröna hästar" });
    expect(result).toEqual({ ok: false, error: "no_such_user", fieldErrors: {} });
  });
});

describe("getAccountOverview", () => {
  it("tells whether a password is set without handing out the hash", async () => {
    const { user, here } = await signedInUser();
    expect(await getAccountOverview(user.id)).toEqual({ name: "Nils Ek", email: user.email, hasPassword: false, passwordSetAt: null });
    await changePasswordForUser({ userId: user.id, sessionToken: here, password: "tre gröna hästar", confirmation: "tre gröna hästar" });
    const overview = await getAccountOverview(user.id);
    expect(overview?.hasPassword).toBe(true);
    expect(overview?.passwordSetAt).toBeInstanceOf(Date);
    expect(Object.keys(overview ?? {})).not.toContain("passwordHash");
  });

  it("gives null for an unknown user", async () => {
    expect(await getAccountOverview(randomUUID())).toBeNull();
  });
});

describe("sessionTokenFromCookies", () => {
  const jar = (values: Record<string, string>) => ({ get: (name: string) => (name in values ? { value: values[name] } : undefined) });

  it("reads the __Secure- cookie on https and the plain one on http", () => {
    const both = jar({ "authjs.session-token": "plain", "__Secure-authjs.session-token": "secure" });
    expect(sessionTokenFromCookies(both, "https://biljett.example")).toBe("secure");
    expect(sessionTokenFromCookies(both, "http://localhost:3400")).toBe("plain");
    expect(sessionTokenFromCookies(jar({}), undefined)).toBeNull();
  });
});
