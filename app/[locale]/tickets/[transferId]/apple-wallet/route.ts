// A passed-on ticket as an Apple Wallet pass, for its current holder through the signed link
// (?key=) of its page; a 404 for a wrong key, a link passed on again, a ticket that cannot be
// used, and on a site without Apple Wallet settings.
import { notFound } from "next/navigation";
import { asLocale } from "@/lib/i18n/locales";
import { linkedWalletTicket } from "@/lib/transfers/linked-ticket-files";
import { getTicketByLink } from "@/lib/transfers/queries";
import { appleWalletEnabled, appleWalletPass, walletPassResponseHeaders } from "@/lib/wallet/apple-pass";

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; transferId: string }> }) {
  if (!appleWalletEnabled()) notFound();
  const { locale, transferId } = await params;
  // A route is a public endpoint: the key is checked here, as the page checks it.
  const key = new URL(request.url).searchParams.get("key") ?? "";
  const linked = await getTicketByLink(transferId, key);
  const ticket = linkedWalletTicket(linked, key, asLocale(locale));
  const file = ticket ? await appleWalletPass(asLocale(locale), ticket) : null;
  if (!file) notFound();
  return new Response(new Uint8Array(file.body), { headers: walletPassResponseHeaders(file) });
}
