import { useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes, randomUUID } from "node:crypto";
import {
  changePasswordForUser,
  checkPasswordForm,
  CURRENT_PASSWORD_TRIES,
  needsCurrentPassword,
  parsePasswordForm,
  RECENT_SIGN_IN_MINUTES,
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
    expect(parsePasswordForm(new FormData())).toEqual({ currentPassword: "", password: "", confirmation: "" });
  });

  it("keeps the password exactly as typed, spaces included", () => {
    const data = new FormData();
    data.set("password", " tre gröna hästar ");
    data.set("confirmation", " tre gröna hästar ");
    expect(parsePasswordForm(data)).toEqual({ currentPassword: "", password: " tre gröna hästar ", confirmation: " tre gröna hästar " });
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
    const result = await changePasswordForUser({
      userId: user.id,
      sessionToken: here,
      password: "tre gröna hästar",
      confirmation: "tre gröna hästar",
    });
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
    const result = await changePasswordForUser({
      userId: user.id,
      sessionToken: null,
      password: "tre gröna hästar",
      confirmation: "tre gröna hästar!",
    });
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
    const result = await changePasswordForUser({
      userId: randomUUID(),
      sessionToken: null,
      password: "tre gröna hästar",
      confirmation: "tre gröna hästar",
    });
    expect(result).toEqual({ ok: false, error: "no_such_user", fieldErrors: {} });
  });
});

describe("replacing an existing password", () => {
  const oldPassword = "gamla goda dagar";
  const newPassword = "tre gröna hästar";

  /** An account with a password and a session made `minutesAgo` minutes ago. */
  async function userWithPassword(minutesAgo: number) {
    const { user, here } = await signedInUser();
    await changePasswordForUser({ userId: user.id, sessionToken: here, password: oldPassword, confirmation: oldPassword });
    const createdAt = new Date(Date.now() - minutesAgo * 60_000);
    await db.session.update({ where: { sessionToken: here }, data: { createdAt } });
    return { user, here };
  }

  async function passwordIs(userId: string, password: string) {
    const stored = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
    return verifyPassword(stored.passwordHash!, password);
  }

  it("needs no current password for a first one, nor right after a sign-in", async () => {
    const { user, here } = await signedInUser();
    expect(await needsCurrentPassword({ userId: user.id, sessionToken: here })).toBe(false);
    const recent = await userWithPassword(RECENT_SIGN_IN_MINUTES - 1);
    expect(await needsCurrentPassword({ userId: recent.user.id, sessionToken: recent.here })).toBe(false);
    const result = await changePasswordForUser({
      userId: recent.user.id,
      sessionToken: recent.here,
      password: newPassword,
      confirmation: newPassword,
    });
    expect(result).toEqual({ ok: true });
    expect(await passwordIs(recent.user.id, newPassword)).toBe(true);
  });

  it("asks an older session for the current password, refuses a wrong one and changes nothing", async () => {
    const { user, here } = await userWithPassword(RECENT_SIGN_IN_MINUTES + 1);
    expect(await needsCurrentPassword({ userId: user.id, sessionToken: here })).toBe(true);
    // Another user's session, or none, proves nothing either.
    const stranger = await signedInUser();
    expect(await needsCurrentPassword({ userId: user.id, sessionToken: stranger.here })).toBe(true);
    expect(await needsCurrentPassword({ userId: user.id, sessionToken: null })).toBe(true);

    const missing = await changePasswordForUser({ userId: user.id, sessionToken: here, password: newPassword, confirmation: newPassword });
    expect(missing).toEqual({ ok: false, error: "invalid_form", fieldErrors: { currentPassword: "missing" } });
    const wrong = await changePasswordForUser({
      userId: user.id,
      sessionToken: here,
      currentPassword: "fel",
      password: newPassword,
      confirmation: newPassword,
    });
    expect(wrong).toEqual({ ok: false, error: "invalid_form", fieldErrors: { currentPassword: "wrong" } });
    expect(await passwordIs(user.id, oldPassword)).toBe(true);

    const right = await changePasswordForUser({
      userId: user.id,
      sessionToken: here,
      currentPassword: oldPassword,
      password: newPassword,
      confirmation: newPassword,
    });
    expect(right).toEqual({ ok: true });
    expect(await passwordIs(user.id, newPassword)).toBe(true);
  });

  it("names every problem at once: the current password and the new one", async () => {
    const { user, here } = await userWithPassword(RECENT_SIGN_IN_MINUTES + 1);
    const result = await changePasswordForUser({ userId: user.id, sessionToken: here, password: "kort", confirmation: "kort" });
    expect(result).toEqual({ ok: false, error: "invalid_form", fieldErrors: { currentPassword: "missing", password: "too_short" } });
  });

  it("stops guessing at the current password after a few tries, even a right guess", async () => {
    const { user, here } = await userWithPassword(RECENT_SIGN_IN_MINUTES + 1);
    for (let i = 0; i < CURRENT_PASSWORD_TRIES.limit; i++) {
      const guess = await changePasswordForUser({
        userId: user.id,
        sessionToken: here,
        currentPassword: `gissning ${i}`,
        password: newPassword,
        confirmation: newPassword,
      });
      expect(guess.ok).toBe(false);
    }
    const locked = await changePasswordForUser({
      userId: user.id,
      sessionToken: here,
      currentPassword: oldPassword,
      password: newPassword,
      confirmation: newPassword,
    });
    expect(locked).toEqual({ ok: false, error: "invalid_form", fieldErrors: { currentPassword: "rate_limited" } });
    expect(await passwordIs(user.id, oldPassword)).toBe(true);
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
