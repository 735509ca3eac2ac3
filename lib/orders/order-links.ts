// The link to an order's page that works without signing in (the confirmation page, the
// button in the email): the order id with an HMAC, so it cannot be guessed from a number.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env";

function orderKey(orderId: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`order-link:${orderId}`).digest("base64url").slice(0, 32);
}

export function orderPath(orderId: string): string {
  return `/orders/${orderId}?key=${orderKey(orderId)}`;
}

/** Where Stripe sends a buyer who gives up: the order's hold is released there. */
export function orderCancelPath(orderId: string): string {
  return `/orders/${orderId}/cancel?key=${orderKey(orderId)}`;
}

export function orderUrl(orderId: string): string {
  return `${env().SITE_URL}${orderPath(orderId)}`;
}

export function isValidOrderKey(orderId: string, key: string | undefined | null): boolean {
  if (!key) return false;
  const expected = Buffer.from(orderKey(orderId));
  const given = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
