import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AddToHomeScreen } from "@/components/pwa/add-to-home-screen";
import { KeepOffline } from "@/components/pwa/service-worker";
import { DoorModeControls } from "@/components/tickets/door-mode-controls";
import { OrderStatusBadge } from "@/components/tickets/order-status-badge";
import { KeepTicketLinks } from "@/components/tickets/keep-ticket-links";
import { TicketQrCode } from "@/components/tickets/ticket-qr-code";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { accountTicketCalendarPath } from "@/lib/calendar/ticket-calendars";
import { appleWalletEnabled } from "@/lib/wallet/apple-pass";
import { googleWalletEnabled } from "@/lib/wallet/google-pass";
import { accountWalletPath } from "@/lib/wallet/ticket-passes";
import { formatEventDateRange } from "@/lib/i18n/format";
import { asLocale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { TICKET_CODE_PATTERN } from "@/lib/orders/codes";
import { findAccountTicket, isUsableTicket } from "@/lib/tickets/account-tickets";
import { requireUser } from "@/lib/guards";
import { AccountPassOn } from "@/components/transfers/account-pass-on";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ view?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ code }, t] = await Promise.all([params, getTranslations("Tickets.ticket")]);
  return { title: t("title", { code: TICKET_CODE_PATTERN.test(code) ? code : "" }), robots: { index: false, follow: false } };
}

/**
 * One ticket with its QR code, to show at the door. Everything is in the HTML (the QR code is
 * inline SVG, no data is fetched by the browser), so a cached copy works without a network.
 * `?view=door` is a full-screen, high-contrast layout that needs no JavaScript.
 */
export default async function TicketPage({ params, searchParams }: Props) {
  const [{ code }, { view }] = await Promise.all([params, searchParams]);
  // The code goes back into the sign-in link only when it has the shape of a ticket code.
  const user = await requireUser(TICKET_CODE_PATTERN.test(code) ? `/account/tickets/${code}` : "/account/tickets");
  const ticket = await findAccountTicket(user.id, code);
  if (!ticket) notFound();
  const [t, door, orderT, locale] = await Promise.all([
    getTranslations("Tickets.ticket"),
    getTranslations("Tickets.door"),
    getTranslations("Tickets.order"),
    getLocale(),
  ]);

  const usable = isUsableTicket(ticket, ticket.order);
  const when = formatEventDateRange(ticket.event.startsAt, ticket.event.endsAt, locale, ticket.event.timeZone);
  const qrLabel = t("qrLabel", { code: ticket.code, type: ticket.typeName });
  const ticketPath = `/account/tickets/${ticket.code}`;
  const notUsable = (
    <p className="rounded-lg border border-red-700 bg-red-50 px-4 py-3 font-medium text-red-900">
      {ticket.status === "VOID" ? t("voidNote") : t("notUsable")}
    </p>
  );

  if (view === "door") {
    // Covers the whole viewport, header and footer included: black on white, nothing else.
    return (
      <div className="fixed inset-0 z-50 flex flex-col items-center justify-center gap-4 overflow-auto bg-white p-4 text-black">
        <KeepOffline userId={user.id} />
        <h1 className="text-center text-2xl font-extrabold">{door("heading", { title: ticket.event.title })}</h1>
        <p className="text-center text-lg font-semibold">
          <time dateTime={ticket.event.startsAt}>{when}</time>
        </p>
        {usable ? (
          <>
            <TicketQrCode code={ticket.code} label={qrLabel} className="w-[min(92vw,62vh)]" />
            <p className="font-mono text-3xl font-bold tracking-widest break-all">{ticket.code}</p>
            <p className="text-xl font-semibold">{ticket.typeName}</p>
            <p className="text-lg">{ticket.holderName}</p>
            <p className="max-w-md text-center text-base">{door("brightnessHint")}</p>
            <DoorModeControls />
          </>
        ) : (
          notUsable
        )}
        <Link href={ticketPath} className={buttonClasses({ variant: "secondary" })}>
          {door("close")}
        </Link>
      </div>
    );
  }

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <KeepOffline userId={user.id} />
      <Link href="/account/tickets" className="self-start font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950">
        {t("backToTickets")}
      </Link>
      <div className="flex flex-col gap-1">
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{ticket.event.title}</h1>
        <p className="font-semibold text-indigo-800">
          <time dateTime={ticket.event.startsAt}>{when}</time>
        </p>
        <p className="text-zinc-700">{orderT("place", { venue: ticket.event.venue, city: ticket.event.city })}</p>
      </div>

      <Card as="section" aria-label={qrLabel} className="flex flex-col items-center gap-4 p-4 sm:p-6">
        <div className="flex flex-wrap items-center gap-2">
          <OrderStatusBadge status={ticket.order.status} />
          {ticket.status === "VOID" ? <Badge tone="danger">{t("voidNote")}</Badge> : null}
        </div>
        {usable ? <TicketQrCode code={ticket.code} label={qrLabel} className="w-full max-w-sm" /> : notUsable}
        <dl className="grid w-full max-w-sm grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold text-zinc-900">{t("type")}</dt>
          <dd className="text-zinc-800">{ticket.typeName}</dd>
          <dt className="font-semibold text-zinc-900">{t("holder")}</dt>
          <dd className="text-zinc-800">{ticket.holderName}</dd>
          <dt className="font-semibold text-zinc-900">{t("code")}</dt>
          <dd className="font-mono text-lg tracking-wider break-all text-zinc-950">{ticket.code}</dd>
        </dl>
        {usable ? (
          <div className="flex w-full max-w-sm flex-col gap-3">
            <Button href={`${ticketPath}?view=door`} size="lg" fullWidth>
              {t("doorMode")}
            </Button>
            <p className="text-center text-sm text-zinc-700">{t("doorModeHint")}</p>
            <a href={`${ticketPath}/pdf`} download className={buttonClasses({ variant: "secondary", fullWidth: true })}>
              {t("download")}
            </a>
            <KeepTicketLinks
              eventTitle={ticket.event.title}
              ticketCode={ticket.code}
              calendarHref={localizePath(accountTicketCalendarPath(ticket.code), asLocale(locale))}
              appleWalletHref={
                appleWalletEnabled() ? localizePath(accountWalletPath(ticket.code, "apple-wallet"), asLocale(locale)) : undefined
              }
              googleWalletHref={
                googleWalletEnabled() ? localizePath(accountWalletPath(ticket.code, "google-wallet"), asLocale(locale)) : undefined
              }
            />
          </div>
        ) : null}
      </Card>
      <AccountPassOn ticket={{ ...ticket, usable }} />
      <AddToHomeScreen />
    </div>
  );
}
