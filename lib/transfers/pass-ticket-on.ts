// Passing one ticket on to someone else: who may (the ticket's current holder, through the
// order's signed link, the account or the ticket's own signed link), when (lib/transfers/rules),
// how often (rate limits), and the one transaction that gives the ticket a new holder and a new
// code, records the transfer and queues both emails.
import "server-only";
import { normaliseEmail } from "../accounts/email-address";
import { ensureBuyerAccount } from "../accounts/buyer-account";
import { createSignInLink } from "../accounts/sign-in-links";
import { db, type DbTransaction } from "../db/client";
import type { Locale } from "../db/types";
import { isUuid } from "../ids";
import { newTicketCode, TICKET_CODE_PATTERN } from "../orders/codes";
import { lockOrder, SET_PASSWORD_PATH, WELCOME_LINK_MAX_AGE_MS } from "../orders/finalize-order";
import { isValidOrderKey } from "../orders/order-links";
import { ORGANIZER_CONTACT_SELECT, organizerReplyTo } from "../organizers/contact-address";
import { enqueueEmails, type QueuedEmail } from "../outbox/queue";
import { EVENT_SNAPSHOT_SELECT, eventSnapshotOf } from "../outbox/templates";
import { findHolder, heldTicketIds, TICKET_HOLDER_SELECT, ticketHolderContact, ticketStillWithBuyer } from "../ownership/holdings";
import { clientRateLimitKey, emailRateLimitKey, hit, type RateLimit } from "../rate-limit";
import { transferRefusal, type TransferRefusal } from "./rules";
import { parseTransferRecipient, type TransferFieldErrors } from "./schemas";
import { isValidTicketKey, ticketLinkUrl } from "./ticket-links";

/** Tickets one client may pass on, over every order and account it acts for. */
export const TRANSFERS_PER_CLIENT: RateLimit = { limit: 10, windowMs: 60 * 60_000 };
/** Tickets one holder (by address) may pass on: each is an email to an address they choose. */
export const TRANSFERS_PER_SENDER: RateLimit = { limit: 10, windowMs: 60 * 60_000 };
/** Tickets one address may be sent, whoever sends them. */
export const TRANSFERS_PER_RECIPIENT: RateLimit = { limit: 5, windowMs: 60 * 60_000 };

/**
 * Who asks, and what proves they hold the ticket: the order's signed link (a ticket the buyer
 * still holds), the signed-in account (the ownership rule), or the signed link of the transfer
 * that gave them the ticket (while it is the ticket's latest).
 */
export type TransferSender =
  { via: "order"; orderId: string; key: string } | { via: "account"; userId: string } | { via: "link"; transferId: string; key: string };

export type PassTicketOnResult =
  | { ok: true; transferId: string; toName: string; toEmail: string }
  | { ok: false; error: "invalid_form"; fieldErrors: TransferFieldErrors }
  | { ok: false; error: "not_found" }
  /** The ticket changed meanwhile (passed on, checked in or given a new code by someone else). */
  | { ok: false; error: TransferRefusal | "rate_limited" | "changed" };

const TICKET_SELECT = {
  id: true,
  code: true,
  status: true,
  checkedInAt: true,
  holderUserId: true,
  ...TICKET_HOLDER_SELECT,
  ticketType: { select: { name: true } },
  order: {
    select: {
      ...TICKET_HOLDER_SELECT.order.select,
      id: true,
      number: true,
      status: true,
      userId: true,
      locale: true,
    },
  },
  event: {
    select: {
      ...EVENT_SNAPSHOT_SELECT,
      transfersAllowed: true,
      transferCutoffMinutes: true,
      organizer: { select: { name: true, ...ORGANIZER_CONTACT_SELECT } },
    },
  },
  transfers: { orderBy: { createdAt: "desc" as const }, take: 1, select: { id: true, toEmail: true } },
} as const;

type LoadedTicket = NonNullable<Awaited<ReturnType<typeof loadTicket>>>;

function loadTicket(reader: DbTransaction | typeof db, where: { code: string } | { id: string }) {
  return reader.ticket.findUnique({ where, select: TICKET_SELECT });
}

/** Whether `sender` holds `ticket` now. */
async function senderHolds(sender: TransferSender, ticket: LoadedTicket): Promise<boolean> {
  switch (sender.via) {
    case "order":
      return ticket.order.id === sender.orderId && ticketStillWithBuyer(ticket) && isValidOrderKey(ticket.order, sender.key);
    case "link": {
      const latest = ticket.transfers[0];
      return (
        latest !== undefined && latest.id === sender.transferId && !ticketStillWithBuyer(ticket) && isValidTicketKey(latest, sender.key)
      );
    }
    case "account": {
      const holder = await findHolder(sender.userId);
      return holder !== null && (await heldTicketIds(holder, { codes: [ticket.code] })).includes(ticket.id);
    }
  }
}

/** Which holding the sender proved: re-checked under the lock, so a change meanwhile is seen. */
function holdingOf(ticket: LoadedTicket): string {
  return `${ticket.code}:${ticket.holderEmail ?? ""}:${ticket.transfers[0]?.id ?? ""}`;
}

class TicketChanged extends Error {}

export async function passTicketOn({
  sender,
  code,
  recipient,
  locale,
  clientAddress,
  now = new Date(),
}: {
  sender: TransferSender;
  /** The ticket's code as the sender's page shows it. */
  code: string;
  recipient: { name: string; email: string };
  /** The sender's language, which both emails are written in. */
  locale: Locale;
  clientAddress?: string;
  now?: Date;
}): Promise<PassTicketOnResult> {
  const parsed = parseTransferRecipient(recipient);
  if (!parsed.ok) return { ok: false, error: "invalid_form", fieldErrors: parsed.fieldErrors };
  if (!TICKET_CODE_PATTERN.test(code)) return { ok: false, error: "not_found" };
  if (sender.via === "order" && !isUuid(sender.orderId)) return { ok: false, error: "not_found" };
  if (sender.via === "link" && !isUuid(sender.transferId)) return { ok: false, error: "not_found" };

  const ticket = await loadTicket(db, { code });
  if (!ticket || !(await senderHolds(sender, ticket))) return { ok: false, error: "not_found" };
  const refusal = transferRefusal({ event: ticket.event, orderStatus: ticket.order.status, ticket }, now);
  if (refusal) return { ok: false, error: refusal };
  const from = ticketHolderContact(ticket);
  if (normaliseEmail(from.email) === parsed.data.email) {
    return { ok: false, error: "invalid_form", fieldErrors: { email: "email_same_holder" } };
  }

  if (clientAddress && clientAddress !== "unknown") {
    const perClient = await hit(clientRateLimitKey("ticket-transfer", clientAddress), { ...TRANSFERS_PER_CLIENT, now });
    if (!perClient.allowed) return { ok: false, error: "rate_limited" };
  }
  const perSender = await hit(emailRateLimitKey("ticket-transfer-from", from.email), { ...TRANSFERS_PER_SENDER, now });
  if (!perSender.allowed) return { ok: false, error: "rate_limited" };
  const perRecipient = await hit(emailRateLimitKey("ticket-transfer-to", parsed.data.email), { ...TRANSFERS_PER_RECIPIENT, now });
  if (!perRecipient.allowed) return { ok: false, error: "rate_limited" };

  const proved = holdingOf(ticket);
  try {
    return await db.$transaction(async (tx) => {
      // The order's row lock puts transfers of its tickets and corrections of its address one
      // after the other; the ticket is then read again, as it is now.
      await lockOrder(tx, ticket.order.id);
      const current = await loadTicket(tx, { id: ticket.id });
      if (!current || holdingOf(current) !== proved) throw new TicketChanged();
      const refusedNow = transferRefusal({ event: current.event, orderStatus: current.order.status, ticket: current }, now);
      if (refusedNow) return { ok: false, error: refusedNow } as const;
      return await recordTransfer(tx, current, { ...parsed.data, locale, now });
    });
  } catch (error) {
    if (error instanceof TicketChanged) return { ok: false, error: "changed" };
    throw error;
  }
}

async function recordTransfer(
  tx: DbTransaction,
  ticket: LoadedTicket,
  { name, email, locale, now }: { name: string; email: string; locale: Locale; now: Date },
): Promise<PassTicketOnResult> {
  const from = ticketHolderContact(ticket);
  const fromName = from.name ?? ticket.holderName ?? ticket.order.buyerName;
  const fromUserId = ticketStillWithBuyer(ticket) ? ticket.order.userId : ticket.holderUserId;
  const account = await ensureBuyerAccount(tx, { email, name, locale });
  const code = newTicketCode();
  // The code in the condition makes a check-in (or another transfer) that got there first win:
  // then nothing is written, and the whole transaction is rolled back.
  const { count } = await tx.ticket.updateMany({
    where: { id: ticket.id, code: ticket.code, status: "VALID", checkedInAt: null },
    data: { code, holderUserId: account.userId, holderName: name, holderEmail: email },
  });
  if (count !== 1) throw new TicketChanged();
  const transfer = await tx.ticketTransfer.create({
    data: {
      ticketId: ticket.id,
      fromUserId,
      fromName,
      fromEmail: normaliseEmail(from.email),
      toUserId: account.userId,
      toName: name,
      toEmail: email,
      oldCode: ticket.code,
      createdAt: now,
    },
    select: { id: true, toEmail: true },
  });

  const { event } = ticket;
  const organizer = { organizerName: event.organizer.name, replyTo: organizerReplyTo(event.organizer) };
  const emails: QueuedEmail[] = [
    {
      template: "ticket-received",
      to: email,
      toName: name,
      locale,
      dedupeKey: `ticket-received:${transfer.id}`,
      payload: {
        ...organizer,
        fromName,
        toName: name,
        orderNumber: ticket.order.number,
        event: eventSnapshotOf(event),
        ticket: { code, typeName: ticket.ticketType.name },
        ticketUrl: ticketLinkUrl(transfer),
      },
    },
    {
      template: "ticket-passed-on",
      to: normaliseEmail(from.email),
      toName: from.name,
      locale,
      dedupeKey: `ticket-passed-on:${transfer.id}`,
      payload: {
        ...organizer,
        fromName,
        toName: name,
        orderNumber: ticket.order.number,
        eventTitle: event.title,
        typeName: ticket.ticketType.name,
      },
    },
  ];
  // Like a guest's first purchase: a new account gets the welcome email with its password link.
  if (account.created) {
    const link = await createSignInLink(tx, { email, maxAgeMs: WELCOME_LINK_MAX_AGE_MS, callbackPath: SET_PASSWORD_PATH, now });
    emails.push({
      template: "welcome",
      to: email,
      toName: name,
      locale,
      dedupeKey: `welcome:${account.userId}`,
      payload: { name, setPasswordUrl: link },
    });
  }
  await enqueueEmails(tx, emails);
  return { ok: true, transferId: transfer.id, toName: name, toEmail: email };
}
