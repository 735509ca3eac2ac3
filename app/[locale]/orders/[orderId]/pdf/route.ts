// The whole order's tickets as a PDF, for whoever holds the order's signed link (?key=), as
// its page is; without the right key, or for an order with no valid ticket, a 404.
import { notFound } from "next/navigation";
import { asLocale } from "@/lib/i18n/locales";
import { isValidOrderKey } from "@/lib/orders/order-links";
import { getOrderForConfirmation } from "@/lib/orders/queries";
import { pdfResponseHeaders } from "@/lib/tickets/documents";
import { guestOrderPdf } from "@/lib/tickets/guest-ticket-pdf";

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; orderId: string }> }) {
  const { locale, orderId } = await params;
  // A route is a public endpoint: it checks the order's key itself, as the order page does.
  const order = await getOrderForConfirmation(orderId);
  if (!order || !isValidOrderKey(order, new URL(request.url).searchParams.get("key"))) notFound();
  const file = await guestOrderPdf(order, asLocale(locale));
  if (!file) notFound();
  return new Response(new Uint8Array(file.body), { headers: pdfResponseHeaders(file) });
}
