// "Save to Google Wallet" for a passed-on ticket, for its current holder through the signed
// link (?key=) of its page: signs the ticket's JWT now and sends the browser on to Google. A 404
// for a wrong key, a link passed on again, a ticket that cannot be used, and without settings.
import { notFound } from "next/navigation";
import { asLocale } from "@/lib/i18n/locales";
import { linkedWalletTicket } from "@/lib/transfers/linked-ticket-files";
import { getTicketByLink } from "@/lib/transfers/queries";
import { googleWalletEnabled, googleWalletSaveUrl } from "@/lib/wallet/google-pass";

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; transferId: string }> }) {
  if (!googleWalletEnabled()) notFound();
  const { locale, transferId } = await params;
  // A route is a public endpoint: the key is checked here, as the page checks it.
  const key = new URL(request.url).searchParams.get("key") ?? "";
  const linked = await getTicketByLink(transferId, key);
  const ticket = linkedWalletTicket(linked, key, asLocale(locale));
  const url = ticket ? await googleWalletSaveUrl(asLocale(locale), ticket) : null;
  if (!url) notFound();
  // The address carries the ticket: no cache keeps it, and Google is not told where it came from.
  return new Response(null, {
    status: 303,
    headers: { Location: url, "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" },
  });
}
