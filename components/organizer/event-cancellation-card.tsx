// The organizer's event page: the form that cancels the event (for members who may), or, once
// it is cancelled, how far the worker has come and which refunds are left to settle by hand.
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/link";
import { Card } from "@/components/ui/card";
import { messageParagraphs } from "@/emails/organizer-message";
import { CANCELLATION_MESSAGE_MAX, notCancellable } from "@/lib/event-cancellation/cancel-event";
import { countOrdersToCancel, getCancellationProgress } from "@/lib/event-cancellation/queries";
import { formatDateTime, formatPrice } from "@/lib/i18n/format";
import { cancelEventAction } from "@/app/[locale]/organizer/[organizerId]/events/actions";
import { CancelEventForm } from "./cancel-event-form";

type Props = {
  userId: string;
  organizerId: string;
  event: { id: string; title: string; status: string; endsAt: Date; timeZone: string };
  /** Whether the member's role allows cancelling (roles.ts: cancelEvent). */
  canCancel: boolean;
};

export async function EventCancellationCard({ userId, organizerId, event, canCancel }: Props) {
  const [t, locale] = await Promise.all([getTranslations("EventCancellation"), getLocale()]);
  if (event.status !== "CANCELLED") {
    // An event that has taken place cannot be called off (cancel-event.ts).
    if (!canCancel || notCancellable(event, new Date())) return null;
    const orders = await countOrdersToCancel(event.id);
    return (
      <Card as="section" aria-labelledby="cancel-event-heading" className="flex flex-col gap-4 border-red-200 p-4 sm:p-6">
        <h2 id="cancel-event-heading" className="text-xl font-bold text-zinc-950">
          {t("heading")}
        </h2>
        <p className="text-zinc-800">{t("intro", { orders })}</p>
        <CancelEventForm
          action={cancelEventAction.bind(null, { organizerId, eventId: event.id })}
          eventTitle={event.title}
          messageMax={CANCELLATION_MESSAGE_MAX}
        />
      </Card>
    );
  }

  const progress = await getCancellationProgress(userId, organizerId, event.id);
  if (!progress) return null;
  const running = progress.status === "RUNNING";
  return (
    <Card as="section" aria-labelledby="cancelled-heading" className="flex flex-col gap-4 p-4 sm:p-6">
      <h2 id="cancelled-heading" className="text-xl font-bold text-zinc-950">
        {t("cancelledHeading")}
      </h2>
      <p className="text-zinc-700">
        {t("cancelledBy", {
          when: formatDateTime(progress.createdAt, locale, { dateStyle: "medium", timeStyle: "short" }, event.timeZone),
          email: progress.cancelledByEmail,
        })}
      </p>
      <div className="flex flex-col gap-2">
        <label htmlFor="cancel-progress" className="font-semibold text-zinc-900">
          {t("progressLabel")}
        </label>
        <progress
          id="cancel-progress"
          max={Math.max(progress.total, 1)}
          value={progress.total === 0 ? 1 : progress.done}
          className="w-full"
        />
        <p className="text-zinc-900">{t("progress", { done: progress.done, total: progress.total })}</p>
        <ul className="flex flex-col gap-1 text-zinc-800">
          <li>{t("refunded", { count: progress.refunds.succeeded })}</li>
          {progress.refunds.pending > 0 ? <li>{t("pending", { count: progress.refunds.pending })}</li> : null}
          {progress.refunds.failed > 0 ? (
            <li className="font-semibold text-red-800">{t("failed", { count: progress.refunds.failed })}</li>
          ) : null}
        </ul>
        <p role="status" className="text-zinc-700">
          {running ? t("running") : t("done")}
        </p>
      </div>
      {progress.failed.length > 0 ? (
        <div className="flex flex-col gap-2">
          <h3 className="text-lg font-bold text-zinc-950">{t("failedHeading")}</h3>
          <p className="text-zinc-700">{t("failedHint")}</p>
          <ul className="flex flex-col gap-1">
            {progress.failed.map((order) => (
              <li key={order.orderId}>
                <Link href={`/organizer/${organizerId}/orders/${order.orderId}`} className="text-indigo-800 underline underline-offset-4">
                  {t("failedOrder", { number: order.orderNumber, amount: formatPrice(order.amountMinor, order.currency, locale) })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-col gap-2">
        <h3 className="text-lg font-bold text-zinc-950">{t("messageHeading")}</h3>
        <blockquote className="border-l-4 border-zinc-300 pl-4 text-zinc-800">
          {messageParagraphs(progress.message).map((lines, index) => (
            <p key={index}>
              {lines.map((line, lineIndex) => (
                <span key={lineIndex}>
                  {lineIndex > 0 ? <br /> : null}
                  {line}
                </span>
              ))}
            </p>
          ))}
        </blockquote>
      </div>
    </Card>
  );
}
