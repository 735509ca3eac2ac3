import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { isValidOrderKey, orderPath } from "@/lib/orders/order-links";
import { getOrderForConfirmation } from "@/lib/orders/queries";
import { cancelOrderAction } from "./actions";

type Props = {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<{ key?: string | string[]; outcome?: string | string[] }>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OrderCancelPage");
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "strict-origin" };
}

/** Where the payment page sends a buyer who gave up. Showing it changes nothing; the button does. */
export default async function OrderCancelPage({ params, searchParams }: Props) {
  const [{ orderId }, query] = await Promise.all([params, searchParams]);
  const key = Array.isArray(query.key) ? query.key[0] : query.key;
  const order = key ? await getOrderForConfirmation(orderId) : null;
  if (!order || !isValidOrderKey(order, key)) notFound();
  const t = await getTranslations("OrderCancelPage");
  const eventPath = `/events/${order.event.slug}`;

  // Set by the cancel action only; a visitor who edits it changes the wording, never the order.
  const outcome = Array.isArray(query.outcome) ? query.outcome[0] : query.outcome;
  const processing = order.status === "PENDING" && outcome === "processing";
  const unavailable = order.status === "PENDING" && outcome === "unavailable";

  let heading: string;
  let body: string;
  if (processing) {
    heading = t("processingHeading");
    body = t("processingBody");
  } else if (order.status === "PENDING") {
    heading = t("pendingHeading");
    body = t("pendingBody");
  } else if (order.status === "PAID") {
    heading = t("paidHeading");
    body = t("paidBody");
  } else {
    heading = t("cancelledHeading");
    body = t("cancelledBody");
  }

  return (
    <div className="mx-auto flex max-w-2xl flex-col items-start gap-4 px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{heading}</h1>
      <p className="text-lg text-zinc-800">{body}</p>
      {unavailable ? <Notice tone="warning">{t("unavailable")}</Notice> : null}
      <p className="text-zinc-700">{t("order", { number: order.number, event: order.event.title })}</p>
      <div className="flex flex-col gap-3 sm:flex-row">
        {order.status === "PENDING" && !processing ? (
          <form action={cancelOrderAction}>
            <input type="hidden" name="orderId" value={order.id} />
            <input type="hidden" name="key" value={key} />
            <Button type="submit">{t("release")}</Button>
          </form>
        ) : null}
        {order.status === "PAID" ? (
          <Button href={orderPath(order)}>{t("showTickets")}</Button>
        ) : (
          <Button href={eventPath} variant={order.status === "PENDING" ? "secondary" : "primary"}>
            {t("backToEvent")}
          </Button>
        )}
      </div>
    </div>
  );
}
