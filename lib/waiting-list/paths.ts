// The waiting list's pages (plain paths; links and redirects put them in the reader's language).

/** Where a sold-out ticket type's waiting list is joined. */
export function joinPagePath(eventSlug: string, ticketTypeId: string, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ type: ticketTypeId, ...extra });
  return `/events/${encodeURIComponent(eventSlug)}/waiting-list?${query}`;
}
