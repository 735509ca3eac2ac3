// The link to a passed-on ticket that works without signing in (the email to its new holder):
// the transfer's id with an HMAC over it and the address it went to, so it cannot be guessed.
// The link shows the ticket only while that transfer is the ticket's latest: once its holder
// passes it on again, the same link says so instead (lib/transfers/queries.ts).
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env";

/** What a link is made for: one transfer, and the (normalised) address it went to. */
export type TicketLinkTarget = { id: string; toEmail: string };

function ticketKey({ id, toEmail }: TicketLinkTarget): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`ticket-link:${id}:${toEmail}`).digest("base64url").slice(0, 32);
}

export function ticketLinkPath(transfer: TicketLinkTarget): string {
  return `/tickets/${transfer.id}?key=${ticketKey(transfer)}`;
}

export function ticketLinkUrl(transfer: TicketLinkTarget): string {
  return `${env().SITE_URL}${ticketLinkPath(transfer)}`;
}

export function isValidTicketKey(transfer: TicketLinkTarget, key: string | undefined | null): boolean {
  if (!key) return false;
  const expected = Buffer.from(ticketKey(transfer));
  const given = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
