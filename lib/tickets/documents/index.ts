// The one place for the documents a ticket holder gets: the tickets as a PDF (attached to the
// order confirmation, downloaded from "My tickets") and the QR code the door scanner reads.
// Wallet passes belong here too when they come, built from the same TicketDocumentOrder.
import { createTranslator } from "next-intl";
import { formatEventDateRange } from "../../i18n/format";
import type { AppLocale } from "../../i18n/locales";
import { messages } from "../../i18n/messages";
import { renderTicketsPdf } from "./pdf";

export { ticketQrMatrix, ticketQrPng, ticketQrSvg } from "./qr";

/** What a ticket document shows: the order as the confirmation email's payload or the account has it. */
export type TicketDocumentOrder = {
  orderNumber: string;
  holder: string;
  event: { title: string; venue: string; city: string; startsAt: string; endsAt: string; timeZone: string };
  tickets: { code: string; typeName: string }[];
};

export type TicketPdfFile = { filename: string; body: Buffer };

function documentTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "Emails" });
}

async function pdfFile(locale: AppLocale, order: TicketDocumentOrder, filenameNumber: string): Promise<TicketPdfFile> {
  const t = documentTranslator(locale);
  const { event } = order;
  const body = await renderTicketsPdf({
    title: event.title,
    when: formatEventDateRange(event.startsAt, event.endsAt, locale, event.timeZone),
    where: `${event.venue}, ${event.city}`,
    orderLabel: t("orderConfirmation.orderNumber", { number: order.orderNumber }),
    holder: order.holder,
    tickets: order.tickets,
    labels: { ticket: t("pdf.ticket"), code: t("pdf.code"), footer: t("pdf.footer") },
  });
  return { filename: t("pdf.filename", { number: filenameNumber }), body };
}

/** The given tickets of an order as one PDF, a page each, named after the order. */
export function ticketPdfForOrder(locale: AppLocale, order: TicketDocumentOrder): Promise<TicketPdfFile> {
  return pdfFile(locale, order, order.orderNumber);
}

/** One ticket of an order as a PDF, named after the ticket too, so that several downloads do not overwrite each other. */
export function ticketPdfForTicket(
  locale: AppLocale,
  order: Omit<TicketDocumentOrder, "tickets">,
  ticket: TicketDocumentOrder["tickets"][number],
): Promise<TicketPdfFile> {
  return pdfFile(locale, { ...order, tickets: [ticket] }, `${order.orderNumber}-${ticket.code}`);
}

/** Headers of a PDF download: personal data, so never kept by a shared cache. */
export function pdfResponseHeaders(file: TicketPdfFile): Record<string, string> {
  // Filenames come from our own translations and codes (ASCII), but are quoted safely anyway.
  const ascii = file.filename.replace(/[^\w.-]/g, "_");
  return {
    "Content-Type": "application/pdf",
    "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    "Content-Length": String(file.body.length),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
}
