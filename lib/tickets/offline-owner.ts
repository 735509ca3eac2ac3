// Who the tickets kept for offline use belong to, as the service worker is told it: an HMAC of
// the user id, so the worker can drop another user's tickets without learning who anybody is.
import "server-only";
import { createHmac } from "node:crypto";
import { env } from "../env";

export function offlineOwner(userId: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`offline-owner:${userId}`).digest("base64url").slice(0, 22);
}
