// Auth.js callbacks that decide what a session exposes and how a password sign-in gets a
// revocable database session.
import type { Session, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { createSession } from "./sessions";

export const PASSWORD_PROVIDER_ID = "password";

export type SessionUser = { id: string; name: string | null; email: string; image: string | null };
export type AppSession = Session & { user: SessionUser };

/**
 * What auth() and /api/auth/session return. Auth.js hands this callback the whole User row;
 * naming the fields keeps the password hash (and anything added later) out of every session.
 */
export function sessionCallback({ session, user }: { session: { expires: Date | string }; user: User & { id?: string } }): AppSession {
  const expires = session.expires instanceof Date ? session.expires.toISOString() : session.expires;
  return {
    user: { id: user.id ?? "", name: user.name ?? null, email: user.email ?? "", image: user.image ?? null },
    expires,
  };
}

/*
 * Passwords with database sessions. Auth.js's credentials provider never creates a Session row:
 * it always runs the jwt callback and puts jwt.encode's result in the session cookie. Of the two
 * ways around that, we take this one (the jwt callback creates the row, encode returns its
 * token) rather than a server action that checks the password and writes the cookie itself:
 * the sign-in stays on Auth.js's path, so the cookie's name, __Secure- prefix and options, the
 * redirect callback, CSRF checking of the HTTP endpoint, events and signOut() (which deletes
 * the row) are the same for both ways of signing in, and nothing of ours re-implements them.
 * tests/auth/flow.test.ts proves it against the pinned next-auth version.
 */
export async function jwtCallback(
  { token, user, account }: { token: JWT; user?: User; account?: { provider: string } | null },
  { userAgent = async () => null }: { userAgent?: () => Promise<string | null> } = {},
): Promise<JWT> {
  if (account?.provider === PASSWORD_PROVIDER_ID && user?.id) {
    const session = await createSession(user.id, { userAgent: await userAgent() });
    return { sessionToken: session.sessionToken };
  }
  return token;
}

/**
 * jwt.encode with database sessions: the cookie carries the Session row's token. Anything else
 * would be a JWT that the database strategy never reads, so it is refused rather than issued.
 */
export async function encodeSessionToken({ token }: { token?: JWT }): Promise<string> {
  if (typeof token?.sessionToken === "string") return token.sessionToken;
  throw new Error("only database session tokens are issued");
}
