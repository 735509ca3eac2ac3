import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SupportRoutes } from "@/components/support/support-routes";
import { TicketQrCode } from "@/components/tickets/ticket-qr-code";
import { PassOnForm } from "@/components/transfers/pass-on-form";
import { passOnFormTexts } from "@/components/transfers/pass-on-texts";
import { KeepTicketLinks } from "@/components/tickets/keep-ticket-links";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatEventDateRange } from "@/lib/i18n/format";
import { asLocale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { linkedTicketFilePath, type LinkedTicketFile } from "@/lib/transfers/linked-ticket-files";
import { appleWalletEnabled } from "@/lib/wallet/apple-pass";
import { googleWalletEnabled } from "@/lib/wallet/google-pass";
import { getTicketByLink } from "@/lib/transfers/queries";
import { passTicketOnFromLinkAction } from "./actions";

type Props = {
  params: Promise<{ transferId: string }>;
  searchParams: Promise<{ key?: string | string[] }>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Transfers.page");
  // The address carries the ticket's key: keep it out of search engines and referrers.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "strict-origin" };
}

/**
 * A ticket passed on, for its holder, through the signed link in the email they got with it:
 * the QR code for the door, and passing it on again. Once they have, the same link only says
 * to whom. A wrong key is the 404 of a page that does not exist.
 */
export default async function PassedOnTicketPage({ params, searchParams }: Props) {
  const [{ transferId }, { key }] = await Promise.all([params, searchParams]);
  const ticketKey = (Array.isArray(key) ? key[0] : key) ?? "";
  const ticket = await getTicketByLink(transferId, ticketKey);
  if (!ticket) notFound();
  const [t, transfers, locale] = await Promise.all([getTranslations("Transfers.page"), getTranslations("Transfers"), getLocale()]);
  const { event } = ticket;
  const when = formatEventDateRange(event.startsAt, event.endsAt, locale, event.timeZone);
  const eventSummary = (
    <div className="flex flex-col gap-1">
      <p className="text-xl font-bold text-zinc-950">{event.title}</p>
      <p className="font-semibold text-indigo-800">
        <time dateTime={event.startsAt.toISOString()}>{when}</time>
      </p>
      <p className="text-zinc-700">
        {event.venue}, {event.city}
      </p>
    </div>
  );

  if (ticket.state === "passed_on") {
    return (
      <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-8 sm:px-6">
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("title")}</h1>
        {eventSummary}
        <p className="rounded-lg border border-zinc-300 bg-zinc-50 px-4 py-3 text-lg text-zinc-900">
          {t("passedOnAgain", { name: ticket.toName })}
        </p>
        <SupportRoutes organizer={event.organizerName} className="flex flex-col gap-1 text-sm text-zinc-700" />
      </div>
    );
  }

  const qrLabel = t("qrLabel", { code: ticket.code, type: ticket.typeName });
  // Each file's route checks the key again itself: these links only point the way.
  const filePath = (file: LinkedTicketFile) => localizePath(linkedTicketFilePath(ticket.transferId, ticketKey, file), asLocale(locale));
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-8 sm:px-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading", { name: ticket.holderName })}</h1>
        <p className="text-lg text-zinc-800">{t("from", { name: ticket.fromName })}</p>
      </div>
      {eventSummary}
      <Card as="section" aria-label={qrLabel} className="flex flex-col items-center gap-4 p-4 sm:p-6">
        {ticket.usable ? (
          <TicketQrCode code={ticket.code} label={qrLabel} className="w-full max-w-sm" />
        ) : (
          <p className="rounded-lg border border-red-700 bg-red-50 px-4 py-3 font-medium text-red-900">{t("notUsable")}</p>
        )}
        {ticket.checkedInAt ? (
          <p className="font-semibold text-zinc-900">
            {t("checkedIn", {
              date: formatDateTime(ticket.checkedInAt, locale, { dateStyle: "medium", timeStyle: "short" }, event.timeZone),
            })}
          </p>
        ) : null}
        <dl className="grid w-full max-w-sm grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold text-zinc-900">{t("type")}</dt>
          <dd className="text-zinc-800">{ticket.typeName}</dd>
          <dt className="font-semibold text-zinc-900">{t("holder")}</dt>
          <dd className="text-zinc-800">{ticket.holderName}</dd>
          <dt className="font-semibold text-zinc-900">{t("code")}</dt>
          <dd className="font-mono text-lg tracking-wider break-all text-zinc-950">{ticket.code}</dd>
          <dt className="font-semibold text-zinc-900">{t("orderNumber")}</dt>
          <dd className="text-zinc-800">{ticket.orderNumber}</dd>
        </dl>
      </Card>
      {ticket.usable ? (
        <section aria-labelledby="link-keep-title" className="flex flex-col gap-3">
          <h2 id="link-keep-title" className="text-xl font-bold text-zinc-950">
            {t("keepHeading")}
          </h2>
          <a href={filePath("pdf")} download className={`self-start ${buttonClasses({ variant: "secondary" })}`}>
            {t("downloadPdf")}
            <span className="sr-only"> {t("downloadPdfContext", { type: ticket.typeName, code: ticket.code })}</span>
          </a>
          <KeepTicketLinks
            eventTitle={event.title}
            ticketCode={ticket.code}
            calendarHref={filePath("calendar")}
            appleWalletHref={appleWalletEnabled() ? filePath("apple-wallet") : undefined}
            googleWalletHref={googleWalletEnabled() ? filePath("google-wallet") : undefined}
            className="self-start"
          />
        </section>
      ) : null}
      <p className="text-zinc-800">{t("account", { email: ticket.holderEmail })}</p>

      {ticket.usable && !ticket.checkedInAt ? (
        <Card as="section" aria-labelledby="link-pass-on-title" className="flex flex-col gap-4 p-4 sm:p-6">
          <h2 id="link-pass-on-title" className="text-xl font-bold text-zinc-950">
            {transfers("heading")}
          </h2>
          {ticket.passable ? (
            <>
              <p className="text-zinc-800">{transfers("intro")}</p>
              <p className="text-zinc-800">
                {transfers("deadline", {
                  deadline: formatDateTime(ticket.window.deadline, locale, { dateStyle: "long", timeStyle: "short" }, event.timeZone),
                })}
              </p>
              <PassOnForm
                action={passTicketOnFromLinkAction}
                hidden={{ transferId: ticket.transferId, key: ticketKey }}
                tickets={[{ code: ticket.code, label: ticket.typeName }]}
                texts={await passOnFormTexts()}
              />
            </>
          ) : (
            <p className="text-zinc-800">{ticket.window.allowed ? transfers("closedInfo") : transfers("notAllowed")}</p>
          )}
        </Card>
      ) : null}
      <SupportRoutes organizer={event.organizerName} className="flex flex-col gap-1 text-sm text-zinc-700" />
    </div>
  );
}
