// One ticket of an order as an Apple Wallet pass, for whoever holds the order's signed link
// (?key=), as its page and PDFs are. A 404 without the right key, for a ticket that is not the
// order's or not valid, and on a site without Apple Wallet settings.
import { notFound } from "next/navigation";
import { asLocale } from "@/lib/i18n/locales";
import { isValidOrderKey } from "@/lib/orders/order-links";
import { getOrderForConfirmation } from "@/lib/orders/queries";
import { appleWalletEnabled, appleWalletPass, walletPassResponseHeaders } from "@/lib/wallet/apple-pass";
import { guestWalletTicket } from "@/lib/wallet/ticket-passes";

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; orderId: string; code: string }> }) {
  if (!appleWalletEnabled()) notFound();
  const { locale, orderId, code } = await params;
  // A route is a public endpoint: it checks the order's key itself, as the order page does.
  const order = await getOrderForConfirmation(orderId);
  if (!order || !isValidOrderKey(order, new URL(request.url).searchParams.get("key"))) notFound();
  const ticket = await guestWalletTicket(order, code, asLocale(locale));
  const file = ticket ? await appleWalletPass(asLocale(locale), ticket) : null;
  if (!file) notFound();
  return new Response(new Uint8Array(file.body), { headers: walletPassResponseHeaders(file) });
}
