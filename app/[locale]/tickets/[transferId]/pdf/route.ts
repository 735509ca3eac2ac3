// A passed-on ticket as a PDF, for its current holder through the signed link (?key=) of its
// page; a 404 for a wrong key, a link its holder passed on again, or a ticket that cannot be used.
import { notFound } from "next/navigation";
import { asLocale } from "@/lib/i18n/locales";
import { pdfResponseHeaders } from "@/lib/tickets/documents";
import { linkedTicketPdf } from "@/lib/transfers/linked-ticket-files";
import { getTicketByLink } from "@/lib/transfers/queries";

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; transferId: string }> }) {
  const { locale, transferId } = await params;
  // A route is a public endpoint: the key is checked here, as the page checks it.
  const key = new URL(request.url).searchParams.get("key") ?? "";
  const linked = await getTicketByLink(transferId, key);
  const file = await linkedTicketPdf(linked, asLocale(locale));
  if (!file) notFound();
  return new Response(new Uint8Array(file.body), { headers: pdfResponseHeaders(file) });
}
