// What makes two checkout submissions "the same purchase" for the idempotency key: the event,
// the lines, the buyer and the card. The card enters only as a keyed HMAC of its number and
// expiry, so the stored hash reveals nothing about it and cannot be checked against guesses
// without AUTH_SECRET; the CVC never enters at all.
import { createHash, createHmac } from "node:crypto";
import { env } from "../env";
import type { CardInput } from "../payments/provider";

export type RequestHashInput = {
  eventId: string;
  items: { ticketTypeId: string; quantity: number }[];
  buyerName: string;
  marketingOptIn: boolean;
  card?: CardInput;
};

// A key of its own, derived from AUTH_SECRET, so this HMAC can never stand in for a signature
// made with the secret elsewhere (order links, cookies).
function cardKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("checkout-card-fingerprint").digest();
}

/** "12/30", "12 / 2030" and "1/30" name the same month; anything else is kept as typed. */
function normaliseExpiry(expiry: string): string {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(expiry);
  if (!match) return expiry.replace(/\s+/g, "");
  const year = match[2].length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  return `${year}-${String(Number(match[1])).padStart(2, "0")}`;
}

/** A keyed fingerprint of the card: digits of the number and the expiry month, never the CVC. */
export function cardFingerprint(card: CardInput | undefined, secret = env().AUTH_SECRET): string | null {
  if (!card) return null;
  const digits = card.number.replace(/\D/g, "");
  return createHmac("sha256", cardKey(secret))
    .update(`${digits}\n${normaliseExpiry(card.expiry)}`)
    .digest("hex");
}

/** `email` is the normalised address. */
export function checkoutRequestHash(input: RequestHashInput, email: string, secret = env().AUTH_SECRET): string {
  const items = [...input.items].sort((a, b) => a.ticketTypeId.localeCompare(b.ticketTypeId));
  return createHash("sha256")
    .update(
      JSON.stringify([input.eventId, items, email, input.buyerName.trim(), input.marketingOptIn, cardFingerprint(input.card, secret)]),
    )
    .digest("hex");
}
