import type { ReactNode } from "react";
import { Link } from "@/components/i18n/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { formatEventDateRange, formatEventDate, formatEventTime } from "@/lib/i18n/format";
import { isUsableTicket, orderHasUsableTickets, type AccountOrder } from "@/lib/tickets/account-tickets";
import { OrderStatusBadge } from "./order-status-badge";

const linkClasses = "font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950";

/**
 * One order in "My tickets": the event, the order and its tickets, with links to each ticket,
 * its PDF and the whole order's PDF. A cancelled or refunded order shows no links at all.
 * `children` is the order's actions (the resend form), rendered only for a paid order.
 */
export async function AccountOrderCard({ order, children }: { order: AccountOrder; children?: ReactNode }) {
  const [t, status, locale] = await Promise.all([getTranslations("Tickets.order"), getTranslations("Tickets.status"), getLocale()]);
  const usable = orderHasUsableTickets(order);
  const titleId = `order-${order.id}-title`;
  const { event } = order;

  return (
    <Card as="li" aria-labelledby={titleId} className="flex flex-col gap-4 p-4 sm:p-6">
      <div className="flex flex-col gap-1">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h3 id={titleId} className="text-xl font-bold text-zinc-950">
            <Link href={`/events/${event.slug}`} className="hover:underline">
              {event.title}
            </Link>
          </h3>
          <OrderStatusBadge status={order.status} />
        </div>
        <p className="font-semibold text-indigo-800">
          <time dateTime={event.startsAt}>{formatEventDateRange(event.startsAt, event.endsAt, locale, event.timeZone)}</time>
        </p>
        <p className="text-zinc-700">{t("place", { venue: event.venue, city: event.city })}</p>
        <p className="text-zinc-700">{t("organizer", { name: event.organizerName })}</p>
        <p className="text-sm text-zinc-700">{t("orderNumber", { number: order.number })}</p>
      </div>

      {!usable ? (
        <p className="rounded-lg border border-red-700 bg-red-50 px-4 py-3 text-red-900">
          {order.status === "REFUNDED" ? t("refundedNote") : t("cancelledNote")}
        </p>
      ) : null}

      <div className="flex flex-col gap-2">
        <h4 className="font-semibold text-zinc-900">{t("ticketsHeading", { count: order.tickets.length })}</h4>
        <ul className="flex flex-col divide-y divide-zinc-200 rounded-lg border border-zinc-200">
          {order.tickets.map((ticket) => {
            const ticketUsable = isUsableTicket(ticket, order);
            return (
              <li key={ticket.code} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-3 py-2">
                <div className="flex flex-col">
                  <span className="font-semibold text-zinc-950">{ticket.typeName}</span>
                  <span className="font-mono tracking-wider text-zinc-800">
                    <span className="sr-only">{t("codeLabel")} </span>
                    {ticket.code}
                  </span>
                  <span className="flex flex-wrap gap-2">
                    {ticket.status === "VOID" ? <Badge tone="danger">{status("void")}</Badge> : null}
                    {ticket.checkedInAt ? (
                      <Badge tone="neutral">
                        {status("checkedIn", {
                          time: `${formatEventDate(ticket.checkedInAt, locale, event.timeZone)} ${formatEventTime(ticket.checkedInAt, locale, event.timeZone)}`,
                        })}
                      </Badge>
                    ) : null}
                  </span>
                </div>
                {ticketUsable ? (
                  <span className="flex flex-wrap gap-3">
                    <Link href={`/account/tickets/${ticket.code}`} className={buttonClasses({ variant: "secondary", size: "md" })}>
                      {t("showTicket")}
                      <span className="sr-only"> {t("showTicketContext", { code: ticket.code, type: ticket.typeName })}</span>
                    </Link>
                    <a href={`/account/tickets/${ticket.code}/pdf`} download className={buttonClasses({ variant: "ghost", size: "md" })}>
                      {t("downloadTicket")}
                      <span className="sr-only"> {t("downloadTicketContext", { code: ticket.code, type: ticket.typeName })}</span>
                    </a>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      </div>

      {usable && order.tickets.some((ticket) => isUsableTicket(ticket, order)) ? (
        <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-start">
          <a
            href={`/account/tickets/orders/${order.id}/pdf`}
            download
            className={`self-start ${linkClasses} inline-flex min-h-11 items-center`}
          >
            {t("downloadAll")}
            <span className="sr-only"> {t("downloadAllContext", { number: order.number })}</span>
          </a>
          {children}
        </div>
      ) : null}
    </Card>
  );
}
