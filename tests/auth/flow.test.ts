// Auth.js end to end through its route handlers. next-auth and @auth/core are ES modules only,
// which this Jest set-up cannot load, so tests/auth/flow-script.ts runs them under tsx in a
// child process (on this file's database when it is PostgreSQL) and reports what it saw.
import { useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { execFile } from "node:child_process";
import { promisify } from "node:util";

type FlowResult = Record<string, Record<string, unknown> & { user?: Record<string, unknown> }>;

let result: FlowResult;

beforeAll(async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [require.resolve("tsx/cli"), "tests/auth/flow-script.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_OPTIONS: "", NODE_ENV: "test", SITE_URL: "", AUTH_SECRET: "" },
    maxBuffer: 10 * 1024 * 1024,
    timeout: 120_000,
  });
  const line = stdout.split("\n").find((l) => l.startsWith("@@RESULT@@"));
  if (!line) throw new Error(`the flow script printed no result:\n${stdout}`);
  result = JSON.parse(line.slice("@@RESULT@@".length));
}, 150_000);

describe("sign-in by email link through Auth.js's handlers", () => {
  it("stores only a hash of the token and queues one link on SITE_URL", () => {
    expect(result.request.status).toBe(302);
    expect(result.request.location).toContain("/api/auth/verify-request");
    expect(result.tokens).toEqual([{ storedIsHash: true, storedIsRaw: false }]);
    expect(result.outbox).toMatchObject({ count: 1, link: "http://localhost:3000/login/confirm", callbackUrl: "/account/tickets" });
  });

  it("uses a link only when it is posted from a page of this site: a GET goes to the confirm page, a foreign post is refused", () => {
    const opened = result.guarded.get as { status: number; location: string };
    const confirmUrl = new URL(opened.location);
    expect(opened.status).toBe(303);
    expect(`${confirmUrl.origin}${confirmUrl.pathname}`).toBe("http://localhost:3000/login/confirm");
    expect(confirmUrl.searchParams.get("token")).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(confirmUrl.searchParams.get("callbackUrl")).toBe("/account/tickets");
    expect(result.guarded).toMatchObject({ foreignPost: 403, cookieSet: false, tokensLeft: 1 });
  });

  it("signs in on the first use: a Session row, the cookie, the token consumed, the callback path", () => {
    expect(result.confirm).toEqual({ status: 302, location: "/account/tickets", cookieSet: true, sessionRow: true, tokensLeft: 0 });
    expect(Object.keys(result.session.user!).sort()).toEqual(["email", "id", "image", "name"]);
  });

  it("refuses the second use with error=Verification", () => {
    expect(result.reuse.location).toBe("http://localhost:3000/login?error=Verification");
  });

  it("refuses a link replaced by a newer one, and an expired one", () => {
    expect(result.replaced.older).toBe("http://localhost:3000/login?error=Verification");
    expect(result.replaced.newer).toBe("/account");
    expect(result.expired).toBe("http://localhost:3000/login?error=Verification");
  });

  it("ends the sessions made before a password was set", () => {
    expect(result.oldSessionAfterPasswordSet).toBeNull();
  });
});

describe("the account's language at its owner's first sign-in", () => {
  it("becomes the language of the page the link leads back to, once: later sign-ins and accounts used before keep theirs", () => {
    expect(result.firstSignInLanguage).toEqual({
      guestFirst: { location: "/en/account/tickets", locale: "en", verified: true },
      guestLater: { location: "/account", locale: "en", verified: true },
      newcomer: { location: "/en/events", locale: "en", verified: true },
      signedInBefore: { location: "/en/account", locale: "sv", verified: true },
    });
  });
});

describe("sign-in by password through Auth.js's handlers", () => {
  it("refuses a wrong password without a cookie", () => {
    expect(result.wrongPassword.location).toContain("error=CredentialsSignin");
    expect(result.wrongPassword.cookieSet).toBe(false);
  });

  it("gives a right password a revocable Session row instead of a JWT, and never a foreign redirect", () => {
    expect(result.password).toEqual({ status: 302, location: "/", cookieSet: true, cookieLooksLikeJwt: false, sessionRow: true });
    expect(result.passwordSession.user).toMatchObject({ email: expect.stringMatching(/^flow-/) });
    expect(JSON.stringify(result.passwordSession)).not.toMatch(/passwordHash|argon2/);
  });

  it("deletes the Session row on sign-out", () => {
    expect(result.signOut).toEqual({ status: 302, rowLeft: 0, session: null });
  });
});

describe("callback URLs that are no path on this site", () => {
  it("end a password sign-in on the home page, from the query, the form or the cookie, never in a 500", () => {
    const seen = result.hostileCallbacks as unknown as {
      callbackUrl: string;
      place: string;
      status: number;
      location: string;
      signedIn: boolean;
    }[];
    expect(seen).toHaveLength(9);
    for (const attempt of seen) {
      expect({ ...attempt, location: attempt.location }).toEqual({ ...attempt, status: 302, location: "/", signedIn: true });
    }
  });

  it("keep a sign-in link request working, with a link back to the home page", () => {
    expect(result.hostileLinkRequest).toEqual({ status: 302, callbackUrl: "/" });
  });
});
