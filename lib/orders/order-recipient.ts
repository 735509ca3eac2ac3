// Who the emails about an order go to. The order's buyerEmail is the address used at purchase
// and stays as history; once the order belongs to an account, everything about it follows the
// account, so a changed address is where messages, resends and reminders arrive.
import { normaliseEmail } from "../accounts/email-address";

export type OrderForRecipient = {
  buyerEmail: string;
  buyerName: string;
  user: { email: string; name: string | null } | null;
};

export type OrderRecipient = { email: string; name: string | null };

/** The account's current address and name; the purchase's address without an account. */
export function orderRecipient(order: OrderForRecipient): OrderRecipient {
  if (order.user) return { email: order.user.email, name: order.user.name?.trim() || order.buyerName.trim() || null };
  return { email: normaliseEmail(order.buyerEmail), name: order.buyerName.trim() || null };
}
