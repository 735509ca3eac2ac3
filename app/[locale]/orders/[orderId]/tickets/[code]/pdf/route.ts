// One ticket of an order as a PDF, for whoever holds the order's signed link (?key=), as its
// page is; without the right key, or for a ticket that is not the order's or not valid, a 404.
import { notFound } from "next/navigation";
import { asLocale } from "@/lib/i18n/locales";
import { isValidOrderKey } from "@/lib/orders/order-links";
import { getOrderForConfirmation } from "@/lib/orders/queries";
import { pdfResponseHeaders } from "@/lib/tickets/documents";
import { guestTicketPdf } from "@/lib/tickets/guest-ticket-pdf";

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; orderId: string; code: string }> }) {
  const { locale, orderId, code } = await params;
  // A route is a public endpoint: it checks the order's key itself, as the order page does.
  const order = await getOrderForConfirmation(orderId);
  if (!order || !isValidOrderKey(order, new URL(request.url).searchParams.get("key"))) notFound();
  const file = await guestTicketPdf(order, code, asLocale(locale));
  if (!file) notFound();
  return new Response(new Uint8Array(file.body), { headers: pdfResponseHeaders(file) });
}
