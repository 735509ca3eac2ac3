// The reminder before an event: a day ahead, one email per address holding a valid ticket of a
// paid order (a ticket passed on reminds its new holder, with their own link), never twice, never
// for a cancelled event, one that is further off or about to start, or one already reminded; a
// passed-on ticket's holder in their own language;
// cancelling an event withdraws its reminders not sent yet; on
// PostgreSQL, workers running at once queue each reminder once.
import { randomUUID } from "node:crypto";
import { databaseKind, describeOnPostgres, useTestDatabase } from "../helpers/test-db";
import { createEvent } from "../helpers/fixtures";
import { addMember, paidOrder } from "../organizer-ops/fixtures";
import { db } from "@/lib/db/client";
import { renderOutboxEmail } from "@/emails/render";
import { cancelEventForMember } from "@/lib/event-cancellation/cancel-event";
import { orderUrl } from "@/lib/orders/order-links";
import { queueEventReminders, REMINDER_LATEST_MS, REMINDER_LEAD_MS } from "@/lib/reminders/event-reminders";
import { passTicketOn } from "@/lib/transfers/pass-ticket-on";
import { ticketLinkUrl } from "@/lib/transfers/ticket-links";

useTestDatabase();

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const unique = () => randomUUID().slice(0, 8);

/** An event starting `hoursAhead` from now, with one paid order of two tickets. */
async function eventIn(hoursAhead: number, options: { email?: string; locale?: "sv" | "en" } = {}) {
  const { event, ticketTypes, organizerId } = await createEvent({ startsInDays: hoursAhead / 24 });
  const email = options.email ?? `kund-${unique()}@example.se`;
  const ids = { eventId: event.id, ticketTypeId: ticketTypes[0].id };
  const order = await paidOrder(ids, { email, locale: options.locale });
  return { event, organizerId, order, email, ids };
}

const remindersOf = (eventId: string) =>
  db.outboxEmail.findMany({
    where: { template: "event-reminder", dedupeKey: { startsWith: `event-reminder:${eventId}:` } },
    orderBy: { to: "asc" },
  });

describe(`queueEventReminders (${databaseKind})`, () => {
  it("reminds each holder of an event starting within a day once, with their own link and language", async () => {
    const due = await eventIn(20, { locale: "en" });
    await db.event.update({ where: { id: due.event.id }, data: { address: "Storgatan 1" } });
    // A second order of the same buyer: still one email for the address.
    await paidOrder(due.ids, { email: due.email, locale: "en" });
    // One of the first order's tickets passed on: its new holder is reminded with the ticket's link.
    const passed = await passTicketOn({
      sender: { via: "order", orderId: due.order.id, key: new URL(orderUrl(due.order)).searchParams.get("key") ?? "" },
      code: due.order.tickets[0].code,
      recipient: { name: "Tove Vän", email: `tove-${unique()}@example.se` },
      locale: "sv",
    });
    if (!passed.ok) throw new Error(passed.error);

    const report = await queueEventReminders();
    expect(report.events).toBeGreaterThanOrEqual(1);

    const emails = await remindersOf(due.event.id);
    expect(emails.map((email) => email.to).sort()).toEqual([due.email, passed.toEmail].sort());
    const toBuyer = emails.find((email) => email.to === due.email)!;
    const toFriend = emails.find((email) => email.to === passed.toEmail)!;
    expect(toBuyer.locale).toBe("en");
    expect(toBuyer.payload).toMatchObject({
      holderName: "Greta Köpare",
      linkTo: "order",
      event: { title: due.event.title, address: "Storgatan 1", city: due.event.city, startsAt: due.event.startsAt.toISOString() },
    });
    // The friend's account was made when the ticket was passed on, in Swedish: their language.
    expect(toFriend.locale).toBe("sv");
    expect(toFriend.payload).toMatchObject({
      holderName: "Tove Vän",
      link: ticketLinkUrl({ id: passed.transferId, toEmail: passed.toEmail }),
      linkTo: "ticket",
    });
    // The buyer's link is to one of their orders (the newest, as for the organizer's messages).
    const orders = await db.order.findMany({ where: { eventId: due.event.id } });
    expect(orders.map((order) => orderUrl(order))).toContain((toBuyer.payload as { link: string }).link);
    expect((await db.event.findUniqueOrThrow({ where: { id: due.event.id } })).remindersQueuedAt).not.toBeNull();

    // Drawn as sent, in the buyer's language, replies to the organizer.
    const sent = await renderOutboxEmail(toBuyer);
    expect(sent.subject).toBe(`Coming up: ${due.event.title}`);
    expect(sent.text).toContain("Storgatan 1");
    expect(sent.text).toContain("Show the tickets");
    const organizer = await db.organizer.findUniqueOrThrow({ where: { id: due.organizerId } });
    expect(sent.replyTo).toBe(organizer.contactEmail ?? organizer.email);

    // A second run, and a ticket bought after the reminders went out: nothing more.
    await paidOrder(due.ids);
    await queueEventReminders();
    expect(await remindersOf(due.event.id)).toHaveLength(2);
  });

  it("writes to someone a ticket was passed on to in their own account's language, not the buyer's", async () => {
    const due = await eventIn(20, { locale: "sv" });
    const friend = `vera-${unique()}@example.se`;
    const passed = await passTicketOn({
      sender: { via: "order", orderId: due.order.id, key: new URL(orderUrl(due.order)).searchParams.get("key") ?? "" },
      code: due.order.tickets[0].code,
      recipient: { name: "Vera Vän", email: friend },
      locale: "sv",
    });
    if (!passed.ok) throw new Error(passed.error);
    // She switched the site to English while signed in (lib/profile's saveAccountLocale).
    await db.user.updateMany({ where: { email: friend }, data: { locale: "en" } });

    await queueEventReminders();
    const emails = await remindersOf(due.event.id);
    expect(emails.map((email) => [email.to, email.locale]).sort()).toEqual(
      [
        [due.email, "sv"],
        [friend, "en"],
      ].sort(),
    );
  });

  it("writes to a buyer who has signed in, in their account's language, as their other emails, not in the one the order was bought in", async () => {
    const due = await eventIn(20, { locale: "sv" });
    // Bought in Swedish, then signed in by the emailed link and chose English with the language switcher.
    await db.user.updateMany({ where: { email: due.email }, data: { locale: "en", emailVerified: new Date() } });

    await queueEventReminders();
    const [email] = await remindersOf(due.event.id);
    expect([email.to, email.locale]).toEqual([due.email, "en"]);
  });

  it("writes to a guest who never signed in about each order in the language it was bought in", async () => {
    // The first purchase made the account, in Swedish; the second was bought in English.
    const swedish = await eventIn(20, { locale: "sv" });
    const english = await eventIn(21, { email: swedish.email, locale: "en" });
    expect((await db.user.findUniqueOrThrow({ where: { email: swedish.email } })).locale).toBe("sv");

    await queueEventReminders();
    const [aboutSwedish] = await remindersOf(swedish.event.id);
    const [aboutEnglish] = await remindersOf(english.event.id);
    expect([aboutSwedish.to, aboutSwedish.locale]).toEqual([swedish.email, "sv"]);
    expect([aboutEnglish.to, aboutEnglish.locale]).toEqual([swedish.email, "en"]);
    expect((await renderOutboxEmail(aboutEnglish)).subject).toBe(`Coming up: ${english.event.title}`);
  });

  it("leaves alone events further off, about to start, cancelled, unpublished, and holders whose order was cancelled", async () => {
    const later = await eventIn(REMINDER_LEAD_MS / HOUR + 2);
    const soon = await eventIn(REMINDER_LATEST_MS / HOUR / 2);
    const cancelled = await eventIn(12);
    await db.event.update({ where: { id: cancelled.event.id }, data: { status: "CANCELLED" } });
    const draft = await eventIn(12);
    await db.event.update({ where: { id: draft.event.id }, data: { status: "DRAFT" } });
    const refunded = await eventIn(12);
    await db.order.update({ where: { id: refunded.order.id }, data: { status: "REFUNDED" } });
    await db.ticket.updateMany({ where: { orderId: refunded.order.id }, data: { status: "VOID" } });

    await queueEventReminders();
    for (const { event } of [later, soon, cancelled, draft]) {
      expect(await remindersOf(event.id)).toHaveLength(0);
      expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).remindersQueuedAt).toBeNull();
    }
    // Due, but nobody holds a ticket: marked done with no email.
    expect(await remindersOf(refunded.event.id)).toHaveLength(0);
    expect((await db.event.findUniqueOrThrow({ where: { id: refunded.event.id } })).remindersQueuedAt).not.toBeNull();

    // The later one is reminded once its day has come.
    await queueEventReminders(new Date(Date.now() + 3 * HOUR));
    expect(await remindersOf(later.event.id)).toHaveLength(1);
    expect(DAY).toBe(REMINDER_LEAD_MS);
  });
});

describe(`reminders and a cancellation (${databaseKind})`, () => {
  it("withdraws the reminders not sent yet when the event is cancelled, and leaves those already sent", async () => {
    const due = await eventIn(6);
    const other = await eventIn(6);
    await paidOrder(due.ids);
    await queueEventReminders();
    const [sent] = await remindersOf(due.event.id);
    await db.outboxEmail.update({ where: { id: sent.id }, data: { status: "SENT", sentAt: new Date() } });

    const owner = await addMember(due.organizerId, "OWNER", "Olga Ägare");
    const result = await cancelEventForMember({
      userId: owner.id,
      organizerId: due.organizerId,
      eventId: due.event.id,
      values: { message: "Scenen är skadad.", confirmation: due.event.title },
    });
    expect(result).toMatchObject({ ok: true });

    expect((await remindersOf(due.event.id)).map((email) => [email.id, email.status])).toEqual([[sent.id, "SENT"]]);
    // Another event's reminder is not touched.
    expect(await remindersOf(other.event.id)).toHaveLength(1);
  });
});

describeOnPostgres("reminders queued by several workers at once (PostgreSQL)", () => {
  it("queues each event's reminders once when four runs overlap", async () => {
    const events = await Promise.all(Array.from({ length: 6 }, () => eventIn(10)));
    await Promise.all(Array.from({ length: 4 }, () => queueEventReminders()));
    for (const { event, email } of events) {
      const emails = await remindersOf(event.id);
      expect(emails.map((row) => row.to)).toEqual([email]);
    }
  });
});
