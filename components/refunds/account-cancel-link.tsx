// "Avboka biljetter" on an order in "My tickets": a link to the order's page (its signed link),
// where the cancelling happens, shown only while the event's refund policy allows it. The page
// lists only orders the account holds (lib/ownership/holdings.ts).
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/link";
import { accountCancelPath } from "@/lib/refunds/queries";

export async function AccountCancelLink({ orderId, eventTitle }: { orderId: string; eventTitle: string }) {
  const path = await accountCancelPath(orderId);
  if (!path) return null;
  const t = await getTranslations("Refunds");
  return (
    <Link
      href={`${path}#cancel-tickets-heading`}
      className="self-start font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950"
    >
      {t("heading")}
      <span className="sr-only"> {t("accountLinkContext", { title: eventTitle })}</span>
    </Link>
  );
}
