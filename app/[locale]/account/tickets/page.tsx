import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { Link } from "@/components/i18n/link";
import { AddToHomeScreen } from "@/components/pwa/add-to-home-screen";
import { KeepOffline } from "@/components/pwa/service-worker";
import { getTranslations } from "next-intl/server";
import { AccountOrderCard } from "@/components/tickets/account-order-card";
import { Button } from "@/components/ui/button";
import { groupAccountOrders, listAccountOrders, orderHasUsableTickets, type AccountOrder } from "@/lib/tickets/account-tickets";
import { requireUser } from "@/lib/guards";
import { ResendTicketsForm } from "./resend-tickets-form";
import { PassedOnList } from "@/components/transfers/passed-on-list";
import { AccountCancelLink } from "@/components/refunds/account-cancel-link";
import { FlashNotice } from "@/components/ui/notice";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Tickets.list");
  return { title: t("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * "My tickets": every order of the account, upcoming events first, then past ones; after a ticket
 * was passed on from its page (whose page it no longer is), a notice that it went.
 */
export default async function TicketsPage({ searchParams }: Props) {
  const user = await requireUser("/account/tickets");
  const [t, orders, query] = await Promise.all([getTranslations("Tickets.list"), listAccountOrders(user.id), searchParams]);
  const { upcoming, past } = groupAccountOrders(orders);

  const section = (id: string, heading: string, list: AccountOrder[], empty: string) => (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-2xl font-bold text-zinc-950">
        {heading}
      </h2>
      {list.length === 0 ? (
        <p className="text-zinc-700">{empty}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {list.map((order) => (
            <AccountOrderCard key={order.id} order={order}>
              <PassedOnList tickets={order.passedOn} timeZone={order.event.timeZone} headingLevel={4} />
              {orderHasUsableTickets(order) && order.holdsOrder ? <ResendTicketsForm orderId={order.id} requestKey={randomUUID()} /> : null}
              {/* Cancelling is the buyer's: someone a ticket was passed on to cannot cancel the order. */}
              {orderHasUsableTickets(order) && order.holdsOrder ? (
                <AccountCancelLink orderId={order.id} eventTitle={order.event.title} />
              ) : null}
            </AccountOrderCard>
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8 px-4 py-6 sm:px-6 sm:py-10">
      <KeepOffline userId={user.id} />
      <div className="flex flex-col gap-2">
        <Link href="/account" className="self-start font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950">
          {t("backToAccount")}
        </Link>
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading")}</h1>
        <p className="text-zinc-800">{t("intro", { email: user.email })}</p>
      </div>
      <FlashNotice value={query.notice} messages={{ "passed-on": t("passedOnNotice") }} />
      <AddToHomeScreen />
      {orders.length === 0 ? (
        <div className="flex flex-col items-start gap-4">
          <p className="text-lg text-zinc-800">{t("empty")}</p>
          <Button href="/events">{t("findEvents")}</Button>
        </div>
      ) : (
        <>
          {section("tickets-upcoming", t("upcomingHeading"), upcoming, t("noUpcoming"))}
          {section("tickets-past", t("pastHeading"), past, t("noPast"))}
        </>
      )}
    </div>
  );
}
