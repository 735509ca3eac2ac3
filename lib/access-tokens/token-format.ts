// What a personal access token looks like, and the only form of it the database ever sees.
import { createHash, randomBytes } from "node:crypto";

export const ACCESS_TOKEN_PREFIX = "bt_";
/** `bt_` and 32 random bytes in base64url (43 characters): 256 bits nobody can guess. */
export const ACCESS_TOKEN_PATTERN = /^bt_[A-Za-z0-9_-]{43}$/;
/** How much of a token is kept in clear, so that its owner can tell their tokens apart. */
const DISPLAY_PREFIX_LENGTH = ACCESS_TOKEN_PREFIX.length + 6;

export function hashAccessToken(token: string): string {
  // The secret is long and random, so a plain SHA-256 is enough: no dictionary to slow down.
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function newAccessToken(): { token: string; tokenHash: string; prefix: string } {
  const token = `${ACCESS_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashAccessToken(token), prefix: token.slice(0, DISPLAY_PREFIX_LENGTH) };
}

export function looksLikeAccessToken(value: string): boolean {
  return ACCESS_TOKEN_PATTERN.test(value);
}
