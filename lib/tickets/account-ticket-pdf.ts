// The PDFs a signed-in buyer downloads from "My tickets": the whole order, or one ticket. Same
// document and labels as the PDF attached to the order confirmation email.
import "server-only";
import { createTranslator } from "next-intl";
import { formatEventDateRange } from "../i18n/format";
import type { AppLocale } from "../i18n/locales";
import { messages } from "../i18n/messages";
import { findAccountOrder, findAccountTicket, isUsableTicket, type AccountEvent } from "./account-tickets";
import { renderTicketsPdf } from "./pdf";

export type TicketPdfFile = { filename: string; body: Buffer };

function pdfFor(
  locale: AppLocale,
  { event, orderNumber, holder, tickets }: { event: AccountEvent; orderNumber: string; holder: string; tickets: { code: string; typeName: string }[] },
): Promise<Buffer> {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "Emails" });
  return renderTicketsPdf({
    title: event.title,
    when: formatEventDateRange(event.startsAt, event.endsAt, locale, event.timeZone),
    where: `${event.venue}, ${event.city}`,
    orderLabel: t("orderConfirmation.orderNumber", { number: orderNumber }),
    holder,
    tickets,
    labels: { ticket: t("pdf.ticket"), code: t("pdf.code"), footer: t("pdf.footer") },
  });
}

function filenameFor(locale: AppLocale, orderNumber: string): string {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "Emails" });
  return t("pdf.filename", { number: orderNumber });
}

/**
 * The valid tickets of one of the user's paid orders as a PDF; null when the order is not
 * theirs, not paid (cancelled, refunded) or has no valid ticket left.
 */
export async function accountOrderPdf(userId: string, orderId: string, locale: AppLocale): Promise<TicketPdfFile | null> {
  const order = await findAccountOrder(userId, orderId);
  if (!order) return null;
  const tickets = order.tickets.filter((ticket) => isUsableTicket(ticket, order));
  if (tickets.length === 0) return null;
  const body = await pdfFor(locale, { event: order.event, orderNumber: order.number, holder: order.buyerName, tickets });
  return { filename: filenameFor(locale, order.number), body };
}

/** One valid ticket of the user's as a PDF; null when it is not theirs or cannot be used. */
export async function accountTicketPdf(userId: string, code: string, locale: AppLocale): Promise<TicketPdfFile | null> {
  const ticket = await findAccountTicket(userId, code);
  if (!ticket || !isUsableTicket(ticket, ticket.order)) return null;
  const body = await pdfFor(locale, {
    event: ticket.event,
    orderNumber: ticket.order.number,
    holder: ticket.order.buyerName,
    tickets: [{ code: ticket.code, typeName: ticket.typeName }],
  });
  // Named after the ticket, so that several downloaded tickets of one order do not overwrite each other.
  return { filename: filenameFor(locale, `${ticket.order.number}-${ticket.code}`), body };
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
