// An organizer cancels an event: sales and the waiting list stop in the cancelling transaction,
// and the worker cancels and refunds every order in leased batches. On both databases the
// rules and a crash; on PostgreSQL 120 orders worked through by two workers at once.
import { randomUUID } from "node:crypto";
import { databaseKind, describeOnPostgres, useTestDatabase } from "../helpers/test-db";
import { createEvent } from "../helpers/fixtures";
import { addMember } from "../organizer-ops/fixtures";
import { db } from "@/lib/db/client";
import { newOrderNumber, newTicketCode } from "@/lib/orders/codes";
import { placeOrder } from "@/lib/orders/place-order";
import type { EventCancelledPayload } from "@/lib/event-cancellation/email-payload";
import { cancelEventForMember } from "@/lib/event-cancellation/cancel-event";
import { cancelClaimedOrders, claimBatch, processEventCancellation, CANCELLATION_LEASE_MS } from "@/lib/event-cancellation/process";
import { getCancellationProgress, getCancelledEventBySlug } from "@/lib/event-cancellation/queries";
import { PaymentUnavailableError, type PaymentProvider, type RefundInput } from "@/lib/payments/provider";
import { testPaymentProvider } from "@/lib/payments/test-provider";
import { completeDueRefunds, REFUND_LEASE_MS } from "@/lib/refunds/complete-refund";
import { renderOutboxEmail } from "@/emails/render";

useTestDatabase();

/** The test provider, counting the refunds it is asked for; `down` makes it unreachable. */
function countingProvider() {
  const base = testPaymentProvider();
  const calls: RefundInput[] = [];
  const state = { down: false };
  const provider: PaymentProvider = {
    ...base,
    async refund(input) {
      calls.push(input);
      if (state.down) throw new PaymentUnavailableError("test: provider down");
      return base.refund(input);
    },
  };
  return { provider, calls, state };
}

const unique = () => randomUUID().slice(0, 8);

/** An event with one ticket type whose `sold` counts the orders made with `order`, and an owner. */
async function eventWithOwner({ capacity = 500 }: { capacity?: number } = {}) {
  const { event, ticketTypes, organizerId } = await createEvent({ ticketTypes: [{ name: "Parkett", capacity }] });
  const owner = await addMember(organizerId, "OWNER", "Olga Ägare");
  return { event, ticketType: ticketTypes[0], organizerId, owner };
}

/** A paid order as checkout leaves it: card orders through the test provider, free ones without a payment. */
async function order(
  { eventId, ticketTypeId }: { eventId: string; ticketTypeId: string },
  {
    quantity = 2,
    priceMinor = 25_000,
    email = `kund-${unique()}@example.se`,
  }: { quantity?: number; priceMinor?: number; email?: string } = {},
) {
  const paid = priceMinor > 0;
  const created = await db.order.create({
    data: {
      number: newOrderNumber(),
      eventId,
      buyerName: "Kim Kund",
      buyerEmail: email,
      status: "PAID",
      subtotalMinor: quantity * priceMinor,
      totalMinor: quantity * priceMinor,
      paidAt: new Date(),
      paymentProvider: paid ? "test" : null,
      paymentRef: paid ? `test_${randomUUID()}` : null,
      items: { create: [{ ticketTypeId, quantity, unitPriceMinor: priceMinor }] },
      tickets: { createMany: { data: Array.from({ length: quantity }, () => ({ code: newTicketCode(), ticketTypeId, eventId })) } },
    },
    include: { tickets: { orderBy: { code: "asc" } } },
  });
  await db.ticketType.update({ where: { id: ticketTypeId }, data: { sold: { increment: quantity } } });
  return created;
}

/** Passes one ticket of an order on to someone else, as lib/transfers leaves it. */
async function passOn(ticket: { id: string; code: string }, to: { name: string; email: string }) {
  await db.ticket.update({
    where: { id: ticket.id },
    data: { holderName: to.name, holderEmail: to.email, code: newTicketCode() },
  });
  await db.ticketTransfer.create({
    data: {
      ticketId: ticket.id,
      fromName: "Kim Kund",
      fromEmail: "kim@example.se",
      toName: to.name,
      toEmail: to.email,
      oldCode: ticket.code,
    },
  });
}

async function cancel(
  { event, organizerId, owner }: Awaited<ReturnType<typeof eventWithOwner>>,
  values = { message: "Artisten är sjuk. Vi ber om ursäkt.", confirmation: event.title },
) {
  return cancelEventForMember({ userId: owner.id, organizerId, eventId: event.id, values });
}

const cancelledEmails = (cancellationId: string) =>
  db.outboxEmail.findMany({ where: { dedupeKey: { startsWith: `event-cancelled:${cancellationId}:` } }, orderBy: { to: "asc" } });

describe(`cancelEventForMember (${databaseKind})`, () => {
  it("refuses a missing message, a wrong name and staff, and changes nothing", async () => {
    const setup = await eventWithOwner();
    const staff = await addMember(setup.organizerId, "STAFF");
    expect(await cancel(setup, { message: "  ", confirmation: "Fel namn" })).toEqual({
      ok: false,
      error: "invalid_form",
      fieldErrors: { message: "required", confirmation: "mismatch" },
    });
    expect(await cancel(setup, { message: "Inställt.", confirmation: "" })).toMatchObject({ fieldErrors: { confirmation: "required" } });
    const byStaff = await cancelEventForMember({
      userId: staff.id,
      organizerId: setup.organizerId,
      eventId: setup.event.id,
      values: { message: "Inställt.", confirmation: setup.event.title },
    });
    expect(byStaff).toEqual({ ok: false, error: "not_found" });
    expect((await db.event.findUniqueOrThrow({ where: { id: setup.event.id } })).status).toBe("PUBLISHED");
    expect(await db.eventCancellation.count({ where: { eventId: setup.event.id } })).toBe(0);
  });

  it("refuses an event that has ended, whose orders stay as they are, and cancels an unpublished one that sold tickets", async () => {
    const ended = await eventWithOwner();
    const paid = await order({ eventId: ended.event.id, ticketTypeId: ended.ticketType.id });
    const values = { message: "Inställt.", confirmation: ended.event.title };
    // Over a minute ago: calling it off now would refund every order of an event that took place.
    const hour = 60 * 60_000;
    await db.event.update({
      where: { id: ended.event.id },
      data: { startsAt: new Date(Date.now() - 3 * hour), endsAt: new Date(Date.now() - 60_000) },
    });
    expect(await cancel(ended, values)).toEqual({ ok: false, error: "already_ended" });
    // The time is the request's: an event that ends within the hour is over two hours later.
    await db.event.update({ where: { id: ended.event.id }, data: { endsAt: new Date(Date.now() + hour) } });
    const later = new Date(Date.now() + 2 * hour);
    expect(
      await cancelEventForMember({ userId: ended.owner.id, organizerId: ended.organizerId, eventId: ended.event.id, values, now: later }),
    ).toEqual({ ok: false, error: "already_ended" });
    expect((await db.event.findUniqueOrThrow({ where: { id: ended.event.id } })).status).toBe("PUBLISHED");
    expect((await db.order.findUniqueOrThrow({ where: { id: paid.id } })).status).toBe("PAID");
    expect(await db.eventCancellation.count({ where: { eventId: ended.event.id } })).toBe(0);

    // Unpublished after it sold (sales paused): it can still be called off, and its orders refunded.
    const paused = await eventWithOwner();
    await order({ eventId: paused.event.id, ticketTypeId: paused.ticketType.id });
    await db.event.update({ where: { id: paused.event.id }, data: { status: "DRAFT" } });
    expect(await cancel(paused)).toMatchObject({ ok: true, orderCount: 1 });
  });

  it("stops sales and the waiting list at once, lists the paid orders, and a second cancellation is a no-op", async () => {
    const setup = await eventWithOwner();
    const ids = { eventId: setup.event.id, ticketTypeId: setup.ticketType.id };
    const paid = await order(ids);
    await order(ids, { quantity: 1, priceMinor: 0 });
    // One person waiting, one holding an offer of 2 places.
    await db.waitingListEntry.create({ data: { ticketTypeId: setup.ticketType.id, email: `vantar-${unique()}@example.se`, quantity: 1 } });
    await db.waitingListEntry.create({
      data: {
        ticketTypeId: setup.ticketType.id,
        email: `erbjuden-${unique()}@example.se`,
        quantity: 2,
        status: "OFFERED",
        offeredAt: new Date(),
        offerExpiresAt: new Date(Date.now() + 30 * 60_000),
      },
    });
    await db.ticketType.update({ where: { id: setup.ticketType.id }, data: { held: { increment: 2 } } });

    // The title typed in other case and spacing is the same name.
    const result = await cancel(setup, {
      message: "Artisten är sjuk.\n\nVi ber om ursäkt.",
      confirmation: `  ${setup.event.title.toUpperCase()} `,
    });
    expect(result).toMatchObject({ ok: true, orderCount: 2 });

    expect((await db.event.findUniqueOrThrow({ where: { id: setup.event.id } })).status).toBe("CANCELLED");
    const entries = await db.waitingListEntry.findMany({ where: { ticketTypeId: setup.ticketType.id } });
    expect(entries.map((entry) => entry.status)).toEqual(["CLOSED", "CLOSED"]);
    const type = await db.ticketType.findUniqueOrThrow({ where: { id: setup.ticketType.id } });
    expect(type.held).toBe(0);
    // Nothing is voided yet: that is the worker's.
    expect(await db.ticket.count({ where: { orderId: paid.id, status: "VALID" } })).toBe(2);

    // Checkout refuses at once.
    const attempt = await placeOrder(
      {
        eventId: setup.event.id,
        items: [{ ticketTypeId: setup.ticketType.id, quantity: 1 }],
        buyer: { name: "Sen Köpare", email: `sen-${unique()}@example.se` },
        marketingOptIn: false,
        locale: "sv",
        idempotencyKey: randomUUID(),
        card: { number: "4242 4242 4242 4242", expiry: "12/30", cvc: "123" },
      },
      { provider: testPaymentProvider() },
    );
    expect(attempt.ok).toBe(false);

    // The public page says it is cancelled (and only then: a plain draft stays hidden).
    expect(await getCancelledEventBySlug(setup.event.slug)).toMatchObject({ slug: setup.event.slug, cancelled: true, ticketTypes: [] });

    expect(await cancel(setup)).toEqual({ ok: false, error: "already_cancelled" });
    expect(await db.eventCancellation.count({ where: { eventId: setup.event.id } })).toBe(1);
  });

  it("emails everyone who was in line once, in the language they last joined in, with the message, and nobody who had left", async () => {
    const { event, ticketTypes, organizerId } = await createEvent({ ticketTypes: [{ name: "Parkett" }, { name: "Balkong" }] });
    const owner = await addMember(organizerId, "OWNER", "Olga Ägare");
    await db.organizer.update({ where: { id: organizerId }, data: { contactEmail: `kontakt-${unique()}@example.se` } });
    const [parkett, balkong] = ticketTypes;
    const both = `båda-${unique()}@example.se`;
    const offered = `erbjuden-${unique()}@example.se`;
    const left = `lamnade-${unique()}@example.se`;
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    await db.waitingListEntry.create({ data: { ticketTypeId: parkett.id, email: both, quantity: 2, joinedAt: hourAgo } });
    await db.waitingListEntry.create({ data: { ticketTypeId: balkong.id, email: both, quantity: 1, locale: "en" } });
    await db.waitingListEntry.create({
      data: {
        ticketTypeId: balkong.id,
        email: offered,
        quantity: 1,
        status: "OFFERED",
        offeredAt: new Date(),
        offerExpiresAt: new Date(Date.now() + 60_000),
      },
    });
    await db.ticketType.update({ where: { id: balkong.id }, data: { held: { increment: 1 } } });
    await db.waitingListEntry.create({ data: { ticketTypeId: parkett.id, email: left, quantity: 1, status: "LEFT" } });

    const message = "Scenen är skadad efter stormen.\n\nVi hör av oss om ett nytt datum.";
    const result = await cancelEventForMember({
      userId: owner.id,
      organizerId,
      eventId: event.id,
      values: { message, confirmation: event.title },
    });
    expect(result).toMatchObject({ ok: true, orderCount: 0 });
    if (!result.ok) return;

    expect((await db.ticketType.findUniqueOrThrow({ where: { id: balkong.id } })).held).toBe(0);
    const emails = await db.outboxEmail.findMany({
      where: { template: "waiting-list-cancelled", to: { in: [both, offered, left] } },
      orderBy: { to: "asc" },
    });
    expect(emails.map((email) => [email.to, email.locale, email.dedupeKey])).toEqual(
      [
        [both, "en", `waiting-list-cancelled:${result.cancellationId}:${both}`],
        [offered, "sv", `waiting-list-cancelled:${result.cancellationId}:${offered}`],
      ].sort((a, b) => a[0].localeCompare(b[0])),
    );
    const organizer = await db.organizer.findUniqueOrThrow({ where: { id: organizerId } });
    expect(emails[0].payload).toEqual({
      organizerName: organizer.name,
      replyTo: organizer.contactEmail,
      event: {
        title: event.title,
        venue: event.venue,
        city: event.city,
        startsAt: event.startsAt.toISOString(),
        endsAt: event.endsAt.toISOString(),
        timeZone: event.timeZone,
      },
      message,
    });

    // Drawn as sent: the organizer's words, the closed list, and replies to the organizer.
    const sent = await renderOutboxEmail(emails.find((email) => email.to === both)!);
    expect(sent.subject).toBe(`Event cancelled: ${event.title}`);
    expect(sent.replyTo).toBe(organizer.contactEmail);
    expect(sent.text).toContain("Scenen är skadad efter stormen.");
    expect(sent.text).toContain("The waiting list is closed, so no tickets will come back to you.");
  });
});

describe(`processEventCancellation (${databaseKind})`, () => {
  it("voids every ticket, refunds paid orders in full once, and emails each holder once with the message", async () => {
    const setup = await eventWithOwner();
    const ids = { eventId: setup.event.id, ticketTypeId: setup.ticketType.id };
    const twice = `tva-ordrar-${unique()}@example.se`;
    const first = await order(ids, { email: twice });
    const second = await order(ids, { email: twice, quantity: 1 });
    const free = await order(ids, { quantity: 1, priceMinor: 0 });
    const passed = await order(ids);
    const friend = { name: "Vän Vännen", email: `van-${unique()}@example.se` };
    await passOn(passed.tickets[0], friend);
    // The friend has an account in English: their email is in English, the buyer's in the order's Swedish.
    const friendAccount = await db.user.create({ data: { email: friend.email, name: friend.name, locale: "en" } });
    await db.ticket.update({ where: { id: passed.tickets[0].id }, data: { holderUserId: friendAccount.id } });
    // The buyer cancelled one ticket earlier, within the policy: that one is not refunded again.
    const partly = await order(ids, { quantity: 2 });
    await db.ticket.update({ where: { id: partly.tickets[0].id }, data: { status: "VOID" } });
    await db.refund.create({
      data: {
        orderId: partly.id,
        requestKey: randomUUID(),
        requestedBy: "buyer",
        amountMinor: 22_500,
        feeMinor: 2_500,
        currency: "SEK",
        status: "SUCCEEDED",
        nextAttemptAt: new Date(),
        tickets: { create: [{ ticketId: partly.tickets[0].id, amountMinor: 25_000 }] },
      },
    });
    await db.ticketType.update({ where: { id: setup.ticketType.id }, data: { sold: { decrement: 1 } } });

    const result = await cancel(setup);
    if (!result.ok) throw new Error("not cancelled");
    const { provider, calls } = countingProvider();
    const report = await processEventCancellation(result.cancellationId, { provider, batchSize: 2 });
    expect(report).toMatchObject({ orders: 5, refunds: 4, failed: 0 });

    expect(await db.ticket.count({ where: { eventId: setup.event.id, status: "VALID" } })).toBe(0);
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: setup.ticketType.id } })).sold).toBe(0);
    const orders = await db.order.findMany({ where: { eventId: setup.event.id }, select: { id: true, status: true } });
    const status = new Map(orders.map((row) => [row.id, row.status]));
    expect([first, second, passed, partly].map((row) => status.get(row.id))).toEqual(["REFUNDED", "REFUNDED", "REFUNDED", "REFUNDED"]);
    expect(status.get(free.id)).toBe("CANCELLED");

    const refunds = await db.refund.findMany({ where: { requestedBy: "organizer", order: { eventId: setup.event.id } } });
    expect(refunds).toHaveLength(5);
    const refundOf = (orderId: string) => refunds.find((refund) => refund.orderId === orderId)!;
    expect(refundOf(first.id)).toMatchObject({ amountMinor: 50_000, feeMinor: 0, status: "SUCCEEDED" });
    expect(refundOf(partly.id)).toMatchObject({ amountMinor: 25_000, status: "SUCCEEDED" });
    expect(refundOf(free.id)).toMatchObject({ amountMinor: 0, status: "SUCCEEDED" });
    // One provider call per paid refund, each with the refund's id as its key; none for the free order.
    expect(calls.map((call) => call.idempotencyKey).sort()).toEqual(
      refunds
        .filter((refund) => refund.amountMinor > 0)
        .map((refund) => refund.id)
        .sort(),
    );

    const emails = await cancelledEmails(result.cancellationId);
    const buyers = [twice, free.buyerEmail, passed.buyerEmail, partly.buyerEmail];
    expect(emails.map((email) => email.to).sort()).toEqual([...buyers, friend.email].sort());
    const payloadTo = (to: string) => emails.find((email) => email.to === to)!.payload as EventCancelledPayload;
    expect(payloadTo(friend.email)).toMatchObject({
      money: "buyer",
      holderName: friend.name,
      message: "Artisten är sjuk. Vi ber om ursäkt.",
    });
    expect(payloadTo(friend.email).link).toMatch(/\/tickets\//);
    const localeOf = (to: string) => emails.find((email) => email.to === to)!.locale;
    expect([localeOf(friend.email), localeOf(passed.buyerEmail)]).toEqual(["en", passed.locale]);
    expect(payloadTo(passed.buyerEmail)).toMatchObject({ money: "refund", refundMinor: 50_000 });
    expect(payloadTo(free.buyerEmail)).toMatchObject({ money: "free", refundMinor: 0 });

    const progress = await getCancellationProgress(setup.owner.id, setup.organizerId, setup.event.id);
    expect(progress).toMatchObject({ status: "DONE", total: 5, done: 5, refunds: { succeeded: 5, pending: 0, failed: 0 }, failed: [] });

    // Running again finds nothing to do.
    expect(await processEventCancellation(result.cancellationId, { provider })).toEqual({ orders: 0, refunds: 0, failed: 0 });
    expect(calls).toHaveLength(4);
  });

  it("finishes a claimed batch left unfinished by a crashed worker once its lease ends", async () => {
    const setup = await eventWithOwner();
    const ids = { eventId: setup.event.id, ticketTypeId: setup.ticketType.id };
    for (let i = 0; i < 5; i++) await order(ids);
    const result = await cancel(setup);
    if (!result.ok) throw new Error("not cancelled");
    const now = new Date();

    // A worker claims three orders and dies before doing anything.
    const crashed = await claimBatch(result.cancellationId, { now, batchSize: 3 });
    expect(crashed).toHaveLength(3);

    // Another worker meanwhile takes only what is free: the other two. The job is not done.
    const { provider, calls } = countingProvider();
    expect(await processEventCancellation(result.cancellationId, { provider, now })).toMatchObject({ orders: 2 });
    expect((await db.eventCancellation.findUniqueOrThrow({ where: { id: result.cancellationId } })).status).toBe("RUNNING");
    expect(await db.ticket.count({ where: { orderId: { in: crashed }, status: "VALID" } })).toBe(6);

    // After the lease the next run finishes them.
    const later = new Date(now.getTime() + CANCELLATION_LEASE_MS + 1_000);
    expect(await processEventCancellation(result.cancellationId, { provider, now: later })).toMatchObject({ orders: 3, refunds: 3 });
    expect(await db.ticket.count({ where: { eventId: setup.event.id, status: "VALID" } })).toBe(0);
    expect(await db.refund.count({ where: { order: { eventId: setup.event.id } } })).toBe(5);
    expect(calls).toHaveLength(5);
    expect((await db.eventCancellation.findUniqueOrThrow({ where: { id: result.cancellationId } })).status).toBe("DONE");
  });

  it("leaves refunds to retry while the provider is down, and completeDueRefunds pays them once later", async () => {
    const setup = await eventWithOwner();
    const ids = { eventId: setup.event.id, ticketTypeId: setup.ticketType.id };
    await order(ids);
    await order(ids);
    const result = await cancel(setup);
    if (!result.ok) throw new Error("not cancelled");
    const { provider, calls, state } = countingProvider();
    state.down = true;
    const now = new Date();
    await processEventCancellation(result.cancellationId, { provider, now });
    expect(await db.refund.count({ where: { order: { eventId: setup.event.id }, status: "PENDING" } })).toBe(2);
    // Every order is cancelled: the job is done, the money is the refunds' own retry.
    expect(await getCancellationProgress(setup.owner.id, setup.organizerId, setup.event.id)).toMatchObject({
      status: "DONE",
      done: 2,
      refunds: { pending: 2 },
    });
    state.down = false;
    await completeDueRefunds({ provider, now: new Date(now.getTime() + REFUND_LEASE_MS + 60_000) });
    expect(await db.refund.count({ where: { order: { eventId: setup.event.id }, status: "SUCCEEDED" } })).toBe(2);
    const keys = calls.map((call) => call.idempotencyKey);
    expect(new Set(keys).size).toBe(2);
  });

  it("finds the refund recorded under the order's key when an order is run again, and refunds nothing twice", async () => {
    const setup = await eventWithOwner();
    const paid = await order({ eventId: setup.event.id, ticketTypeId: setup.ticketType.id });
    const result = await cancel(setup);
    if (!result.ok) throw new Error("not cancelled");
    const { provider, calls } = countingProvider();
    await processEventCancellation(result.cancellationId, { provider });
    // As if the job's row had been put back by hand.
    await db.eventCancellationOrder.updateMany({ where: { orderId: paid.id }, data: { doneAt: null, refundId: null } });
    await db.eventCancellation.update({ where: { id: result.cancellationId }, data: { status: "RUNNING", finishedAt: null } });
    expect(await processEventCancellation(result.cancellationId, { provider })).toMatchObject({ orders: 1, refunds: 0 });
    const refunds = await db.refund.findMany({ where: { orderId: paid.id } });
    expect(refunds).toHaveLength(1);
    expect(refunds[0].requestKey).toBe(`event-cancellation:${result.cancellationId}:${paid.id}`);
    expect(await db.eventCancellationOrder.findUniqueOrThrow({ where: { orderId: paid.id } })).toMatchObject({ refundId: refunds[0].id });
    expect(calls).toHaveLength(1);
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: setup.ticketType.id } })).sold).toBe(0);
  });

  it("shows a refund the provider refuses as one to settle by hand", async () => {
    const setup = await eventWithOwner();
    const refused = await order({ eventId: setup.event.id, ticketTypeId: setup.ticketType.id });
    // A payment this provider never made cannot be paid back.
    await db.order.update({ where: { id: refused.id }, data: { paymentRef: `elsewhere_${randomUUID()}` } });
    const result = await cancel(setup);
    if (!result.ok) throw new Error("not cancelled");
    await processEventCancellation(result.cancellationId, { provider: countingProvider().provider });
    expect(await getCancellationProgress(setup.owner.id, setup.organizerId, setup.event.id)).toMatchObject({
      status: "DONE",
      refunds: { failed: 1 },
      failed: [{ orderId: refused.id, orderNumber: refused.number, amountMinor: 50_000 }],
    });
  });
});

describeOnPostgres("cancelling an event with two workers at once (PostgreSQL)", () => {
  it("refunds each of 120 orders once with one provider call each, voids every ticket and emails each holder once", async () => {
    const setup = await eventWithOwner({ capacity: 1_000 });
    const ids = { eventId: setup.event.id, ticketTypeId: setup.ticketType.id };
    const orders = [];
    for (let i = 0; i < 120; i++) {
      // Every fifth order free, the rest paid; quantities 1–3.
      orders.push(await order(ids, { quantity: (i % 3) + 1, priceMinor: i % 5 === 4 ? 0 : 25_000 }));
    }
    const friend = { name: "Vän Vännen", email: `van-${unique()}@example.se` };
    await passOn(orders[7].tickets[0], friend);
    const ticketCount = orders.reduce((sum, row) => sum + row.tickets.length, 0);
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: setup.ticketType.id } })).sold).toBe(ticketCount);

    const result = await cancel(setup);
    if (!result.ok) throw new Error("not cancelled");
    expect(result.orderCount).toBe(120);

    const { provider, calls } = countingProvider();
    const reports = await Promise.all([
      processEventCancellation(result.cancellationId, { provider, batchSize: 25 }),
      processEventCancellation(result.cancellationId, { provider, batchSize: 25 }),
    ]);
    expect(reports[0].orders + reports[1].orders).toBe(120);

    const refunds = await db.refund.findMany({ where: { order: { eventId: setup.event.id } } });
    expect(refunds).toHaveLength(120);
    expect(new Set(refunds.map((refund) => refund.orderId)).size).toBe(120);
    const paidRefunds = refunds.filter((refund) => refund.amountMinor > 0);
    expect(paidRefunds).toHaveLength(96);
    expect(refunds.every((refund) => refund.status === "SUCCEEDED")).toBe(true);
    // One provider call per paid refund, with its id as the key; and one provider refund each.
    expect(calls).toHaveLength(96);
    expect(calls.map((call) => call.idempotencyKey).sort()).toEqual(paidRefunds.map((refund) => refund.id).sort());
    expect(new Set(paidRefunds.map((refund) => refund.providerRef)).size).toBe(96);

    expect(await db.ticket.count({ where: { eventId: setup.event.id, status: "VALID" } })).toBe(0);
    expect(await db.refundTicket.count({ where: { refund: { order: { eventId: setup.event.id } } } })).toBe(ticketCount);
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: setup.ticketType.id } })).sold).toBe(0);

    const emails = await cancelledEmails(result.cancellationId);
    const expected = [...orders.map((row) => row.buyerEmail), friend.email].sort();
    expect(emails.map((email) => email.to)).toEqual(expected);
    expect(await db.outboxEmail.count({ where: { template: "refund-buyer", to: { in: orders.map((row) => row.buyerEmail) } } })).toBe(96);
    expect((await db.eventCancellation.findUniqueOrThrow({ where: { id: result.cancellationId } })).status).toBe("DONE");
  });

  it("cancels an order once when a slow worker's lease ran out and a second worker took the same orders", async () => {
    const setup = await eventWithOwner();
    const ids = { eventId: setup.event.id, ticketTypeId: setup.ticketType.id };
    for (let i = 0; i < 10; i++) await order(ids);
    const result = await cancel(setup);
    if (!result.ok) throw new Error("not cancelled");
    const now = new Date();
    const slow = await claimBatch(result.cancellationId, { now });
    const taken = await claimBatch(result.cancellationId, { now: new Date(now.getTime() + CANCELLATION_LEASE_MS + 1_000) });
    expect(taken).toEqual(slow);

    const { provider, calls } = countingProvider();
    const [a, b] = await Promise.all([
      cancelClaimedOrders(result.cancellationId, slow, { provider, now }),
      cancelClaimedOrders(result.cancellationId, taken, { provider, now }),
    ]);
    expect(a.failed + b.failed).toBe(0);
    expect(a.refunds + b.refunds).toBe(10);
    expect(await db.refund.count({ where: { order: { eventId: setup.event.id } } })).toBe(10);
    expect(calls).toHaveLength(10);
    expect(new Set(calls.map((call) => call.orderId)).size).toBe(10);
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: setup.ticketType.id } })).sold).toBe(0);
    expect((await cancelledEmails(result.cancellationId)).length).toBe(10);
  });
});
