// The one place for the documents a ticket holder gets: the tickets as a PDF (attached to the
// order confirmation, downloaded from "My tickets") and the QR code the door scanner reads.
// Wallet passes belong here too when they come, built from the same TicketDocumentOrder.
import { createTranslator } from "next-intl";
import { formatEventDateRange } from "../../i18n/format";
import type { AppLocale } from "../../i18n/locales";
import { messages } from "../../i18n/messages";
import { renderTicketsPdf, type TicketPdfInput } from "./pdf";

export { ticketQrMatrix, ticketQrPng, ticketQrSvg } from "./qr";

/** What a ticket document shows: the order as the confirmation email's payload or the account has it. */
export type TicketDocumentOrder = {
  orderNumber: string;
  holder: string;
  /** Who runs the event; left out of the page when unknown. */
  organizerName?: string | null;
  event: {
    title: string;
    venue: string;
    /** Street address, when the organizer gave one. */
    address?: string | null;
    /** Who runs the event, as the account's and the order page's events carry it (`organizerName` above wins). */
    organizerName?: string | null;
    city: string;
    startsAt: string;
    endsAt: string;
    timeZone: string;
  };
  tickets: { code: string; typeName: string }[];
};

export type TicketPdfFile = { filename: string; body: Buffer };

function documentTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "Tickets.pdf" });
}

/** A time zone as the reader's language names it ("centraleuropeisk tid"), or its IANA name. */
function timeZoneName(timeZone: string, locale: AppLocale): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "longGeneric" }).formatToParts(new Date());
    const name = parts.find((part) => part.type === "timeZoneName")?.value;
    return name && !/^GMT/.test(name) ? `${name} (${timeZone})` : timeZone;
  } catch {
    return timeZone;
  }
}

/** The strings of each ticket's page, translated and formatted for `locale`. */
export function ticketPdfInput(locale: AppLocale, order: TicketDocumentOrder): TicketPdfInput {
  const t = documentTranslator(locale);
  const { event } = order;
  const organizer = (order.organizerName ?? event.organizerName)?.trim() || null;
  const address = [event.address?.trim(), event.city.trim()].filter(Boolean).join(", ");
  const count = order.tickets.length;
  return {
    documentTitle: t("documentTitle", { title: event.title, number: order.orderNumber }),
    pages: order.tickets.map((ticket, index) => ({
      counter: t("counter", { index: index + 1, count }),
      organizer,
      title: event.title,
      when: formatEventDateRange(event.startsAt, event.endsAt, locale, event.timeZone),
      timeZone: t("timeZone", { zone: timeZoneName(event.timeZone, locale) }),
      venue: event.venue,
      address,
      fields: [
        { label: t("type"), value: ticket.typeName },
        { label: t("holder"), value: order.holder },
        { label: t("orderNumber"), value: order.orderNumber },
      ],
      code: ticket.code,
      codeLabel: t("code"),
      terms: organizer ? t("termsWithOrganizer", { organizer }) : t("terms"),
    })),
  };
}

async function pdfFile(locale: AppLocale, order: TicketDocumentOrder, filenameNumber: string): Promise<TicketPdfFile> {
  const body = await renderTicketsPdf(ticketPdfInput(locale, order));
  return { filename: documentTranslator(locale)("filename", { number: filenameNumber }), body };
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
