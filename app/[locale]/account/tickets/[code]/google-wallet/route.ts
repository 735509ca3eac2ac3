// "Save to Google Wallet" for one ticket, for the signed-in owner only: signs the ticket's JWT
// now and sends the browser on to Google. Anyone else gets a 404, as does everyone on a site
// without Google Wallet settings.
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { requireUser } from "@/lib/guards";
import { asLocale } from "@/lib/i18n/locales";
import { googleWalletEnabled, googleWalletSaveUrl } from "@/lib/wallet/google-pass";
import { accountWalletTicket } from "@/lib/wallet/ticket-passes";

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  // A route is a public endpoint: it checks the session itself.
  const user = await requireUser("/account/tickets");
  if (!googleWalletEnabled()) notFound();
  const [{ code }, locale] = await Promise.all([params, getLocale()]);
  const ticket = await accountWalletTicket(user.id, code, asLocale(locale));
  const url = ticket ? await googleWalletSaveUrl(asLocale(locale), ticket) : null;
  if (!url) notFound();
  return new Response(null, {
    status: 303,
    headers: { Location: url, "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" },
  });
}
