// The event of one ticket as a calendar file, for the signed-in owner only (anyone else gets a 404).
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { calendarResponseHeaders } from "@/lib/calendar/event-calendar";
import { accountTicketCalendar } from "@/lib/calendar/ticket-calendars";
import { requireUser } from "@/lib/guards";
import { asLocale } from "@/lib/i18n/locales";

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  // A route is a public endpoint: it checks the session itself.
  const user = await requireUser("/account/tickets");
  const [{ code }, locale] = await Promise.all([params, getLocale()]);
  const file = await accountTicketCalendar(user.id, code, asLocale(locale));
  if (!file) notFound();
  return new Response(file.body, { headers: calendarResponseHeaders(file) });
}
