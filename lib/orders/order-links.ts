// The link to an order's page that works without signing in (the confirmation page, the
// button in the email): the order id with an HMAC, so it cannot be guessed from a number. The
// HMAC covers the buyer's address too, so correcting a misspelled address retires every link
// sent to the old one: whoever got those emails no longer sees the order or its new tickets.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env";

/** What a link is made for: the order, and the address it belongs to now. */
export type OrderLinkTarget = { id: string; buyerEmail: string };

function orderKey({ id, buyerEmail }: OrderLinkTarget): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`order-link:${id}:${buyerEmail}`).digest("base64url").slice(0, 32);
}

export function orderPath(order: OrderLinkTarget): string {
  return `/orders/${order.id}?key=${orderKey(order)}`;
}

/** Where Stripe sends a buyer who gives up: the order's hold is released there. */
export function orderCancelPath(order: OrderLinkTarget): string {
  return `/orders/${order.id}/cancel?key=${orderKey(order)}`;
}

export function orderUrl(order: OrderLinkTarget): string {
  return `${env().SITE_URL}${orderPath(order)}`;
}

export function isValidOrderKey(order: OrderLinkTarget, key: string | undefined | null): boolean {
  if (!key) return false;
  const expected = Buffer.from(orderKey(order));
  const given = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
