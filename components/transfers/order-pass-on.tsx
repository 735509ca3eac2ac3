// The order page's part for passing tickets on: the tickets the buyer passed on, and the form
// for one of the rest, while the organizer allows it and the cut-off has not come. The order's
// signed key travels in the form; the action checks it again.
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { passTicketOnFromOrderAction } from "@/app/[locale]/orders/[orderId]/pass-on/actions";
import { formatDateTime } from "@/lib/i18n/format";
import { getOrderTransferPanel } from "@/lib/transfers/queries";
import { PassedOnList } from "./passed-on-list";
import { PassOnForm } from "./pass-on-form";
import { passOnFormTexts } from "./pass-on-texts";

export async function OrderPassOn({ orderId, orderKey, timeZone }: { orderId: string; orderKey: string; timeZone: string }) {
  const panel = await getOrderTransferPanel(orderId);
  if (!panel || (panel.passable.length === 0 && panel.passedOn.length === 0)) return null;
  const [t, locale] = await Promise.all([getTranslations("Transfers"), getLocale()]);
  const deadline = formatDateTime(panel.window.deadline, locale, { dateStyle: "long", timeStyle: "short" }, timeZone);
  return (
    <Card as="section" aria-labelledby="order-pass-on-title" className="flex flex-col gap-4 p-4 sm:p-6">
      <h2 id="order-pass-on-title" className="text-xl font-bold text-zinc-950">
        {t("heading")}
      </h2>
      <PassedOnList tickets={panel.passedOn} timeZone={timeZone} headingLevel={3} />
      {panel.passable.length > 0 ? (
        !panel.window.allowed ? (
          <p className="text-zinc-800">{t("notAllowed")}</p>
        ) : !panel.window.open ? (
          <p className="text-zinc-800">{t("closedInfo")}</p>
        ) : (
          <>
            <p className="text-zinc-800">{t("intro")}</p>
            <p className="text-zinc-800">{t("deadline", { deadline })}</p>
            <PassOnForm
              action={passTicketOnFromOrderAction}
              hidden={{ orderId, key: orderKey }}
              tickets={panel.passable.map((ticket, index) => ({
                code: ticket.code,
                label: t("ticketOption", { index: index + 1, type: ticket.typeName }),
              }))}
              texts={await passOnFormTexts()}
            />
          </>
        )
      ) : null}
    </Card>
  );
}
