// One ticket as a PDF, for the signed-in owner only (anyone else gets a 404).
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { asLocale } from "@/lib/i18n/locales";
import { accountTicketPdf } from "@/lib/tickets/account-ticket-pdf";
import { pdfResponseHeaders } from "@/lib/tickets/documents";
import { requireUser } from "@/lib/guards";

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  // A route is a public endpoint: it checks the session itself.
  const user = await requireUser("/account/tickets");
  const [{ code }, locale] = await Promise.all([params, getLocale()]);
  const file = await accountTicketPdf(user.id, code, asLocale(locale));
  if (!file) notFound();
  return new Response(new Uint8Array(file.body), { headers: pdfResponseHeaders(file) });
}
