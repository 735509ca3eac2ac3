import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { OrderTickets } from "@/components/checkout/order-tickets";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { formatEventDateRange, formatPrice } from "@/lib/i18n/format";
import { ordersOfThisBrowser } from "@/lib/orders/buyer-browser";
import { isValidOrderKey } from "@/lib/orders/order-links";
import { getOrderForConfirmation } from "@/lib/orders/queries";
import { MAGIC_LINK_MAX_AGE_S } from "@/lib/auth/magic-link";
import { guestOrderPdfPath, guestTicketPdfPath } from "@/lib/tickets/guest-ticket-pdf";
import { buttonClasses } from "@/components/ui/button";
import { CorrectEmailForm } from "./correct-email-form";
import { PasswordLinkForm } from "./password-link-form";
import { SupportRoutes } from "@/components/support/support-routes";
import { KeepTicketLinks } from "@/components/tickets/keep-ticket-links";
import { guestOrderCalendarPath, guestOrderHasCalendar } from "@/lib/calendar/ticket-calendars";
import { asLocale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { appleWalletEnabled } from "@/lib/wallet/apple-pass";
import { googleWalletEnabled } from "@/lib/wallet/google-pass";
import { guestWalletPath } from "@/lib/wallet/ticket-passes";
import { OrderPassOn } from "@/components/transfers/order-pass-on";
import { CancelTicketsSection } from "@/components/refunds/cancel-tickets-section";
import { getOrderEventCancellation } from "@/lib/event-cancellation/queries";
import { messageParagraphs } from "@/emails/organizer-message";

type Props = {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<{ key?: string | string[]; moved?: string | string[]; cancelled?: string | string[] }>;
};

// How often a page waiting for the payment provider's confirmation looks again.
const PENDING_REFRESH_SECONDS = 4;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OrderPage");
  // The address carries the order's key: keep it out of search engines and referrers.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "strict-origin" };
}

export default async function OrderPage({ params, searchParams }: Props) {
  const [{ orderId }, { key, moved, cancelled }] = await Promise.all([params, searchParams]);
  const order = await getOrderForConfirmation(orderId);
  const orderKey = (Array.isArray(key) ? key[0] : key) ?? "";
  // Without the right key the order does not exist, as far as the visitor can tell.
  if (!order || !isValidOrderKey(order, orderKey)) notFound();
  const [t, locale] = await Promise.all([getTranslations("OrderPage"), getLocale()]);

  const eventPath = `/events/${order.event.slug}`;
  const when = formatEventDateRange(order.event.startsAt, order.event.endsAt, locale, order.event.timeZone);
  const eventSummary = (
    <Card as="section" aria-labelledby="order-event-title" className="flex flex-col gap-1 p-4 sm:p-6">
      <h2 id="order-event-title" className="text-xl font-bold text-zinc-950">
        {order.event.title}
      </h2>
      <p className="font-semibold text-indigo-800">
        <time dateTime={order.event.startsAt.toISOString()}>{when}</time>
      </p>
      <p className="text-zinc-700">{t("place", { venue: order.event.venue, city: order.event.city })}</p>
      <p className="text-zinc-700">{t("organizer", { name: order.event.organizerName })}</p>
    </Card>
  );

  if (order.status === "PENDING") {
    return (
      <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-8 sm:px-6">
        <meta httpEquiv="refresh" content={String(PENDING_REFRESH_SECONDS)} />
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("pendingHeading")}</h1>
        <p role="status" className="text-lg text-zinc-800">
          {t("pendingBody")}
        </p>
        <p className="text-zinc-700">{t("orderNumber", { number: order.number })}</p>
        {eventSummary}
      </div>
    );
  }

  if (order.status !== "PAID") {
    const reason =
      order.status === "FAILED"
        ? order.failureReason === "payment_declined"
          ? t("failedDeclined")
          : order.failureReason === "hold_expired"
            ? t("failedExpired")
            : t("failedUnavailable")
        : order.status === "REFUNDED"
          ? t("refunded")
          : t("cancelled");
    // The organizer called the event off: say so, in their words, above what became of the money.
    const eventCancellation = order.status === "FAILED" ? null : await getOrderEventCancellation(order.id);
    const tc = eventCancellation ? await getTranslations("EventCancelledPage") : null;
    return (
      <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-8 sm:px-6">
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">
          {order.status === "FAILED" ? t("failedHeading") : t("closedHeading")}
        </h1>
        {eventCancellation && tc ? (
          <Notice tone="neutral">
            <strong>{tc("orderNotice")}</strong> {tc("orderMessage")}
            {messageParagraphs(eventCancellation.message).map((lines, index) => (
              <span key={index} className="mt-2 block">
                {lines.join(" ")}
              </span>
            ))}
          </Notice>
        ) : null}
        <p className="text-lg text-zinc-800">{reason}</p>
        <p className="text-zinc-700">{t("orderNumber", { number: order.number })}</p>
        {eventSummary}
        {order.status === "CANCELLED" || order.status === "REFUNDED" ? (
          <CancelTicketsSection orderId={order.id} orderKey={orderKey} timeZone={order.event.timeZone} cancelled={cancelled === "1"} />
        ) : null}
        <div>
          <Button href={eventPath}>{t("backToEvent")}</Button>
        </div>
      </div>
    );
  }

  // Only the browser that bought the order may send it elsewhere, and only while it may move.
  const correctable = !order.anyCheckedIn && order.event.startsAt > new Date() && (await ordersOfThisBrowser()).has(order.id);
  const validTickets = order.tickets.filter((ticket) => ticket.valid);
  const wallet = await getTranslations("Wallet");

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-8 sm:px-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("paidHeading", { name: order.buyerName })}</h1>
        <p className="text-lg text-zinc-800">{t("orderNumber", { number: order.number })}</p>
        <p className="text-zinc-800">{t("emailOnItsWay", { email: order.buyerEmail })}</p>
      </div>
      {moved === "1" ? <Notice tone="success">{t("movedNotice", { email: order.buyerEmail })}</Notice> : null}

      {eventSummary}

      <OrderTickets
        tickets={order.tickets}
        pdfPaths={Object.fromEntries(validTickets.map((ticket) => [ticket.code, guestTicketPdfPath(order.id, ticket.code, orderKey)]))}
      />
      {validTickets.length > 0 ? (
        <a href={guestOrderPdfPath(order.id, orderKey)} download className={`self-start ${buttonClasses({ variant: "secondary" })}`}>
          {t("downloadAll")}
          <span className="sr-only"> {t("downloadAllContext", { number: order.number })}</span>
        </a>
      ) : null}
      {guestOrderHasCalendar(order) ? (
        <KeepTicketLinks
          eventTitle={order.event.title}
          calendarHref={localizePath(guestOrderCalendarPath(order.id, orderKey), asLocale(locale))}
          className="self-start"
        />
      ) : null}
      {validTickets.length > 0 && (appleWalletEnabled() || googleWalletEnabled()) ? (
        <section aria-labelledby="order-wallet-title" className="flex flex-col gap-3">
          <h2 id="order-wallet-title" className="text-xl font-bold text-zinc-950">
            {wallet("walletHeading")}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2">
            {validTickets.map((ticket, index) => (
              <li key={ticket.code} className="flex flex-col gap-2">
                <p className="font-semibold text-zinc-900">
                  {wallet("walletTicket", { index: index + 1, type: ticket.typeName, code: ticket.code })}
                </p>
                <KeepTicketLinks
                  eventTitle={order.event.title}
                  ticketCode={ticket.code}
                  appleWalletHref={
                    appleWalletEnabled()
                      ? localizePath(guestWalletPath(order.id, ticket.code, orderKey, "apple-wallet"), asLocale(locale))
                      : undefined
                  }
                  googleWalletHref={
                    googleWalletEnabled()
                      ? localizePath(guestWalletPath(order.id, ticket.code, orderKey, "google-wallet"), asLocale(locale))
                      : undefined
                  }
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <OrderPassOn orderId={order.id} orderKey={orderKey} timeZone={order.event.timeZone} />

      <Card as="section" aria-labelledby="order-summary-title" className="flex flex-col gap-2 p-4 sm:p-6">
        <h2 id="order-summary-title" className="text-xl font-bold text-zinc-950">
          {t("summaryHeading")}
        </h2>
        <ul className="flex flex-col gap-1">
          {order.lines.map((line) => (
            <li key={line.name} className="flex justify-between gap-4 text-zinc-800">
              <span>{t("line", { quantity: line.quantity, name: line.name })}</span>
              <span>{formatPrice(line.quantity * line.unitPriceMinor, order.currency, locale)}</span>
            </li>
          ))}
        </ul>
        <p className="flex justify-between gap-4 border-t border-zinc-300 pt-2 text-lg font-bold text-zinc-950">
          <span>{t("total")}</span>
          <span>{order.totalMinor === 0 ? t("free") : formatPrice(order.totalMinor, order.currency, locale)}</span>
        </p>
        {order.cardLast4 ? (
          <p className="text-sm text-zinc-700">{t("paidWith", { brand: order.cardBrand ?? "other", last4: order.cardLast4 })}</p>
        ) : null}
      </Card>

      <CancelTicketsSection orderId={order.id} orderKey={orderKey} timeZone={order.event.timeZone} cancelled={cancelled === "1"} />

      {correctable ? (
        <Card as="section" aria-labelledby="order-correction-title" className="flex flex-col gap-3 p-4 sm:p-6">
          <h2 id="order-correction-title" className="text-xl font-bold text-zinc-950">
            {t("correctionHeading")}
          </h2>
          <p className="text-zinc-800">{t("correctionBody")}</p>
          <CorrectEmailForm orderId={order.id} />
        </Card>
      ) : null}

      {order.account && !order.account.hasPassword ? (
        <Card
          as="section"
          aria-labelledby="order-password-title"
          className="flex flex-col items-start gap-3 border-indigo-200 bg-indigo-50 p-4 sm:p-6"
        >
          <h2 id="order-password-title" className="text-xl font-bold text-zinc-950">
            {t("passwordHeading")}
          </h2>
          <p className="text-zinc-800">{t("passwordBody", { email: order.buyerEmail })}</p>
          <PasswordLinkForm
            orderId={order.id}
            orderKey={orderKey}
            text={{
              submit: t("passwordLink"),
              sending: t("passwordSending"),
              sent: t("passwordSent", { email: order.buyerEmail, minutes: MAGIC_LINK_MAX_AGE_S / 60 }),
              rateLimited: t("passwordRateLimited"),
            }}
          />
        </Card>
      ) : null}

      <SupportRoutes organizer={order.event.organizerName} className="flex flex-col gap-1 text-sm text-zinc-700" />
    </div>
  );
}
