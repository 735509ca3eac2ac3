// The links a waiting-list email carries: to the offer's checkout and to leaving the list. Each
// is the entry's id with an HMAC for its purpose (and the entry's address), so one link cannot
// be made from another and neither can be guessed from an id.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env";

export type WaitingListLinkPurpose = "offer" | "leave";
export type WaitingListLinkTarget = { id: string; email: string };

function linkKey(purpose: WaitingListLinkPurpose, { id, email }: WaitingListLinkTarget): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`waiting-list-${purpose}:${id}:${email}`).digest("base64url").slice(0, 32);
}

export function isValidWaitingListKey(
  purpose: WaitingListLinkPurpose,
  entry: WaitingListLinkTarget,
  key: string | undefined | null,
): boolean {
  if (!key) return false;
  const expected = Buffer.from(linkKey(purpose, entry));
  const given = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The checkout of an offer: the offered tickets, held for whoever has this link. */
export function offerPath(entry: WaitingListLinkTarget, eventSlug: string): string {
  return `/events/${encodeURIComponent(eventSlug)}/checkout/offer?entry=${entry.id}&key=${linkKey("offer", entry)}`;
}

/** A page with one button that takes the entry off its list (a GET changes nothing). */
export function leavePath(entry: WaitingListLinkTarget): string {
  return `/waiting-list/leave?entry=${entry.id}&key=${linkKey("leave", entry)}`;
}
