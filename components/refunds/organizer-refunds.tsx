// The organizer's order page: what the buyer cancelled and what was paid back. The page has
// checked the member and that the order is the organizer's before this is drawn.
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatPrice } from "@/lib/i18n/format";
import { getOrderRefundView } from "@/lib/refunds/queries";

export async function OrganizerRefunds({ orderId, timeZone }: { orderId: string; timeZone: string }) {
  const view = await getOrderRefundView(orderId);
  if (!view) return null;
  const [t, tc, locale] = await Promise.all([getTranslations("Refunds"), getTranslations("EventCancellation"), getLocale()]);
  const price = (minor: number) => formatPrice(minor, view.currency, locale);
  return (
    <Card as="section" aria-labelledby="order-refunds" className="flex flex-col gap-3 p-4 sm:p-6">
      <h2 id="order-refunds" className="text-xl font-bold text-zinc-950">
        {t("organizerHeading")}
      </h2>
      {view.refunds.length === 0 ? (
        <p className="text-zinc-700">{t("organizerEmpty")}</p>
      ) : (
        <ul className="flex flex-col gap-2 text-zinc-900">
          {view.refunds.map((refund) => (
            <li key={refund.id}>
              {refund.requestedBy === "organizer"
                ? tc("organizerRefundLine", {
                    when: formatDateTime(refund.createdAt, locale, { dateStyle: "medium", timeStyle: "short" }, timeZone),
                    count: refund.ticketCount,
                    refund: price(refund.amountMinor),
                  })
                : t("organizerLine", {
                    when: formatDateTime(refund.createdAt, locale, { dateStyle: "medium", timeStyle: "short" }, timeZone),
                    count: refund.ticketCount,
                    refund: price(refund.amountMinor),
                    fee: price(refund.feeMinor),
                  })}{" "}
              – {t(`status.${refund.status}`)}
              {refund.failureReason !== null ? (
                <>
                  {" "}
                  <strong className="font-semibold">{t("organizerFailed", { reason: refund.failureReason || "–" })}</strong>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
