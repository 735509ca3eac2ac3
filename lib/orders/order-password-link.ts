// "Choose a password" on an order's confirmation page: one click emails a link to the order's
// address that signs its owner in on the set-password page. Only whoever holds the order's
// signed link may ask, and the answer is the same whatever the account behind the address is
// like (none, without a password, with one): the sending, its rate limits and its even timing
// are the forgot-password page's (lib/auth/request-link.ts).
import "server-only";
import { requestSignInLink, type SendSignInLink } from "../auth/request-link";
import { isValidOrderKey } from "./order-links";
import { findOrderLinkTarget } from "./queries";

export type OrderPasswordLinkResult =
  { ok: true; email: string } | { ok: false; error: "not_found" } | { ok: false; error: "rate_limited"; retryAfterMs: number };

export async function requestOrderPasswordLink(
  {
    orderId,
    key,
    callbackPath,
    clientAddress,
    now,
  }: {
    orderId: string;
    key: string;
    /** lib/auth/magic-link's SET_PASSWORD_LINK_PATH in the reader's language: its email then says it is for choosing a password. */
    callbackPath: string;
    clientAddress: string;
    now?: Date;
  },
  options: { sendLink?: SendSignInLink; minDurationMs?: number } = {},
): Promise<OrderPasswordLinkResult> {
  const order = await findOrderLinkTarget(orderId);
  // Without the right key the order does not exist, as on its page.
  if (!order || !isValidOrderKey(order, key)) return { ok: false, error: "not_found" };
  const sent = await requestSignInLink({ email: order.buyerEmail, callbackPath, clientAddress, now }, options);
  if (sent.ok) return { ok: true, email: order.buyerEmail };
  if (sent.reason === "rate_limited") return { ok: false, error: "rate_limited", retryAfterMs: sent.retryAfterMs };
  // Checkout accepted the address with the same parser, so this is a bug, not the buyer's doing.
  throw new Error("An order's address was refused for a sign-in link");
}
