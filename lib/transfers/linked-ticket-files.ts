// The files a passed-on ticket's holder keeps, through the signed link of the email they got
// with it: the ticket as a PDF, in Apple Wallet or Google Wallet, and the event in a calendar.
// The route checks the link with getTicketByLink and hands over what it found; a file is made
// only while that says the link's transfer is the ticket's latest and the ticket can be used, so
// the link of a holder who passed it on again opens nothing more.
import "server-only";
import { env } from "../env";
import { eventCalendarFile, type CalendarFile } from "../calendar/event-calendar";
import type { AppLocale } from "../i18n/locales";
import { localizePath } from "../i18n/paths";
import { ticketPdfForTicket, type TicketPdfFile } from "../tickets/documents";
import type { WalletTicket } from "../wallet/apple-pass";
import { eventSnapshotOf } from "../outbox/templates";
import type { LinkedTicket } from "./queries";

export type LinkedTicketFile = "pdf" | "calendar" | "apple-wallet" | "google-wallet";

type HeldTicket = Extract<LinkedTicket, { state: "held" }>;

/** The ticket a checked link opened, when its holder may still use it; null otherwise. */
function usable(ticket: LinkedTicket | null): HeldTicket | null {
  return ticket?.state === "held" && ticket.usable ? ticket : null;
}

/** The ticket's own page (absolute, with its key), where each file leads back to. */
function ticketPageUrl(transferId: string, key: string, locale: AppLocale): string {
  return `${env().SITE_URL}${localizePath(`/tickets/${transferId}?key=${encodeURIComponent(key)}`, locale)}`;
}

/** `linked` is what getTicketByLink gave for the link's id and key. */
export async function linkedTicketPdf(linked: LinkedTicket | null, locale: AppLocale): Promise<TicketPdfFile | null> {
  const ticket = usable(linked);
  if (!ticket) return null;
  return ticketPdfForTicket(
    locale,
    {
      orderNumber: ticket.orderNumber,
      holder: ticket.holderName,
      organizerName: ticket.event.organizerName,
      event: eventSnapshotOf(ticket.event),
    },
    { code: ticket.code, typeName: ticket.typeName },
  );
}

/** `key` is the link's, checked by getTicketByLink: the file links back to the ticket's page. */
export function linkedTicketCalendar(linked: LinkedTicket | null, key: string, locale: AppLocale): CalendarFile | null {
  const ticket = usable(linked);
  if (!ticket) return null;
  return eventCalendarFile(locale, {
    orderNumber: ticket.orderNumber,
    organizerName: ticket.event.organizerName,
    event: eventSnapshotOf(ticket.event),
    link: ticketPageUrl(ticket.transferId, key, locale),
  });
}

export function linkedWalletTicket(linked: LinkedTicket | null, key: string, locale: AppLocale): WalletTicket | null {
  const ticket = usable(linked);
  if (!ticket) return null;
  return {
    orderNumber: ticket.orderNumber,
    holder: ticket.holderName,
    organizerName: ticket.event.organizerName,
    event: { slug: ticket.event.slug, ...eventSnapshotOf(ticket.event) },
    ticket: { code: ticket.code, typeName: ticket.typeName },
    link: ticketPageUrl(ticket.transferId, key, locale),
  };
}

/** Where the ticket's page links for one of its files; the signed key travels along. */
export function linkedTicketFilePath(transferId: string, key: string, file: LinkedTicketFile): string {
  return `/tickets/${transferId}/${file}?key=${encodeURIComponent(key)}`;
}
