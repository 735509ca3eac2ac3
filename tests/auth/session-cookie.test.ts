// auth() and signedInUser() answer null for a request without a session cookie without asking
// Auth.js: Auth.js builds a CSRF token on every call, which a public page must not pay for.
import { hasSessionCookie, isSessionCookieName, sessionIfCookie } from "@/lib/cache/session-cookie";

type Jar = { name: string; value: string }[];
let jar: Jar = [];
const authJsCalls: string[] = [];

// The request's cookies, as next/headers gives them inside a request.
jest.mock("next/headers", () => ({
  cookies: async () => ({
    getAll: () => jar,
    get: (name: string) => jar.find((cookie) => cookie.name === name),
  }),
}));
// Auth.js itself: records that it was loaded and asked, and knows one session.
jest.mock("@/lib/auth", () => {
  authJsCalls.push("loaded");
  return {
    auth: async () => {
      authJsCalls.push("auth()");
      return { user: { id: "3f1c8a52-6d2b-4c3e-9a55-0b7e2d4f9c11", email: "a@example.se" }, expires: "2099-01-01" };
    },
  };
});

const cookiesOf = (names: string[]) => ({ getAll: () => names.map((name) => ({ name })) });

describe("session cookie names", () => {
  it.each(["authjs.session-token", "__Secure-authjs.session-token", "authjs.session-token.0", "__Secure-authjs.session-token.12"])(
    "%s is a session cookie",
    (name) => {
      expect(isSessionCookieName(name)).toBe(true);
    },
  );

  it.each([
    "authjs.csrf-token",
    "__Host-authjs.csrf-token",
    "authjs.callback-url",
    "authjs.session-tokens",
    "authjs.session-token.x",
    "xauthjs.session-token",
    "signed-in",
    "NEXT_LOCALE",
  ])("%s is not", (name) => {
    expect(isSessionCookieName(name)).toBe(false);
  });

  it("finds one among others", () => {
    expect(hasSessionCookie(cookiesOf(["NEXT_LOCALE", "authjs.csrf-token"]))).toBe(false);
    expect(hasSessionCookie(cookiesOf(["NEXT_LOCALE", "__Secure-authjs.session-token"]))).toBe(true);
    expect(hasSessionCookie(cookiesOf([]))).toBe(false);
  });
});

describe("sessionIfCookie", () => {
  it("does not call the lookup without a session cookie", async () => {
    let calls = 0;
    const read = async () => {
      calls += 1;
      return "session";
    };
    await expect(sessionIfCookie(async () => cookiesOf(["authjs.csrf-token"]), read)).resolves.toBeNull();
    expect(calls).toBe(0);
    await expect(sessionIfCookie(async () => cookiesOf(["authjs.session-token"]), read)).resolves.toBe("session");
    expect(calls).toBe(1);
  });
});

describe("signedInUser", () => {
  beforeEach(() => {
    authJsCalls.length = 0;
    jest.resetModules();
  });

  it("is null without a session cookie, and Auth.js is neither loaded nor asked", async () => {
    jar = [
      { name: "authjs.csrf-token", value: "x" },
      { name: "authjs.callback-url", value: "/" },
    ];
    const { signedInUser } = await import("@/lib/guards");
    await expect(signedInUser()).resolves.toBeNull();
    expect(authJsCalls).toEqual([]);
  });

  it("asks Auth.js when a session cookie is present (plain or __Secure-)", async () => {
    for (const name of ["authjs.session-token", "__Secure-authjs.session-token"]) {
      authJsCalls.length = 0;
      jar = [{ name, value: "token" }];
      const { signedInUser } = await import("@/lib/guards");
      await expect(signedInUser()).resolves.toMatchObject({ id: "3f1c8a52-6d2b-4c3e-9a55-0b7e2d4f9c11" });
      expect(authJsCalls).toContain("auth()");
    }
  });
});
