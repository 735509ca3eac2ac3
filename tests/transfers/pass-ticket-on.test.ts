import { databaseKind, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { checkInTicket } from "@/lib/organizers/check-in";
import { moveOrderToEmail } from "@/lib/organizers/corrections/move-order";
import { eventRecipients as messageRecipients } from "@/lib/ownership/event-recipients";
import { listAllAttendees } from "@/lib/organizers/queries";
import { orderUrl } from "@/lib/orders/order-links";
import { getOrderForConfirmation } from "@/lib/orders/queries";
import { orderConfirmationPayload } from "@/lib/tickets/order-confirmation-payload";
import { findAccountTicket, listAccountOrders } from "@/lib/tickets/account-tickets";
import { resendOrderTickets } from "@/lib/tickets/resend-tickets";
import { passTicketOn, TRANSFERS_PER_RECIPIENT } from "@/lib/transfers/pass-ticket-on";
import { getTicketByLink, listPassedOnTickets } from "@/lib/transfers/queries";
import { ticketLinkUrl } from "@/lib/transfers/ticket-links";
import { organizerWithTeam, paidOrder } from "../organizer-ops/fixtures";

const unique = () => randomBytes(4).toString("hex");

function keyOf(url: string): string {
  return new URL(url).searchParams.get("key") ?? "";
}

async function setUp({ startsInHours, transfersAllowed }: { startsInHours?: number; transfersAllowed?: boolean } = {}) {
  const team = await organizerWithTeam();
  if (startsInHours !== undefined || transfersAllowed !== undefined) {
    const startsAt = new Date(Date.now() + (startsInHours ?? 24 * 30) * 60 * 60_000);
    await db.event.update({
      where: { id: team.event.id },
      data: { startsAt, endsAt: new Date(startsAt.getTime() + 3 * 60 * 60_000), transfersAllowed: transfersAllowed ?? true },
    });
  }
  const buyerEmail = `greta-${unique()}@example.se`;
  const order = await paidOrder(
    { eventId: team.event.id, ticketTypeId: team.ticketTypes[0].id },
    { email: buyerEmail, name: "Greta Köpare" },
  );
  const [first, second] = [...order.tickets].sort((a, b) => a.code.localeCompare(b.code));
  return { ...team, order, buyerEmail, first, second, orderKey: keyOf(orderUrl(order)) };
}

const tove = () => ({ name: "Tove Vän", email: `Tove.${unique()}@Example.se` });

describe(`passTicketOn (${databaseKind})`, () => {
  it("passes one ticket on from the order's signed link: new code, new holder, both emails, the old code refused at the door", async () => {
    const team = await setUp();
    const recipient = tove();
    const result = await passTicketOn({
      sender: { via: "order", orderId: team.order.id, key: team.orderKey },
      code: team.first.code,
      recipient,
      locale: "sv",
    });
    expect(result).toMatchObject({ ok: true, toName: "Tove Vän", toEmail: recipient.email.toLowerCase() });
    if (!result.ok) return;

    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: team.first.id }, include: { holderUser: true, transfers: true } });
    expect(ticket.code).not.toBe(team.first.code);
    expect(ticket).toMatchObject({ holderName: "Tove Vän", holderEmail: recipient.email.toLowerCase() });
    // Like any guest: an account for the address, with the welcome email.
    expect(ticket.holderUser?.email).toBe(recipient.email.toLowerCase());
    expect(ticket.transfers).toEqual([
      expect.objectContaining({
        oldCode: team.first.code,
        fromName: "Greta Köpare",
        toName: "Tove Vän",
        toEmail: recipient.email.toLowerCase(),
      }),
    ]);

    const emails = await db.outboxEmail.findMany({
      where: { dedupeKey: { in: [`ticket-received:${result.transferId}`, `ticket-passed-on:${result.transferId}`] } },
      orderBy: { template: "asc" },
    });
    expect(emails.map((email) => [email.template, email.to])).toEqual([
      ["ticket-passed-on", team.buyerEmail],
      ["ticket-received", recipient.email.toLowerCase()],
    ]);
    const received = emails[1].payload as { ticket: { code: string }; ticketUrl: string };
    expect(received.ticket.code).toBe(ticket.code);
    expect(received.ticketUrl).toBe(ticketLinkUrl({ id: result.transferId, toEmail: recipient.email.toLowerCase() }));
    // The sender's notice carries neither the new code nor the link.
    expect(JSON.stringify(emails[0].payload)).not.toContain(ticket.code);
    expect(JSON.stringify(emails[0].payload)).not.toContain("/tickets/");
    expect(await db.outboxEmail.count({ where: { template: "welcome", to: recipient.email.toLowerCase() } })).toBe(1);

    const door = { userId: team.staff.id, organizerId: team.organizerId, eventId: team.event.id };
    expect(await checkInTicket({ ...door, code: team.first.code })).toEqual({ ok: false, status: "unknown" });
    expect(await checkInTicket({ ...door, code: ticket.code })).toMatchObject({ ok: true, holderName: "Tove Vän" });
  });

  it("shows the buyer the ticket as passed on, without its code, and the recipient the ticket by its link and account", async () => {
    const team = await setUp();
    const recipient = tove();
    const result = await passTicketOn({
      sender: { via: "order", orderId: team.order.id, key: team.orderKey },
      code: team.first.code,
      recipient,
      locale: "en",
    });
    if (!result.ok) throw new Error(result.error);
    const newCode = (await db.ticket.findUniqueOrThrow({ where: { id: team.first.id } })).code;

    const page = await getOrderForConfirmation(team.order.id);
    expect(page?.tickets.map((ticket) => ticket.code)).toEqual([team.second.code]);
    expect(await listPassedOnTickets(team.order.id)).toEqual([expect.objectContaining({ toName: "Tove Vän" })]);
    const confirmation = await db.$transaction((tx) => orderConfirmationPayload(tx, team.order.id));
    expect(confirmation?.tickets.map((ticket) => ticket.code)).toEqual([team.second.code]);

    const buyer = (await db.order.findUniqueOrThrow({ where: { id: team.order.id } })).userId!;
    const [buyerOrder] = await listAccountOrders(buyer);
    expect(buyerOrder.tickets.map((ticket) => ticket.code)).toEqual([team.second.code]);
    expect(buyerOrder.passedOn).toEqual([expect.objectContaining({ toName: "Tove Vän" })]);
    expect(await findAccountTicket(buyer, newCode)).toBeNull();

    const holder = (await db.user.findUniqueOrThrow({ where: { email: recipient.email.toLowerCase() } })).id;
    const [holderOrder] = await listAccountOrders(holder);
    expect(holderOrder).toMatchObject({ id: team.order.id, holdsOrder: false, passedOn: [] });
    expect(holderOrder.tickets).toEqual([expect.objectContaining({ code: newCode, holderName: "Tove Vän" })]);
    expect(await findAccountTicket(holder, newCode)).toMatchObject({ code: newCode, holderName: "Tove Vän" });
    expect(await findAccountTicket(holder, team.second.code)).toBeNull();
    // The order's confirmation (the buyer's tickets) is not the recipient's to have resent.
    expect(await resendOrderTickets({ userId: holder, orderId: team.order.id, requestKey: "k".repeat(20), locale: "sv" })).toEqual({
      ok: false,
      error: "not_found",
    });

    const linked = await getTicketByLink(result.transferId, keyOf(ticketLinkUrl({ id: result.transferId, toEmail: result.toEmail })));
    expect(linked).toMatchObject({ state: "held", code: newCode, holderName: "Tove Vän", fromName: "Greta Köpare", passable: true });
    expect(await getTicketByLink(result.transferId, "x".repeat(32))).toBeNull();
  });

  it("lets the new holder pass it on again, and never lets the sender pull it back", async () => {
    const team = await setUp();
    const first = await passTicketOn({
      sender: { via: "order", orderId: team.order.id, key: team.orderKey },
      code: team.first.code,
      recipient: tove(),
      locale: "sv",
    });
    if (!first.ok) throw new Error(first.error);
    const code = (await db.ticket.findUniqueOrThrow({ where: { id: team.first.id } })).code;
    const linkKey = keyOf(ticketLinkUrl({ id: first.transferId, toEmail: first.toEmail }));

    // The buyer's order link no longer reaches it, under either code.
    for (const tried of [code, team.first.code]) {
      expect(
        await passTicketOn({
          sender: { via: "order", orderId: team.order.id, key: team.orderKey },
          code: tried,
          recipient: { name: "Greta Köpare", email: team.buyerEmail },
          locale: "sv",
        }),
      ).toEqual({ ok: false, error: "not_found" });
    }

    const third = { name: "Sam Tredje", email: `sam-${unique()}@example.se` };
    const again = await passTicketOn({
      sender: { via: "link", transferId: first.transferId, key: linkKey },
      code,
      recipient: third,
      locale: "sv",
    });
    expect(again).toMatchObject({ ok: true, toName: "Sam Tredje" });
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: team.first.id } });
    expect(ticket).toMatchObject({ holderName: "Sam Tredje", holderEmail: third.email });
    expect(ticket.code).not.toBe(code);
    // Tove's link now says where it went, without the ticket.
    expect(await getTicketByLink(first.transferId, linkKey)).toMatchObject({ state: "passed_on", toName: "Sam Tredje" });
    expect(JSON.stringify(await getTicketByLink(first.transferId, linkKey))).not.toContain(ticket.code);
    // Her account can no longer pass it on either.
    const toveId = (await db.user.findUniqueOrThrow({ where: { email: first.toEmail } })).id;
    expect(await passTicketOn({ sender: { via: "account", userId: toveId }, code: ticket.code, recipient: tove(), locale: "sv" })).toEqual({
      ok: false,
      error: "not_found",
    });
    const [toveOrder] = await listAccountOrders(toveId);
    expect(toveOrder).toMatchObject({ tickets: [], passedOn: [expect.objectContaining({ toName: "Sam Tredje" })] });
  });

  it("passes a ticket on from the signed-in account that holds it, and from no other", async () => {
    const team = await setUp();
    const buyer = (await db.order.findUniqueOrThrow({ where: { id: team.order.id } })).userId!;
    const stranger = team.staff.id;
    expect(
      await passTicketOn({ sender: { via: "account", userId: stranger }, code: team.first.code, recipient: tove(), locale: "sv" }),
    ).toEqual({ ok: false, error: "not_found" });
    expect(
      await passTicketOn({ sender: { via: "account", userId: buyer }, code: team.first.code, recipient: tove(), locale: "sv" }),
    ).toMatchObject({ ok: true });
    // A wrong order key is the same as no order.
    expect(
      await passTicketOn({
        sender: { via: "order", orderId: team.order.id, key: "x".repeat(32) },
        code: team.second.code,
        recipient: tove(),
        locale: "sv",
      }),
    ).toEqual({ ok: false, error: "not_found" });
  });

  it("refuses a checked-in ticket, an event that does not allow it, and after the cut-off", async () => {
    const team = await setUp();
    await checkInTicket({ userId: team.staff.id, organizerId: team.organizerId, eventId: team.event.id, code: team.first.code });
    const sender = { via: "order" as const, orderId: team.order.id, key: team.orderKey };
    expect(await passTicketOn({ sender, code: team.first.code, recipient: tove(), locale: "sv" })).toEqual({
      ok: false,
      error: "checked_in",
    });

    const closed = await setUp({ startsInHours: 1.5 });
    expect(
      await passTicketOn({
        sender: { via: "order", orderId: closed.order.id, key: closed.orderKey },
        code: closed.first.code,
        recipient: tove(),
        locale: "sv",
      }),
    ).toEqual({ ok: false, error: "closed" });
    const open = await setUp({ startsInHours: 2.5 });
    expect(
      await passTicketOn({
        sender: { via: "order", orderId: open.order.id, key: open.orderKey },
        code: open.first.code,
        recipient: tove(),
        locale: "sv",
      }),
    ).toMatchObject({ ok: true });

    const notAllowed = await setUp({ transfersAllowed: false });
    expect(
      await passTicketOn({
        sender: { via: "order", orderId: notAllowed.order.id, key: notAllowed.orderKey },
        code: notAllowed.first.code,
        recipient: tove(),
        locale: "sv",
      }),
    ).toEqual({ ok: false, error: "not_allowed" });
    expect(await db.ticketTransfer.count({ where: { ticketId: { in: [team.first.id, closed.first.id, notAllowed.first.id] } } })).toBe(0);
  });

  it("refuses a name or address that is not plain text, and the holder's own address", async () => {
    const team = await setUp();
    const sender = { via: "order" as const, orderId: team.order.id, key: team.orderKey };
    const code = team.first.code;
    expect(
      await passTicketOn({ sender, code, recipient: { name: "Tove\r\nBcc: x@example.se", email: "tove@example.se" }, locale: "sv" }),
    ).toEqual({
      ok: false,
      error: "invalid_form",
      fieldErrors: { name: "name_control_characters" },
    });
    expect(await passTicketOn({ sender, code, recipient: { name: "  ", email: "Tove <tove@example.se>" }, locale: "sv" })).toEqual({
      ok: false,
      error: "invalid_form",
      fieldErrors: { name: "name_required", email: "email_not_plain" },
    });
    expect(
      await passTicketOn({ sender, code, recipient: { name: "Greta", email: ` ${team.buyerEmail.toUpperCase()} ` }, locale: "sv" }),
    ).toEqual({
      ok: false,
      error: "invalid_form",
      fieldErrors: { email: "email_same_holder" },
    });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: team.first.id } })).code).toBe(code);
  });

  it("limits how many tickets one address is sent", async () => {
    const email = `popular-${unique()}@example.se`;
    const results = [];
    for (let n = 0; n <= TRANSFERS_PER_RECIPIENT.limit; n++) {
      const team = await setUp();
      results.push(
        await passTicketOn({
          sender: { via: "order", orderId: team.order.id, key: team.orderKey },
          code: team.first.code,
          recipient: { name: "Populär", email },
          locale: "sv",
        }),
      );
    }
    expect(results.slice(0, -1).every((result) => result.ok)).toBe(true);
    expect(results.at(-1)).toEqual({ ok: false, error: "rate_limited" });
  });
});

describe(`the rest of the site after a ticket is passed on (${databaseKind})`, () => {
  it("moves only the tickets the buyer still holds when the order's address is corrected", async () => {
    const team = await setUp();
    const result = await passTicketOn({
      sender: { via: "order", orderId: team.order.id, key: team.orderKey },
      code: team.first.code,
      recipient: tove(),
      locale: "sv",
    });
    if (!result.ok) throw new Error(result.error);
    const passed = await db.ticket.findUniqueOrThrow({ where: { id: team.first.id } });

    const corrected = `greta.rätt-${unique()}@example.se`;
    const moved = await db.$transaction((tx) =>
      moveOrderToEmail(tx, {
        orderId: team.order.id,
        toEmail: corrected,
        source: "organizer",
        changedBy: { id: team.owner.id, email: "o@example.se" },
      }),
    );
    expect(moved.ok).toBe(true);
    const after = await db.ticket.findMany({ where: { orderId: team.order.id } });
    const still = after.find((ticket) => ticket.id === team.first.id)!;
    expect(still).toMatchObject({ code: passed.code, holderEmail: result.toEmail, holderName: "Tove Vän" });
    expect(after.find((ticket) => ticket.id === team.second.id)!.code).not.toBe(team.second.code);
    // The new confirmation carries only the buyer's ticket.
    const confirmation = await db.outboxEmail.findFirstOrThrow({ where: { template: "order-confirmation", to: corrected } });
    expect(JSON.stringify(confirmation.payload)).not.toContain(passed.code);
    // Tove's link still works.
    expect(
      await getTicketByLink(result.transferId, keyOf(ticketLinkUrl({ id: result.transferId, toEmail: result.toEmail }))),
    ).toMatchObject({
      state: "held",
      code: passed.code,
    });
  });

  it("sends organizer messages to the current holder with their own link, and lists them as attendees", async () => {
    const team = await setUp();
    const recipient = tove();
    const result = await passTicketOn({
      sender: { via: "order", orderId: team.order.id, key: team.orderKey },
      code: team.first.code,
      recipient,
      locale: "sv",
    });
    if (!result.ok) throw new Error(result.error);

    const recipients = await messageRecipients(db, team.event.id);
    const byEmail = new Map(recipients.map((row) => [row.email, row]));
    expect(recipients).toHaveLength(2);
    expect(byEmail.get(team.buyerEmail)).toMatchObject({ holderName: "Greta Köpare", link: orderUrl(team.order) });
    expect(byEmail.get(result.toEmail)).toMatchObject({
      holderName: "Tove Vän",
      link: ticketLinkUrl({ id: result.transferId, toEmail: result.toEmail }),
      key: `ticket:${team.first.id}`,
    });

    const list = await listAllAttendees(team.owner.id, team.organizerId, team.event.id);
    expect(list?.attendees.map((row) => [row.holderName, row.holderEmail]).sort()).toEqual(
      [
        ["Greta Köpare", team.buyerEmail],
        ["Tove Vän", result.toEmail],
      ].sort(),
    );
    const search = await listAllAttendees(team.owner.id, team.organizerId, team.event.id, "tove vän");
    expect(search?.attendees.map((row) => row.holderName)).toEqual(["Tove Vän"]);
  });
});
