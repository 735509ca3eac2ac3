// The order's event as a calendar file, for whoever holds the order's signed link (?key=), as
// its page and PDFs are; without the right key, or for an order with no valid ticket, a 404.
import { notFound } from "next/navigation";
import { calendarResponseHeaders } from "@/lib/calendar/event-calendar";
import { guestOrderCalendar } from "@/lib/calendar/ticket-calendars";
import { asLocale } from "@/lib/i18n/locales";
import { isValidOrderKey } from "@/lib/orders/order-links";
import { getOrderForConfirmation } from "@/lib/orders/queries";

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; orderId: string }> }) {
  const { locale, orderId } = await params;
  // A route is a public endpoint: it checks the order's key itself, as the order page does.
  const order = await getOrderForConfirmation(orderId);
  if (!order || !isValidOrderKey(order, new URL(request.url).searchParams.get("key"))) notFound();
  const file = await guestOrderCalendar(order, asLocale(locale));
  if (!file) notFound();
  return new Response(file.body, { headers: calendarResponseHeaders(file) });
}
