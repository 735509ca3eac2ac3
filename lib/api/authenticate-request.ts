// Who is calling the JSON API: a bearer token when the request carries one, otherwise the
// signed-in session. Kept free of Auth.js so tests can call it; the route hands in a function
// that reads the session.
import { authenticateAccessToken } from "../access-tokens/authenticate-access-token";

export type ApiCaller = { userId: string; via: "token" | "session" };

/**
 * The token in an `Authorization: Bearer …` header; "invalid" for any other Authorization
 * header, null when there is none.
 */
export function bearerToken(authorization: string | null): string | "invalid" | null {
  if (authorization === null) return null;
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(authorization.trim());
  return match ? match[1] : "invalid";
}

export async function authenticateApiRequest({
  authorization,
  sessionUserId,
  now,
}: {
  authorization: string | null;
  /** Read only when no Authorization header was sent. */
  sessionUserId: () => Promise<string | null | undefined>;
  now?: Date;
}): Promise<ApiCaller | null> {
  const token = bearerToken(authorization);
  // A client that sends a token means that token: a bad one is refused even when a session
  // cookie came along, so a mistake in a mobile client shows up at once.
  if (token === "invalid") return null;
  if (token !== null) {
    const owner = await authenticateAccessToken(token, now);
    return owner ? { userId: owner.userId, via: "token" } : null;
  }
  const userId = await sessionUserId();
  return userId ? { userId, via: "session" } : null;
}
