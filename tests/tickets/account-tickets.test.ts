import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { createOrder, createUser, eventIn } from "./fixtures";
import { db } from "@/lib/db/client";
import { findAccountOrder, findAccountTicket, groupAccountOrders, listAccountOrders } from "@/lib/tickets/account-tickets";

useTestDatabase();

describe(`listAccountOrders (${databaseKind})`, () => {
  it("lists the account's orders and the guest orders made with its address, and no one else's", async () => {
    const user = await createUser();
    const other = await createUser();
    const soon = await eventIn(3, "Snart");
    const later = await eventIn(20, "Senare");
    const over = await eventIn(-10, "Förr");
    const longAgo = await eventIn(-40, "Länge sedan");

    const linked = await createOrder({ ...later, userId: user.id, buyerEmail: user.email });
    // A guest purchase with the same address typed differently, never linked to the account.
    const guest = await createOrder({ ...soon, userId: null, buyerEmail: `  ${user.email.toUpperCase()} ` });
    const past = await createOrder({ ...over, userId: user.id, buyerEmail: user.email });
    const older = await createOrder({ ...longAgo, userId: user.id, buyerEmail: user.email });
    const cancelled = await createOrder({ ...soon, userId: user.id, buyerEmail: user.email, status: "CANCELLED" });
    await createOrder({ ...soon, userId: user.id, buyerEmail: user.email, status: "PENDING" });
    await createOrder({ ...soon, userId: user.id, buyerEmail: user.email, status: "FAILED" });
    const theirs = await createOrder({ ...soon, userId: other.id, buyerEmail: other.email });
    // An address that is a LIKE pattern of the user's must not match it.
    await createOrder({ ...soon, userId: null, buyerEmail: user.email.replace(/^./, "_") });

    const orders = await listAccountOrders(user.id);
    const ids = orders.map((order) => order.id);
    expect(new Set(ids)).toEqual(new Set([linked.id, guest.id, past.id, older.id, cancelled.id]));
    expect(ids).not.toContain(theirs.id);
    expect(new Set(ids).size).toBe(ids.length);

    const { upcoming, past: pastOrders } = groupAccountOrders(orders);
    expect(upcoming.map((order) => order.event.title)).toEqual(["Snart", "Snart", "Senare"]);
    expect(pastOrders.map((order) => order.id)).toEqual([past.id, older.id]);
    expect(orders.find((order) => order.id === cancelled.id)?.status).toBe("CANCELLED");
  });

  it("returns plain data: the event, the order and each ticket, with times as ISO strings", async () => {
    const user = await createUser();
    const { event, ticketTypeId } = await eventIn(5, "Jazzkväll");
    const order = await createOrder({ eventId: event.id, ticketTypeId, userId: user.id, buyerEmail: user.email });
    await db.ticket.update({ where: { code: order.tickets[0].code }, data: { status: "VOID" } });

    const [listed] = await listAccountOrders(user.id);
    expect(JSON.parse(JSON.stringify(listed))).toEqual(listed);
    expect(listed).toMatchObject({
      id: order.id,
      number: order.number,
      status: "PAID",
      event: {
        slug: event.slug,
        title: "Jazzkväll",
        venue: event.venue,
        city: event.city,
        startsAt: event.startsAt.toISOString(),
        endsAt: event.endsAt.toISOString(),
        timeZone: "Europe/Stockholm",
      },
    });
    expect(listed.tickets).toHaveLength(2);
    expect(listed.tickets.find((ticket) => ticket.code === order.tickets[0].code)).toEqual({
      code: order.tickets[0].code,
      typeName: "Ståplats",
      holderName: "Kim Kund",
      status: "VOID",
      checkedInAt: null,
    });
  });

  it("follows the account's current address after it changes", async () => {
    const user = await createUser();
    const { event, ticketTypeId } = await eventIn(5);
    const guest = await createOrder({ eventId: event.id, ticketTypeId, buyerEmail: "ny.adress@example.se" });
    expect(await listAccountOrders(user.id)).toEqual([]);
    await db.user.update({ where: { id: user.id }, data: { email: "ny.adress@example.se" } });
    expect((await listAccountOrders(user.id)).map((order) => order.id)).toEqual([guest.id]);
  });

  it("returns nothing for an unknown or malformed user id", async () => {
    expect(await listAccountOrders("00000000-0000-7000-8000-000000000000")).toEqual([]);
    expect(await listAccountOrders("not-a-uuid")).toEqual([]);
  });
});

describe(`findAccountOrder and findAccountTicket (${databaseKind})`, () => {
  it("finds the user's own order and ticket, including a guest order under their address", async () => {
    const user = await createUser();
    const { event, ticketTypeId } = await eventIn(5);
    const guest = await createOrder({ eventId: event.id, ticketTypeId, buyerEmail: user.email.toUpperCase() });
    expect((await findAccountOrder(user.id, guest.id))?.number).toBe(guest.number);
    const ticket = await findAccountTicket(user.id, guest.tickets[1].code);
    expect(ticket).toMatchObject({
      code: guest.tickets[1].code,
      typeName: "Ståplats",
      status: "VALID",
      order: { id: guest.id, number: guest.number, status: "PAID" },
      event: { slug: event.slug },
    });
  });

  it("answers null for someone else's order or ticket, unknown ones and malformed input", async () => {
    const user = await createUser();
    const other = await createUser();
    const { event, ticketTypeId } = await eventIn(5);
    const theirs = await createOrder({ eventId: event.id, ticketTypeId, userId: other.id, buyerEmail: other.email });
    expect(await findAccountOrder(user.id, theirs.id)).toBeNull();
    expect(await findAccountTicket(user.id, theirs.tickets[0].code)).toBeNull();
    expect(await findAccountTicket(user.id, "0000000000000000")).toBeNull();
    expect(await findAccountTicket(user.id, "../../etc/passwd")).toBeNull();
    expect(await findAccountOrder(user.id, "00000000-0000-7000-8000-000000000000")).toBeNull();
    expect(await findAccountOrder(user.id, "x' OR 1=1 --")).toBeNull();
    // The owner still finds them.
    expect(await findAccountTicket(other.id, theirs.tickets[0].code)).not.toBeNull();
  });

  it("does not show pending or failed orders", async () => {
    const user = await createUser();
    const { event, ticketTypeId } = await eventIn(5);
    const pending = await createOrder({ eventId: event.id, ticketTypeId, userId: user.id, buyerEmail: user.email, status: "PENDING" });
    expect(await findAccountOrder(user.id, pending.id)).toBeNull();
  });
});
