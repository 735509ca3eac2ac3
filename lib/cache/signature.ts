// The signed message that asks the web servers to expire cache tags (app/internal/revalidate):
// sent by work outside a request (the worker putting expired holds back on sale), which cannot
// call revalidateTag itself. Pure, so sender, route and tests share it.
import { createHmac, timingSafeEqual } from "node:crypto";
import { isCacheTag } from "./tags";

export const SIGNATURE_HEADER = "x-biljett-signature";
export const REVALIDATE_PATH = "/internal/revalidate";

/** A message older (or further in the future) than this is refused, so a captured one cannot be replayed later. */
export const MAX_AGE_MS = 60_000;
/** Far more than any real message (a few tags); a longer body is refused unread. */
export const MAX_BODY_BYTES = 16 * 1024;
const MAX_TAGS = 100;

// The secret signs other things too (sessions, links): a label of its own keeps a signature
// made here from being valid anywhere else, and the reverse.
function signatureOf(body: string, secret: string): Buffer {
  return createHmac("sha256", secret).update("biljett cache revalidation\n").update(body).digest();
}

export function signRevalidation(tags: string[], secret: string, now = Date.now()): { body: string; signature: string } {
  const body = JSON.stringify({ tags, at: now });
  return { body, signature: signatureOf(body, secret).toString("hex") };
}

export type Verdict = { ok: true; tags: string[] } | { ok: false; reason: "signature" | "expired" | "malformed" };

/**
 * The tags a message asks to expire, when its signature is right (compared in constant time),
 * it is recent, and every tag is one of ours.
 */
export function verifyRevalidation(body: string, signature: string | null, secret: string, now = Date.now()): Verdict {
  if (!signature || !/^[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: "signature" };
  if (!timingSafeEqual(Buffer.from(signature, "hex"), signatureOf(body, secret))) return { ok: false, reason: "signature" };
  let message: unknown;
  try {
    message = JSON.parse(body);
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof message !== "object" || message === null) return { ok: false, reason: "malformed" };
  const { tags, at } = message as { tags?: unknown; at?: unknown };
  if (typeof at !== "number" || Math.abs(now - at) > MAX_AGE_MS) return { ok: false, reason: "expired" };
  if (!Array.isArray(tags) || tags.length === 0 || tags.length > MAX_TAGS || !tags.every(isCacheTag)) {
    return { ok: false, reason: "malformed" };
  }
  return { ok: true, tags: [...new Set(tags)] };
}
