// "Save to Google Wallet" for one ticket of an order, for whoever holds the order's signed link
// (?key=): signs the ticket's JWT now and sends the browser on to Google. A 404 without the
// right key, for a ticket that is not the order's or not valid, and on a site without settings.
import { notFound } from "next/navigation";
import { asLocale } from "@/lib/i18n/locales";
import { isValidOrderKey } from "@/lib/orders/order-links";
import { getOrderForConfirmation } from "@/lib/orders/queries";
import { googleWalletEnabled, googleWalletSaveUrl } from "@/lib/wallet/google-pass";
import { guestWalletTicket } from "@/lib/wallet/ticket-passes";

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; orderId: string; code: string }> }) {
  if (!googleWalletEnabled()) notFound();
  const { locale, orderId, code } = await params;
  // A route is a public endpoint: it checks the order's key itself, as the order page does.
  const order = await getOrderForConfirmation(orderId);
  if (!order || !isValidOrderKey(order, new URL(request.url).searchParams.get("key"))) notFound();
  const ticket = await guestWalletTicket(order, code, asLocale(locale));
  const url = ticket ? await googleWalletSaveUrl(asLocale(locale), ticket) : null;
  if (!url) notFound();
  // The address carries the ticket: no cache keeps it, and Google is not told where it came from.
  return new Response(null, {
    status: 303,
    headers: { Location: url, "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" },
  });
}
