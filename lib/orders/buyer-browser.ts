// The browser that bought an order keeps a signed, http-only cookie naming it for a day. It is
// the only proof, besides the new mailbox, that may correct a misspelled address without the
// organizer: the order's own link is no proof, because it also went to the misspelled mailbox.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { env } from "../env";

export const BUYER_ORDERS_COOKIE = "buyer_orders";
export const BUYER_ORDERS_MAX_AGE_MS = 24 * 60 * 60_000;
/** Orders one browser remembers at a time; the oldest fall off first. */
const MAX_REMEMBERED = 5;

function signature(orderId: string, expiresAt: number): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`buyer-browser:${orderId}:${expiresAt}`).digest("hex").slice(0, 32);
}

type Entry = { orderId: string; expiresAt: number };

function readEntries(value: string | undefined, now: Date): Entry[] {
  if (!value) return [];
  const entries: Entry[] = [];
  for (const part of value.split("~").slice(0, MAX_REMEMBERED)) {
    const [orderId, expires, given] = part.split(".");
    const expiresAt = Number(expires);
    if (!orderId || !given || !Number.isSafeInteger(expiresAt) || expiresAt * 1000 <= now.getTime()) continue;
    const expected = Buffer.from(signature(orderId, expiresAt));
    const actual = Buffer.from(given);
    if (actual.length === expected.length && timingSafeEqual(actual, expected)) entries.push({ orderId, expiresAt });
  }
  return entries;
}

/** The orders this cookie value vouches for: signed by us and not expired. */
export function ordersInBuyerCookie(value: string | undefined, now = new Date()): Set<string> {
  return new Set(readEntries(value, now).map((entry) => entry.orderId));
}

/** The cookie value with `orderId` added for another day, keeping the newest few. */
export function addOrderToBuyerCookie(value: string | undefined, orderId: string, now = new Date()): string {
  const expiresAt = Math.floor((now.getTime() + BUYER_ORDERS_MAX_AGE_MS) / 1000);
  const kept = readEntries(value, now).filter((entry) => entry.orderId !== orderId);
  return [{ orderId, expiresAt }, ...kept]
    .slice(0, MAX_REMEMBERED)
    .map((entry) => `${entry.orderId}.${entry.expiresAt}.${signature(entry.orderId, entry.expiresAt)}`)
    .join("~");
}

/**
 * Remembers, in the current request's answer, that this browser bought `orderId`. Its path is
 * the whole site: the order page is at /orders/… in Swedish and /en/orders/… in English. Public
 * pages stay cacheable: nothing they render reads it, and caches key on the address alone.
 */
export async function rememberOrderInThisBrowser(orderId: string, now = new Date()): Promise<void> {
  const jar = await cookies();
  jar.set(BUYER_ORDERS_COOKIE, addOrderToBuyerCookie(jar.get(BUYER_ORDERS_COOKIE)?.value, orderId, now), {
    path: "/",
    maxAge: BUYER_ORDERS_MAX_AGE_MS / 1000,
    sameSite: "lax",
    httpOnly: true,
    secure: env().SITE_URL.startsWith("https://"),
  });
}

// The checkout's answer does not set the cookie itself: Next takes a server action that sets a
// cookie for one that changed its page, and renders the whole checkout page into the answer
// (21 kB, and about half the server's CPU time of an order). The answer sends the browser to
// the order's `bought` route instead (app/[locale]/orders/[orderId]/bought/route.ts), with a
// proof that only the checkout issues: the route sets the cookie and redirects to the order page.

/** How long a checkout's proof may be turned into the cookie: the browser follows it at once. */
export const BOUGHT_PROOF_MS = 10 * 60_000;

function proofSignature(orderId: string, until: number): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`buyer-browser-proof:${orderId}:${until}`).digest("base64url").slice(0, 32);
}

/**
 * Where a placed order's buyer goes after the checkout: `orderPath` (the order page with its
 * key) by way of the route that remembers the order in this browser.
 */
export function boughtPath(orderPath: string, orderId: string, now = new Date()): string {
  const [path, query] = orderPath.split("?");
  const until = Math.floor((now.getTime() + BOUGHT_PROOF_MS) / 1000);
  const proof = new URLSearchParams({ until: String(until), proof: proofSignature(orderId, until) });
  return `${path}/bought?${query ? `${query}&` : ""}${proof}`;
}

/** Whether `until` and `proof` are a checkout's proof for `orderId`, and still fresh. */
export function isBoughtProof(orderId: string, until: string | null, proof: string | null, now = new Date()): boolean {
  const seconds = Number(until);
  if (!proof || !Number.isSafeInteger(seconds) || seconds * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(proofSignature(orderId, seconds));
  const given = Buffer.from(proof);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The orders the current request's browser bought within the last day. */
export async function ordersOfThisBrowser(now = new Date()): Promise<Set<string>> {
  return ordersInBuyerCookie((await cookies()).get(BUYER_ORDERS_COOKIE)?.value, now);
}
