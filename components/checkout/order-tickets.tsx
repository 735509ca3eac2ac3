import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TicketQr } from "./ticket-qr";

/**
 * The tickets of a paid order, each with its code in words and as a QR code for the door, and
 * its PDF where `pdfPaths` (by code) has one.
 */
export async function OrderTickets({
  tickets,
  pdfPaths = {},
}: {
  tickets: { code: string; typeName: string; valid: boolean }[];
  pdfPaths?: Record<string, string>;
}) {
  const t = await getTranslations("OrderPage");
  return (
    <section aria-labelledby="order-tickets-title" className="flex flex-col gap-3">
      <h2 id="order-tickets-title" className="text-xl font-bold text-zinc-950">
        {t("ticketsHeading", { count: tickets.length })}
      </h2>
      <ol className="grid gap-3 sm:grid-cols-2">
        {tickets.map((ticket, index) => (
          <Card as="li" key={ticket.code} className="flex flex-col items-center gap-2 p-4 text-center">
            <TicketQr code={ticket.code} label={t("qrLabel", { type: ticket.typeName, code: ticket.code })} />
            <p className="font-semibold text-zinc-950">
              {t("ticketOf", { index: index + 1, count: tickets.length, type: ticket.typeName })}
            </p>
            <p className="font-mono text-lg tracking-wider text-zinc-900">
              <span className="sr-only">{t("codeLabel")} </span>
              {ticket.code}
            </p>
            {!ticket.valid ? <p className="font-semibold text-red-700">{t("voided")}</p> : null}
            {pdfPaths[ticket.code] ? (
              <a href={pdfPaths[ticket.code]} download className={buttonClasses({ variant: "ghost" })}>
                {t("downloadTicket")}
                <span className="sr-only"> {t("downloadTicketContext", { index: index + 1, type: ticket.typeName })}</span>
              </a>
            ) : null}
          </Card>
        ))}
      </ol>
    </section>
  );
}
