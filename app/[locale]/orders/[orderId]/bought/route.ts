// Where a checkout sends its buyer: remembers the order in this browser (the cookie that lets
// it correct a misspelled address, lib/orders/buyer-browser.ts) when the checkout's proof is
// right and fresh, then sends the browser on to the order page with the order's key. Without a
// valid proof it only sends it on: the order page checks the key itself, as always.
import { notFound } from "next/navigation";
import { isUuid } from "@/lib/ids";
import { localizePath } from "@/lib/i18n/paths";
import { asLocale } from "@/lib/i18n/locales";
import { isBoughtProof, rememberOrderInThisBrowser } from "@/lib/orders/buyer-browser";

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; orderId: string }> }) {
  const { locale, orderId } = await params;
  if (!isUuid(orderId)) notFound();
  const query = new URL(request.url).searchParams;
  if (isBoughtProof(orderId, query.get("until"), query.get("proof"))) await rememberOrderInThisBrowser(orderId);
  const orderPage = localizePath(`/orders/${orderId}?${new URLSearchParams({ key: query.get("key") ?? "" })}`, asLocale(locale));
  return new Response(null, { status: 303, headers: { location: orderPage, "cache-control": "no-store" } });
}
