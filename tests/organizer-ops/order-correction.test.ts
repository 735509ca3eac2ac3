import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { EmailObsoleteError, resolveStoredEmail } from "@/emails/registry";
import { db } from "@/lib/db/client";
import { correctOrderEmail, getOrganizerOrder } from "@/lib/organizers/corrections/order-correction";
import { sendOrganizerMessage } from "@/lib/organizers/messages";
import { SUPERSEDED_ERROR } from "@/lib/organizers/corrections/move-order";
import { queueEventReminders, reminderKeyPrefix } from "@/lib/reminders/event-reminders";
import { isValidOrderKey } from "@/lib/orders/order-links";
import { createEvent } from "../helpers/fixtures";
import { addMember, createUser, organizerWithTeam, paidOrder } from "./fixtures";
import { randomUUID } from "node:crypto";

useTestDatabase();

async function misspelledOrder(options: { marketingOptIn?: boolean } = {}) {
  const team = await organizerWithTeam();
  const wrong = `greta.${randomUUID().slice(0, 8)}@gmial.com`;
  const order = await paidOrder(
    { eventId: team.event.id, ticketTypeId: team.ticketTypes[0].id },
    { email: wrong, name: "Greta Köpare", ...options },
  );
  return { ...team, order, wrong, right: wrong.replace("gmial.com", "gmail.com") };
}

describe(`correctOrderEmail (${databaseKind})`, () => {
  it("moves the order to a new passwordless account, re-sends the tickets there and stops the old address's emails", async () => {
    const team = await misspelledOrder({ marketingOptIn: true });
    const previousUserId = team.order.userId!;
    // A resend the buyer asked for and a message, queued earlier, not yet sent to the wrong address.
    await db.outboxEmail.create({
      data: {
        template: "order-confirmation",
        to: team.wrong,
        locale: "sv",
        dedupeKey: `order-resend:${team.order.id}:${randomUUID()}`,
        payload: {},
      },
    });
    await sendOrganizerMessage({
      userId: team.owner.id,
      organizerId: team.organizerId,
      eventId: team.event.id,
      message: { subject: "Info", body: "Text", requestKey: randomUUID() },
    });
    const now = new Date();

    const result = await correctOrderEmail({
      userId: team.admin.id,
      organizerId: team.organizerId,
      orderId: team.order.id,
      email: `  ${team.right.toUpperCase()} `,
      confirmation: team.right,
      now,
    });

    expect(result).toEqual({ ok: true, changeId: expect.any(String), toEmail: team.right, accountCreated: true });
    const order = await db.order.findUniqueOrThrow({
      where: { id: team.order.id },
      include: { user: { select: { email: true, passwordHash: true } } },
    });
    expect(order.buyerEmail).toBe(team.right);
    expect(order.user).toEqual({ email: team.right, passwordHash: null });
    expect(order.userId).not.toBe(previousUserId);

    const toOld = await db.outboxEmail.findMany({ where: { to: team.wrong, template: { not: "order-moved" } } });
    expect(toOld.map((email) => email.template).sort()).toEqual([
      "order-confirmation",
      "order-confirmation",
      "organizer-message",
      "welcome",
    ]);
    expect(toOld.every((email) => email.status === "FAILED" && email.lastError === SUPERSEDED_ERROR)).toBe(true);
    // The old address hears that the order moved at the organizer's request: no link, no new address.
    const notice = await db.outboxEmail.findFirstOrThrow({ where: { to: team.wrong, template: "order-moved" } });
    expect([notice.status, notice.payload]).toEqual(["PENDING", expect.objectContaining({ movedBy: "organizer" })]);
    expect(JSON.stringify(notice.payload)).not.toContain(team.right);

    const toNew = await db.outboxEmail.findMany({ where: { to: team.right } });
    expect(toNew.map((email) => [email.template, email.status]).sort()).toEqual([
      ["order-confirmation", "PENDING"],
      ["welcome", "PENDING"],
    ]);
    // The unused tickets have new codes, and the confirmation carries those: the old codes,
    // and the order link sent to the old address, no longer open anything.
    const confirmation = toNew.find((email) => email.template === "order-confirmation")!.payload as {
      tickets: { code: string }[];
      orderUrl: string;
    };
    const oldCodes = team.order.tickets.map((ticket) => ticket.code).sort();
    const newCodes = (await db.ticket.findMany({ where: { orderId: team.order.id } })).map((ticket) => ticket.code).sort();
    expect(newCodes).toHaveLength(oldCodes.length);
    expect(newCodes.filter((code) => oldCodes.includes(code))).toEqual([]);
    expect(confirmation.tickets.map((ticket) => ticket.code).sort()).toEqual(newCodes);
    const keyOf = (url: string) => new URL(url).searchParams.get("key");
    expect(isValidOrderKey({ id: team.order.id, buyerEmail: team.right }, keyOf(confirmation.orderUrl))).toBe(true);
    // Checkout's confirmation to the old address names the order and that address: were it still
    // due, the sender would give it up rather than send the new tickets and link there.
    const oldConfirmation = toOld.find((email) => email.dedupeKey === `order-confirmation:${team.order.id}`)!;
    expect(oldConfirmation.payload).toEqual({ orderId: team.order.id, buyerEmail: team.wrong });
    await expect(resolveStoredEmail(oldConfirmation)).rejects.toThrow(EmailObsoleteError);

    const change = await db.orderEmailChange.findUniqueOrThrow({ where: { id: result.ok ? result.changeId : "" } });
    expect(change).toMatchObject({
      fromEmail: team.wrong,
      toEmail: team.right,
      source: "organizer",
      changedById: team.admin.id,
      changedByEmail: team.admin.email,
    });

    const consents = await db.marketingConsent.findMany({ where: { organizerId: team.organizerId } });
    expect(consents.map((consent) => [consent.email, consent.withdrawnAt])).toEqual([[team.right, null]]);

    const view = await getOrganizerOrder(team.staff.id, team.organizerId, team.order.id);
    expect(view?.emailChanges).toHaveLength(1);
    expect(view?.canCorrect).toBe(false);
  });

  it("finds the old address's emails and consent when the buyer typed it with capitals", async () => {
    const team = await organizerWithTeam();
    const local = `greta.${randomUUID().slice(0, 8)}`;
    const typed = `${local[0].toUpperCase()}${local.slice(1)}@Gmial.com`;
    const wrong = `${local}@gmial.com`;
    const right = `${local}@gmail.com`;
    const order = await paidOrder({ eventId: team.event.id, ticketTypeId: team.ticketTypes[0].id }, { email: typed, marketingOptIn: true });
    expect(order.buyerEmail).toBe(typed);
    await sendOrganizerMessage({
      userId: team.owner.id,
      organizerId: team.organizerId,
      eventId: team.event.id,
      message: { subject: "Info", body: "Text", requestKey: randomUUID() },
    });
    // One queued before messages were addressed in the normalised form.
    await db.outboxEmail.create({
      data: {
        template: "organizer-message",
        to: typed,
        locale: "sv",
        dedupeKey: `organizer-message:${randomUUID()}:${order.id}`,
        payload: {},
      },
    });
    const toOld = () => db.outboxEmail.findMany({ where: { to: { in: [wrong, typed] } } });
    expect((await toOld()).map((email) => [email.template, email.status]).sort()).toEqual([
      ["order-confirmation", "PENDING"],
      ["organizer-message", "PENDING"],
      ["organizer-message", "PENDING"],
      ["welcome", "PENDING"],
    ]);
    expect((await db.marketingConsent.findMany({ where: { organizerId: team.organizerId } })).map((consent) => consent.email)).toEqual([
      wrong,
    ]);

    const result = await correctOrderEmail({
      userId: team.admin.id,
      organizerId: team.organizerId,
      orderId: order.id,
      email: right,
      confirmation: right,
    });

    expect(result).toMatchObject({ ok: true, toEmail: right });
    const old = (await toOld()).filter((email) => email.template !== "order-moved");
    expect(old).toHaveLength(4);
    expect(old.every((email) => email.status === "FAILED" && email.lastError === SUPERSEDED_ERROR)).toBe(true);
    const consents = await db.marketingConsent.findMany({ where: { organizerId: team.organizerId } });
    expect(consents.map((consent) => [consent.email, consent.withdrawnAt])).toEqual([[right, null]]);
    // The record keeps the address as it was typed.
    expect(await db.orderEmailChange.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({
      fromEmail: typed,
      toEmail: right,
    });
    // Only a change of case is no correction: it is the same mailbox.
    const again = await paidOrder({ eventId: team.event.id, ticketTypeId: team.ticketTypes[0].id }, { email: `Bo.${local}@Example.se` });
    const same = `bo.${local}@example.se`;
    expect(
      await correctOrderEmail({ userId: team.admin.id, organizerId: team.organizerId, orderId: again.id, email: same, confirmation: same }),
    ).toEqual({
      ok: false,
      error: "same_email",
    });
  });

  it("moves the order to an existing account without a second welcome, leaving emails already sent alone", async () => {
    const team = await misspelledOrder();
    const existing = await createUser("Greta Köpare");
    await db.outboxEmail.updateMany({ where: { to: team.wrong }, data: { status: "SENT", sentAt: new Date() } });

    const result = await correctOrderEmail({
      userId: team.owner.id,
      organizerId: team.organizerId,
      orderId: team.order.id,
      email: existing.email,
      confirmation: existing.email,
    });

    expect(result).toMatchObject({ ok: true, accountCreated: false });
    expect((await db.order.findUniqueOrThrow({ where: { id: team.order.id } })).userId).toBe(existing.id);
    expect(
      (await db.outboxEmail.findMany({ where: { to: team.wrong, template: { not: "order-moved" } } })).every(
        (email) => email.status === "SENT",
      ),
    ).toBe(true);
    expect((await db.outboxEmail.findMany({ where: { to: existing.email } })).map((email) => email.template)).toEqual([
      "order-confirmation",
    ]);
  });

  it("stops the day-before reminder queued to the old address, unless that address still holds tickets of the event", async () => {
    const team = await misspelledOrder();
    // Someone else mistyped into the same wrong address too: two orders, one correction.
    const second = await paidOrder({ eventId: team.event.id, ticketTypeId: team.ticketTypes[0].id }, { email: team.wrong });
    const tomorrow = new Date(Date.now() + 20 * 60 * 60_000);
    await db.event.update({
      where: { id: team.event.id },
      data: { startsAt: tomorrow, endsAt: new Date(tomorrow.getTime() + 3 * 60 * 60_000) },
    });
    await queueEventReminders();
    const reminder = () => db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `${reminderKeyPrefix(team.event.id)}${team.wrong}` } });
    expect((await reminder()).status).toBe("PENDING");

    const correct = (orderId: string) =>
      correctOrderEmail({ userId: team.owner.id, organizerId: team.organizerId, orderId, email: team.right, confirmation: team.right });
    // The wrong address still holds the second order's tickets: its reminder stays.
    expect(await correct(team.order.id)).toMatchObject({ ok: true });
    expect((await reminder()).status).toBe("PENDING");
    // Now it holds nothing of the event: the reminder, naming an order that is no longer there, stops.
    expect(await correct(second.id)).toMatchObject({ ok: true });
    expect(await reminder()).toMatchObject({ status: "FAILED", lastError: SUPERSEDED_ERROR });
  });

  it("keeps the typed values' problems as field errors and changes nothing", async () => {
    const team = await misspelledOrder();
    const args = { userId: team.owner.id, organizerId: team.organizerId, orderId: team.order.id };
    expect(await correctOrderEmail({ ...args, email: "inte en adress", confirmation: "x" })).toEqual({
      ok: false,
      error: "invalid_form",
      fieldErrors: { email: "not_plain" },
    });
    expect(await correctOrderEmail({ ...args, email: team.right, confirmation: "annan@example.se" })).toEqual({
      ok: false,
      error: "invalid_form",
      fieldErrors: { confirmation: "mismatch" },
    });
    expect(await correctOrderEmail({ ...args, email: team.wrong, confirmation: team.wrong })).toEqual({ ok: false, error: "same_email" });
    expect((await db.order.findUniqueOrThrow({ where: { id: team.order.id } })).buyerEmail).toBe(team.wrong);
    expect(await db.orderEmailChange.count({ where: { orderId: team.order.id } })).toBe(0);
  });

  it("refuses STAFF, other organizers' members and buyers, and another organizer's order", async () => {
    const team = await misspelledOrder();
    const foreign = await createEvent();
    const outsider = await addMember(foreign.organizerId, "OWNER");
    const foreignOrder = await paidOrder({ eventId: foreign.event.id, ticketTypeId: foreign.ticketTypes[0].id });
    const attempts = [
      { userId: team.staff.id, organizerId: team.organizerId, orderId: team.order.id },
      { userId: outsider.id, organizerId: team.organizerId, orderId: team.order.id },
      { userId: outsider.id, organizerId: foreign.organizerId, orderId: team.order.id },
      { userId: team.order.userId!, organizerId: team.organizerId, orderId: team.order.id },
      { userId: team.owner.id, organizerId: team.organizerId, orderId: foreignOrder.id },
      { userId: team.owner.id, organizerId: team.organizerId, orderId: "not-a-uuid" },
    ];
    for (const attempt of attempts) {
      expect(await correctOrderEmail({ ...attempt, email: team.right, confirmation: team.right })).toEqual({
        ok: false,
        error: "not_found",
      });
    }
    // Reading: STAFF may, the others may not.
    expect(await getOrganizerOrder(team.staff.id, team.organizerId, team.order.id)).not.toBeNull();
    for (const attempt of attempts.slice(1))
      expect(await getOrganizerOrder(attempt.userId, attempt.organizerId, attempt.orderId)).toBeNull();
    expect(await db.orderEmailChange.count({ where: { orderId: { in: [team.order.id, foreignOrder.id] } } })).toBe(0);
  });
});
