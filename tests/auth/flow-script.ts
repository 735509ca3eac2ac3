// Run by tests/auth/flow.test.ts in a child process (tsx): next-auth and @auth/core ship only
// ES modules, which this project's Jest set-up cannot load. Drives Auth.js's real route
// handlers through both ways of signing in and prints what it saw as JSON.
import { NextRequest } from "next/server";
import { hashVerificationToken } from "@/lib/accounts/sign-in-links";
import { setPassword } from "@/lib/accounts/set-password";
import { GET, POST } from "@/lib/auth/route-handlers";
import { db, disconnectDb } from "@/lib/db/client";
import { migrateConfiguredDatabase } from "@/lib/db/migrate-configured";

const origin = "http://localhost:3000";
const jar = new Map<string, string>();

function cookieHeader(): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

async function call(method: "GET" | "POST", path: string, form?: Record<string, string>, headers: Record<string, string> = {}) {
  const request = new NextRequest(`${origin}${path}`, {
    method,
    headers: {
      cookie: cookieHeader(),
      ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      ...headers,
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  const response = await (method === "GET" ? GET(request) : POST(request));
  const setCookies = response.headers.getSetCookie();
  for (const line of setCookies) {
    const [pair] = line.split(";");
    const at = pair.indexOf("=");
    const name = pair.slice(0, at);
    const value = pair.slice(at + 1);
    if (value === "" || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
  return { status: response.status, location: response.headers.get("location"), setCookies, body: await response.text() };
}

/** What the button on /login/confirm sends: an empty form posted from a page of this site. */
function useLink(path: string) {
  return call("POST", path, {}, { origin });
}

async function csrf(): Promise<string> {
  const response = await call("GET", "/api/auth/csrf");
  return (JSON.parse(response.body) as { csrfToken: string }).csrfToken;
}

async function main() {
  await migrateConfiguredDatabase();
  const email = `flow-${Date.now()}@example.se`;
  const out: Record<string, unknown> = {};

  // 1. Ask for a link.
  const requested = await call("POST", "/api/auth/signin/email", { email, csrfToken: await csrf(), callbackUrl: "/account/tickets" });
  out.request = { status: requested.status, location: requested.location };
  const tokens = await db.verificationToken.findMany({ where: { identifier: email } });
  const outbox = await db.outboxEmail.findMany({ where: { to: email, template: "magic-link" } });
  const link = new URL((outbox[0]?.payload as { url: string }).url);
  const rawToken = link.searchParams.get("token")!;
  out.tokens = tokens.map((t) => ({ storedIsHash: t.token === hashVerificationToken(rawToken), storedIsRaw: t.token === rawToken }));
  out.outbox = {
    count: outbox.length,
    link: `${link.origin}${link.pathname}`,
    callbackUrl: link.searchParams.get("callbackUrl"),
    email: link.searchParams.get("email"),
  };

  // 2. Follow it (what /login/confirm submits to).
  const callbackPath = `/api/auth/callback/email?${new URLSearchParams({ token: rawToken, email, callbackUrl: link.searchParams.get("callbackUrl")! })}`;
  // 2a. Opened directly, or posted from another site, the link is not used up (login CSRF).
  const opened = await call("GET", callbackPath);
  const foreign = await call("POST", callbackPath, {}, { origin: "https://evil.example" });
  out.guarded = {
    get: { status: opened.status, location: opened.location },
    foreignPost: foreign.status,
    cookieSet: jar.has("authjs.session-token"),
    tokensLeft: await db.verificationToken.count({ where: { identifier: email } }),
  };
  const confirmed = await useLink(callbackPath);
  const sessionCookie = jar.get("authjs.session-token");
  out.confirm = {
    status: confirmed.status,
    location: confirmed.location,
    cookieSet: Boolean(sessionCookie),
    sessionRow: sessionCookie ? (await db.session.count({ where: { sessionToken: sessionCookie } })) === 1 : false,
    tokensLeft: await db.verificationToken.count({ where: { identifier: email } }),
  };
  const session = await call("GET", "/api/auth/session");
  out.session = JSON.parse(session.body);

  // 3. The same link again.
  jar.delete("authjs.session-token");
  const reused = await useLink(callbackPath);
  out.reuse = { status: reused.status, location: reused.location };

  // 3b. A link replaced by a newer one, and an expired one, are refused too.
  const linkFor = async () => {
    await call("POST", "/api/auth/signin/email", { email, csrfToken: await csrf(), callbackUrl: "/account" });
    const latest = await db.outboxEmail.findFirstOrThrow({ where: { to: email, template: "magic-link" }, orderBy: { createdAt: "desc" } });
    const url = new URL((latest.payload as { url: string }).url);
    return `/api/auth/callback/email?${new URLSearchParams({ token: url.searchParams.get("token")!, email, callbackUrl: "/account" })}`;
  };
  const older = await linkFor();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const newer = await linkFor();
  out.replaced = { older: (await useLink(older)).location, newer: (await useLink(newer)).location };
  const magicSessionCookie = jar.get("authjs.session-token");
  jar.delete("authjs.session-token");
  const stale = await linkFor();
  await db.verificationToken.updateMany({ where: { identifier: email }, data: { expires: new Date(Date.now() - 1000) } });
  out.expired = (await useLink(stale)).location;

  // 4. Password sign-in gets a Session row of its own.
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  await setPassword({ userId: user.id, password: "tre gröna hästar", currentSessionToken: null });
  // Setting the password ended the sessions made before it: the old cookie no longer works.
  if (magicSessionCookie) jar.set("authjs.session-token", magicSessionCookie);
  out.oldSessionAfterPasswordSet = JSON.parse((await call("GET", "/api/auth/session")).body);
  jar.delete("authjs.session-token");
  const wrong = await call("POST", "/api/auth/callback/password", {
    email,
    password: "fel lösenord",
    csrfToken: await csrf(),
    callbackUrl: "/account",
  });
  out.wrongPassword = { status: wrong.status, location: wrong.location, cookieSet: jar.has("authjs.session-token") };
  const right = await call("POST", "/api/auth/callback/password", {
    email: email.toUpperCase(),
    password: "tre gröna hästar",
    csrfToken: await csrf(),
    callbackUrl: "https://evil.example/steal",
  });
  const passwordCookie = jar.get("authjs.session-token");
  out.password = {
    status: right.status,
    location: right.location,
    cookieSet: Boolean(passwordCookie),
    cookieLooksLikeJwt: passwordCookie?.split(".").length === 5,
    sessionRow: passwordCookie ? (await db.session.count({ where: { sessionToken: passwordCookie, userId: user.id } })) === 1 : false,
  };
  out.passwordSession = JSON.parse((await call("GET", "/api/auth/session")).body);

  // 5. Deleting the row signs the browser out at once; signing out deletes the row.
  const signedOut = await call("POST", "/api/auth/signout", { csrfToken: await csrf(), callbackUrl: "/" });
  out.signOut = {
    status: signedOut.status,
    rowLeft: passwordCookie ? await db.session.count({ where: { sessionToken: passwordCookie } }) : -1,
    session: JSON.parse((await call("GET", "/api/auth/session")).body),
  };

  // 6. A callbackUrl that is no path on this site, in the query, the form or the cookie: the
  // sign-in still ends on the site (Auth.js alone answers some of these with a 500).
  const hostile = ["javascript:alert(1)", "/.//evil.example", "/%2e/%2f/evil.example"];
  const signInWith = async (place: "query" | "form" | "cookie", callbackUrl: string) => {
    jar.delete("authjs.session-token");
    const token = await csrf();
    if (place === "cookie") jar.set("authjs.callback-url", encodeURIComponent(callbackUrl));
    const query = place === "query" ? `?${new URLSearchParams({ callbackUrl })}` : "";
    const form = { email, password: "tre gröna hästar", csrfToken: token, ...(place === "form" ? { callbackUrl } : {}) };
    const answer = await call("POST", `/api/auth/callback/password${query}`, form);
    jar.delete("authjs.callback-url");
    return { status: answer.status, location: answer.location, signedIn: jar.has("authjs.session-token") };
  };
  out.hostileCallbacks = [] as unknown[];
  for (const callbackUrl of hostile) {
    for (const place of ["query", "form", "cookie"] as const) {
      (out.hostileCallbacks as unknown[]).push({ callbackUrl, place, ...(await signInWith(place, callbackUrl)) });
    }
  }
  jar.delete("authjs.session-token");
  const linkWithHostileQuery = await call("POST", `/api/auth/signin/email?${new URLSearchParams({ callbackUrl: "javascript:alert(1)" })}`, {
    email,
    csrfToken: await csrf(),
  });
  const hostileLink = await db.outboxEmail.findFirstOrThrow({
    where: { to: email, template: "magic-link" },
    orderBy: { createdAt: "desc" },
  });
  out.hostileLinkRequest = {
    status: linkWithHostileQuery.status,
    callbackUrl: new URL((hostileLink.payload as { url: string }).url).searchParams.get("callbackUrl"),
  };

  // 7. The account's language at its owner's first sign-in by link: an account a guest's
  // purchase made (in Swedish; nobody has signed in) takes the language of the page the link
  // leads back to, and a later sign-in from a Swedish page leaves it; an address new to the site
  // gets it too, and one whose owner signed in before keeps its own.
  const signInByLink = async (address: string, callbackUrl: string) => {
    jar.delete("authjs.session-token");
    await call("POST", "/api/auth/signin/email", { email: address, csrfToken: await csrf(), callbackUrl });
    const latest = await db.outboxEmail.findFirstOrThrow({
      where: { to: address, template: "magic-link" },
      orderBy: { createdAt: "desc" },
    });
    const sent = new URL((latest.payload as { url: string }).url);
    const query = new URLSearchParams({
      token: sent.searchParams.get("token")!,
      email: address,
      callbackUrl: sent.searchParams.get("callbackUrl")!,
    });
    const used = await useLink(`/api/auth/callback/email?${query}`);
    const account = await db.user.findUniqueOrThrow({ where: { email: address } });
    return { location: used.location, locale: account.locale, verified: account.emailVerified !== null };
  };
  const stamp = Date.now();
  const guest = `gast-${stamp}@example.se`;
  await db.user.create({ data: { email: guest, name: "Gäst Gästsson", locale: "sv" } });
  const member = `medlem-${stamp}@example.se`;
  await db.user.create({ data: { email: member, name: "Mia Medlem", locale: "sv", emailVerified: new Date() } });
  out.firstSignInLanguage = {
    guestFirst: await signInByLink(guest, "/en/account/tickets"),
    guestLater: await signInByLink(guest, "/account"),
    newcomer: await signInByLink(`ny-${stamp}@example.se`, "/en/events"),
    signedInBefore: await signInByLink(member, "/en/account"),
  };

  process.stdout.write(`\n@@RESULT@@${JSON.stringify(out)}\n`);
  await disconnectDb();
}

main().catch(async (error) => {
  console.error(error);
  await disconnectDb();
  process.exit(1);
});
