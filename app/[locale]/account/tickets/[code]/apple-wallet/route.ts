// One ticket as an Apple Wallet pass, for the signed-in owner only (anyone else gets a 404, as
// does everyone on a site without Apple Wallet settings).
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { requireUser } from "@/lib/guards";
import { asLocale } from "@/lib/i18n/locales";
import { appleWalletEnabled, appleWalletPass, walletPassResponseHeaders } from "@/lib/wallet/apple-pass";
import { accountWalletTicket } from "@/lib/wallet/ticket-passes";

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  // A route is a public endpoint: it checks the session itself.
  const user = await requireUser("/account/tickets");
  if (!appleWalletEnabled()) notFound();
  const [{ code }, locale] = await Promise.all([params, getLocale()]);
  const ticket = await accountWalletTicket(user.id, code, asLocale(locale));
  const file = ticket ? await appleWalletPass(asLocale(locale), ticket) : null;
  if (!file) notFound();
  return new Response(new Uint8Array(file.body), { headers: walletPassResponseHeaders(file) });
}
