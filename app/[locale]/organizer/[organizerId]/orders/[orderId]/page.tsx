import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatEventDateRange, formatPrice } from "@/lib/i18n/format";
import { requireOrganizerMember } from "@/lib/guards";
import { getOrganizerOrder } from "@/lib/organizers/corrections/order-correction";
import { correctOrderEmailAction } from "./actions";
import { CorrectionForm } from "./correction-form";
import { PageHeader } from "@/components/ui/page-header";
import { OrganizerRefunds } from "@/components/refunds/organizer-refunds";

type Props = {
  params: Promise<{ organizerId: string; orderId: string }>;
  searchParams: Promise<{ corrected?: string | string[] }>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OrderCorrection");
  return { title: t("pageTitle"), robots: { index: false } };
}

export const dynamic = "force-dynamic";

export default async function OrganizerOrderPage({ params, searchParams }: Props) {
  const [{ organizerId, orderId }, { corrected }] = await Promise.all([params, searchParams]);
  const path = `/organizer/${organizerId}/orders/${orderId}`;
  const { user } = await requireOrganizerMember(organizerId, { permission: "viewEvents", returnPath: path });
  const order = await getOrganizerOrder(user.id, organizerId, orderId);
  if (!order) notFound();
  const [t, locale] = await Promise.all([getTranslations("OrderCorrection"), getLocale()]);
  const zone = order.event.timeZone;
  const at = (date: Date) => formatDateTime(date, locale, { dateStyle: "medium", timeStyle: "short" }, zone);
  const justCorrected = typeof corrected === "string" ? order.emailChanges.find((change) => change.id === corrected) : undefined;

  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <PageHeader
        back={{ href: `/organizer/${organizerId}`, label: t("backToOrganizer") }}
        heading={t("heading", { number: order.number })}
      />
      {justCorrected ? <Notice tone="success">{t("correctedNotice", { email: justCorrected.toEmail })}</Notice> : null}

      <Card as="section" aria-labelledby="order-details" className="flex flex-col gap-4 p-4 sm:p-6">
        <h2 id="order-details" className="text-xl font-bold text-zinc-950">
          {t("detailsHeading")}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold text-zinc-700">{t("buyer")}</dt>
          <dd className="text-zinc-950">{order.buyerName}</dd>
          <dt className="font-semibold text-zinc-700">{t("email")}</dt>
          <dd className="break-all text-zinc-950">{order.buyerEmail}</dd>
          <dt className="font-semibold text-zinc-700">{t("status")}</dt>
          <dd>
            <Badge tone={order.status === "PAID" ? "success" : "neutral"}>{t(`statuses.${order.status}`)}</Badge>
          </dd>
          <dt className="font-semibold text-zinc-700">{t("event")}</dt>
          <dd className="text-zinc-950">
            {order.event.title}, {formatEventDateRange(order.event.startsAt, order.event.endsAt, locale, zone)}
          </dd>
          {order.paidAt ? (
            <>
              <dt className="font-semibold text-zinc-700">{t("paidAt")}</dt>
              <dd className="text-zinc-950">{at(order.paidAt)}</dd>
            </>
          ) : null}
          <dt className="font-semibold text-zinc-700">{t("total")}</dt>
          <dd className="text-zinc-950">{formatPrice(order.totalMinor, order.currency, locale)}</dd>
        </dl>
        <h3 className="text-lg font-bold text-zinc-950">{t("itemsHeading")}</h3>
        <ul className="list-disc pl-5 text-zinc-950">
          {order.items.map((item) => (
            <li key={item.ticketType.name}>
              {t("itemLine", { quantity: item.quantity, name: item.ticketType.name })} (
              {formatPrice(item.unitPriceMinor, order.currency, locale)})
            </li>
          ))}
        </ul>
        {order.tickets.length > 0 ? (
          <>
            <h3 className="text-lg font-bold text-zinc-950">{t("ticketsHeading")}</h3>
            <ul className="flex flex-col gap-1">
              {order.tickets.map((ticket) => (
                <li key={ticket.code} className="flex flex-wrap items-center gap-2">
                  <code className="font-mono text-zinc-950">{ticket.code}</code>
                  <span className="text-zinc-700">{ticket.ticketType.name}</span>
                  {ticket.status === "VOID" ? (
                    <Badge tone="danger">{t("ticketVoid")}</Badge>
                  ) : ticket.checkedInAt ? (
                    <Badge tone="brand">{t("ticketCheckedIn", { time: at(ticket.checkedInAt) })}</Badge>
                  ) : (
                    <Badge tone="success">{t("ticketValid")}</Badge>
                  )}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Card>

      <OrganizerRefunds orderId={order.id} timeZone={zone} />

      <Card as="section" aria-labelledby="email-history" className="flex flex-col gap-3 p-4 sm:p-6">
        <h2 id="email-history" className="text-xl font-bold text-zinc-950">
          {t("historyHeading")}
        </h2>
        {order.emailChanges.length === 0 ? (
          <p className="text-zinc-700">{t("historyEmpty")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {order.emailChanges.map((change) => (
              <li key={change.id} className="flex flex-col">
                <span className="break-all text-zinc-950">
                  {t("historyEntry", { when: at(change.createdAt), from: change.fromEmail, to: change.toEmail })}
                </span>
                <span className="text-sm text-zinc-700">{t("historyBy", { source: change.source, who: change.changedByEmail })}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card as="section" aria-labelledby="correct-email" className="flex flex-col gap-3 p-4 sm:p-6">
        <h2 id="correct-email" className="text-xl font-bold text-zinc-950">
          {t("formHeading")}
        </h2>
        {!order.canCorrect ? (
          <Notice tone="neutral">{t("staffNotice")}</Notice>
        ) : order.status !== "PAID" ? (
          <Notice tone="neutral">{t("notPaidNotice")}</Notice>
        ) : (
          <>
            <p className="text-zinc-700">{t("formIntro")}</p>
            {/* Bound here, not in the client component: see tests/components/server-action-binding.test.ts. */}
            <CorrectionForm action={correctOrderEmailAction.bind(null, { organizerId, orderId: order.id })} />
          </>
        )}
      </Card>
    </div>
  );
}
