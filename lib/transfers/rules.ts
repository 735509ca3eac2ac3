// When a ticket may be passed on: the organizer allows it for the event, the cut-off before the
// start has not come, the order is paid, and the ticket is valid and nobody has been let in on
// it. Asked before anything is written and again inside the transaction that passes it on.

/** The event's defaults (prisma/schema.prisma): passing on allowed, until 2 hours before the start. */
export const DEFAULT_TRANSFER_CUTOFF_MINUTES = 120;
/** The longest cut-off an organizer may set: a week. */
export const MAX_TRANSFER_CUTOFF_HOURS = 168;

export type TransferRefusal = "not_allowed" | "closed" | "checked_in" | "not_valid";

export type TransferEvent = { transfersAllowed: boolean; transferCutoffMinutes: number; startsAt: Date };

/** The last moment a ticket of the event may be passed on. */
export function transferDeadline(event: Pick<TransferEvent, "transferCutoffMinutes" | "startsAt">): Date {
  return new Date(event.startsAt.getTime() - event.transferCutoffMinutes * 60_000);
}

/** Why the ticket may not be passed on now, or null when it may. */
export function transferRefusal(
  { event, orderStatus, ticket }: { event: TransferEvent; orderStatus: string; ticket: { status: string; checkedInAt: Date | null } },
  now = new Date(),
): TransferRefusal | null {
  if (orderStatus !== "PAID" || ticket.status !== "VALID") return "not_valid";
  if (ticket.checkedInAt !== null) return "checked_in";
  if (!event.transfersAllowed) return "not_allowed";
  if (now >= transferDeadline(event)) return "closed";
  return null;
}
