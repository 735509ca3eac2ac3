// "Avboka biljetter" on the order page (for whoever holds its signed link): the event's refund
// policy as it applies now, the form while it allows cancelling, and the refunds made so far.
import { randomBytes } from "node:crypto";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { formatDateTime, formatPrice, regionalLocale } from "@/lib/i18n/format";
import { getOrderRefundView } from "@/lib/refunds/queries";
import { cancelTicketsAction } from "@/app/[locale]/orders/[orderId]/refunds/actions";
import { CancelTicketsForm } from "./cancel-tickets-form";

export async function CancelTicketsSection({
  orderId,
  orderKey,
  timeZone,
  cancelled,
}: {
  orderId: string;
  orderKey: string;
  /** The event's zone: the deadline is shown in it. */
  timeZone: string;
  /** Just cancelled: the page came back from the form. */
  cancelled: boolean;
}) {
  const view = await getOrderRefundView(orderId);
  if (!view) return null;
  const [t, locale] = await Promise.all([getTranslations("Refunds"), getLocale()]);
  const price = (minor: number) => formatPrice(minor, view.currency, locale);
  const deadline = view.deadline
    ? formatDateTime(view.deadline, regionalLocale(locale), { dateStyle: "long", timeStyle: "short" }, timeZone)
    : null;
  const policyText = !view.policy.refundable
    ? t("policyNone")
    : !view.open
      ? t("policyClosed", { deadline: deadline ?? "" })
      : view.policy.feeKind === "FIXED" && view.policy.feeValue > 0
        ? t("policyOpenFixedFee", { deadline: deadline ?? "", fee: price(view.policy.feeValue) })
        : view.policy.feeKind === "PERCENT" && view.policy.feeValue > 0
          ? t("policyOpenPercentFee", {
              deadline: deadline ?? "",
              percent: (view.policy.feeValue / 100).toLocaleString(regionalLocale(locale)),
            })
          : t("policyOpen", { deadline: deadline ?? "" });
  const errors = {
    nothing_chosen: t("errors.nothing_chosen"),
    nothing_to_cancel: t("errors.nothing_to_cancel"),
    no_refunds: t("errors.no_refunds"),
    too_late: t("errors.too_late"),
    not_paid: t("errors.not_paid"),
  };

  return (
    <Card as="section" aria-labelledby="cancel-tickets-heading" className="flex flex-col gap-3 p-4 sm:p-6">
      <h2 id="cancel-tickets-heading" className="text-xl font-bold text-zinc-950">
        {t("heading")}
      </h2>
      {cancelled ? <Notice tone="success">{t("cancelledNotice")}</Notice> : null}
      <p className="text-zinc-800">{policyText}</p>
      {view.open && view.cancellable.length > 0 ? (
        <CancelTicketsForm
          action={cancelTicketsAction}
          orderId={orderId}
          orderKey={orderKey}
          requestKey={randomBytes(16).toString("base64url")}
          tickets={view.cancellable.map((ticket, index) => ({
            code: ticket.code,
            label: t("ticketOption", { index: index + 1, type: ticket.typeName, price: price(ticket.priceMinor) }),
          }))}
          texts={{ choose: t("choose"), submit: t("submit"), submitPending: t("submitPending"), errors }}
        />
      ) : view.open ? (
        <p className="text-zinc-700">{t("noneLeft")}</p>
      ) : null}
      {view.refunds.length > 0 ? (
        <>
          <h3 className="text-lg font-bold text-zinc-950">{t("history")}</h3>
          <ul className="flex flex-col gap-1 text-zinc-800">
            {view.refunds.map((refund) => (
              <li key={refund.id}>
                {t("historyLine", {
                  count: refund.ticketCount,
                  date: formatDateTime(refund.createdAt, regionalLocale(locale), { dateStyle: "medium" }, timeZone),
                  refund: price(refund.amountMinor),
                })}
                {refund.feeMinor > 0 ? ` ${t("historyFee", { fee: price(refund.feeMinor) })}` : ""} – {t(`status.${refund.status}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
