// "Skicka mina biljetter": anyone may type an address; the account with that address gets an
// email with the tickets it holds (lib/ownership/holdings.ts) for upcoming events, each order
// with its signed link. The caller hears the same answer, after about the same time, whether
// the address has an account, tickets, or neither: only a malformed address or the limit differ.
import "server-only";
import { parseEmail, type EmailProblem } from "../accounts/email-address";
import { LINK_REQUEST_MIN_DURATION_MS, LINK_REQUESTS_PER_CLIENT, LINK_REQUESTS_PER_EMAIL } from "../auth/request-link";
import { db } from "../db/client";
import { orderUrl } from "../orders/order-links";
import { enqueueEmails } from "../outbox/queue";
import { EVENT_SNAPSHOT_SELECT, eventSnapshotOf, type MyTicketsPayload } from "../outbox/templates";
import { heldTicketIds, holderOf } from "../ownership/holdings";
import { clientRateLimitKey, emailRateLimitKey, hit } from "../rate-limit";

/** Counted apart from sign-in links, with the same limits (5 per address, 20 per client in 15 minutes). */
export const SEND_TICKETS_PER_EMAIL = LINK_REQUESTS_PER_EMAIL;
export const SEND_TICKETS_PER_CLIENT = LINK_REQUESTS_PER_CLIENT;
const RATE_LIMIT_ACTION = "send-my-tickets";

export type SendMyTicketsResult =
  | { ok: true }
  | { ok: false; reason: "invalid_email"; problem: EmailProblem }
  | { ok: false; reason: "rate_limited"; retryAfterMs: number };

export async function sendMyTickets(
  { email: rawEmail, clientAddress, now = new Date() }: { email: unknown; clientAddress: string; now?: Date },
  { minDurationMs = LINK_REQUEST_MIN_DURATION_MS }: { minDurationMs?: number } = {},
): Promise<SendMyTicketsResult> {
  const started = Date.now();
  try {
    return await sendUnlessLimited(typeof rawEmail === "string" ? rawEmail : "", clientAddress, now);
  } finally {
    // Padding from the start hides whether an account was found and an email queued.
    const left = minDurationMs - (Date.now() - started);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}

async function sendUnlessLimited(rawEmail: string, clientAddress: string, now: Date): Promise<SendMyTicketsResult> {
  const client = await hit(clientRateLimitKey(RATE_LIMIT_ACTION, clientAddress), { ...SEND_TICKETS_PER_CLIENT, now });
  if (!client.allowed) return { ok: false, reason: "rate_limited", retryAfterMs: client.retryAfterMs };

  const parsed = parseEmail(rawEmail);
  if (!parsed.ok) return { ok: false, reason: "invalid_email", problem: parsed.problem };

  // Per address too, so that nobody fills a stranger's inbox from many clients.
  const perEmail = await hit(emailRateLimitKey(RATE_LIMIT_ACTION, parsed.email), { ...SEND_TICKETS_PER_EMAIL, now });
  if (!perEmail.allowed) return { ok: false, reason: "rate_limited", retryAfterMs: perEmail.retryAfterMs };

  const user = await db.user.findUnique({ where: { email: parsed.email }, select: { id: true, email: true, name: true, locale: true } });
  // No account, no tickets: a guest's purchase always makes one, and orders left without an
  // account (it was deleted) belong to whoever signs up with the address, not to a passer-by.
  if (!user) return { ok: true };
  const payload = await myTicketsPayload(user, now);
  if (!payload) return { ok: true };
  await db.$transaction((tx) =>
    // The account's own language: the reader is its owner, whoever typed the address.
    enqueueEmails(tx, [{ template: "my-tickets", to: user.email, toName: user.name, locale: user.locale, payload }]),
  );
  return { ok: true };
}

/** The account's valid tickets for events not yet over, by order (soonest event first); null when none. */
export async function myTicketsPayload(
  user: { id: string; email: string; name: string | null },
  now = new Date(),
): Promise<MyTicketsPayload | null> {
  const ids = await heldTicketIds(holderOf(user), { statuses: ["PAID"] });
  if (ids.length === 0) return null;
  const tickets = await db.ticket.findMany({
    where: { id: { in: ids }, status: "VALID", event: { endsAt: { gt: now } } },
    select: {
      ticketType: { select: { name: true, sortOrder: true } },
      order: {
        select: {
          id: true,
          number: true,
          buyerEmail: true,
          createdAt: true,
          event: { select: { ...EVENT_SNAPSHOT_SELECT, organizer: { select: { name: true } } } },
        },
      },
    },
  });
  if (tickets.length === 0) return null;

  const orders = new Map<string, { order: (typeof tickets)[number]["order"]; types: Map<string, { count: number; sortOrder: number }> }>();
  for (const ticket of tickets) {
    const entry = orders.get(ticket.order.id) ?? { order: ticket.order, types: new Map() };
    const type = entry.types.get(ticket.ticketType.name) ?? { count: 0, sortOrder: ticket.ticketType.sortOrder };
    type.count += 1;
    entry.types.set(ticket.ticketType.name, type);
    orders.set(ticket.order.id, entry);
  }
  const sorted = [...orders.values()].sort(
    (a, b) =>
      a.order.event.startsAt.getTime() - b.order.event.startsAt.getTime() || a.order.createdAt.getTime() - b.order.createdAt.getTime(),
  );
  return {
    name: user.name,
    orders: sorted.map(({ order, types }) => ({
      orderNumber: order.number,
      organizerName: order.event.organizer.name,
      event: eventSnapshotOf(order.event),
      tickets: [...types.entries()].sort((a, b) => a[1].sortOrder - b[1].sortOrder).map(([typeName, { count }]) => ({ typeName, count })),
      // Signed over the order's own address, as every link to it is (lib/orders/order-links.ts).
      orderUrl: orderUrl(order),
    })),
  };
}
