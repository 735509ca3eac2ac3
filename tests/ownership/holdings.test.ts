import { databaseKind, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes } from "node:crypto";
import { createOrder, createUser, eventIn } from "../tickets/fixtures";
import { db } from "@/lib/db/client";
import {
  findHolder,
  heldOrderIds,
  heldOrdersWhere,
  heldTicketIds,
  heldTicketsWhere,
  holderOf,
  orderHeldBySql,
  ORDER_HOLDER_SELECT,
  orderHolderContact,
  ticketHeldBySql,
  ticketHolderName,
  type Holder,
} from "@/lib/ownership/holdings";

const sorted = (ids: string[]) => [...ids].sort();

/** An account whose address is `<prefix>-<random>@example.se`, and its holder. */
async function account(prefix = "kim"): Promise<{ id: string; email: string; holder: Holder }> {
  const user = await createUser(`${prefix}-${randomBytes(4).toString("hex")}@example.se`);
  return { id: user.id, email: user.email, holder: holderOf(user) };
}

describe(`the ownership rule (${databaseKind})`, () => {
  it("gives an account its own paid orders and their tickets, and the cancelled and refunded ones", async () => {
    const kim = await account();
    const event = await eventIn(10);
    const paid = await createOrder({ ...event, userId: kim.id, buyerEmail: kim.email });
    // The address typed at checkout does not matter once the order is on the account.
    const otherAddress = await createOrder({ ...event, userId: kim.id, buyerEmail: "kim.annan@example.se", quantity: 1 });
    const cancelled = await createOrder({ ...event, userId: kim.id, buyerEmail: kim.email, status: "CANCELLED" });
    const refunded = await createOrder({ ...event, userId: kim.id, buyerEmail: kim.email, status: "REFUNDED" });

    const held = [paid, otherAddress, cancelled, refunded];
    expect(sorted(await heldOrderIds(kim.holder))).toEqual(sorted(held.map((order) => order.id)));
    expect(sorted(await heldTicketIds(kim.holder))).toEqual(sorted(held.flatMap((order) => order.tickets.map((ticket) => ticket.id))));
    expect(await heldTicketIds(kim.holder, { codes: [paid.tickets[1].code] })).toEqual([paid.tickets[1].id]);
    expect(await heldOrderIds(kim.holder, { orderIds: [paid.id] })).toEqual([paid.id]);
    // Narrowed to paid orders, as "liked, not bought yet" asks.
    expect(sorted(await heldOrderIds(kim.holder, { statuses: ["PAID"] }))).toEqual(sorted([paid.id, otherAddress.id]));
  });

  it("does not give an account pending or failed orders, unless every status is asked for", async () => {
    const kim = await account();
    const event = await eventIn(10);
    const pending = await createOrder({ ...event, userId: kim.id, buyerEmail: kim.email, status: "PENDING" });
    const failed = await createOrder({ ...event, userId: null, buyerEmail: kim.email, status: "FAILED" });

    expect(await heldOrderIds(kim.holder)).toEqual([]);
    expect(await heldOrderIds(kim.holder, { orderIds: [pending.id] })).toEqual([]);
    expect(sorted(await heldOrderIds(kim.holder, { statuses: "any" }))).toEqual(sorted([pending.id, failed.id]));
    expect(await heldOrderIds(kim.holder, { statuses: [] })).toEqual([]);
  });

  it("gives an account the orders without an account bought with its address, in any spelling", async () => {
    const kim = await account();
    const event = await eventIn(10);
    const exact = await createOrder({ ...event, userId: null, buyerEmail: kim.email });
    const cased = await createOrder({ ...event, userId: null, buyerEmail: ` ${kim.email.toUpperCase()} ` });
    // Someone else's address, and one that only a LIKE pattern would match ("_" for any letter).
    await createOrder({ ...event, userId: null, buyerEmail: "nagon.annan@example.se" });
    await createOrder({ ...event, userId: null, buyerEmail: `_${kim.email.slice(1)}` });

    expect(sorted(await heldOrderIds(kim.holder))).toEqual(sorted([exact.id, cased.id]));
    expect(await heldTicketIds(kim.holder, { codes: [cased.tickets[0].code] })).toEqual([cased.tickets[0].id]);
  });

  it("never gives an account another account's order, bought with the same or a differently cased address", async () => {
    const [kim, bo] = [await account(), await account("bo")];
    const event = await eventIn(10);
    const same = await createOrder({ ...event, userId: bo.id, buyerEmail: kim.email });
    const cased = await createOrder({ ...event, userId: bo.id, buyerEmail: kim.email.toUpperCase() });

    expect(await heldOrderIds(kim.holder)).toEqual([]);
    expect(await heldOrderIds(kim.holder, { orderIds: [same.id, cased.id] })).toEqual([]);
    expect(await heldOrderIds(kim.holder, { statuses: "any" })).toEqual([]);
    expect(await heldTicketIds(kim.holder, { codes: same.tickets.map((ticket) => ticket.code) })).toEqual([]);
    // They are Bo's.
    expect(sorted(await heldOrderIds(bo.holder))).toEqual(sorted([same.id, cased.id]));
  });

  it("states the rule as Prisma where clauses and as SQL conditions that agree", async () => {
    const [kim, bo] = [await account(), await account("bo")];
    const event = await eventIn(10);
    const kims = await createOrder({ ...event, userId: kim.id, buyerEmail: kim.email });
    const unlinked = await createOrder({ ...event, userId: null, buyerEmail: kim.email.toUpperCase(), quantity: 1 });
    await createOrder({ ...event, userId: bo.id, buyerEmail: kim.email });
    await createOrder({ ...event, userId: kim.id, buyerEmail: kim.email, status: "PENDING" });

    const orders = await db.order.findMany({
      where: { eventId: event.eventId, ...(await heldOrdersWhere(kim.holder)) },
      select: { id: true },
    });
    expect(sorted(orders.map((order) => order.id))).toEqual(sorted([kims.id, unlinked.id]));
    const tickets = await db.ticket.findMany({ where: await heldTicketsWhere(kim.holder), select: { id: true } });
    expect(sorted(tickets.map((ticket) => ticket.id))).toEqual(sorted([...kims.tickets, ...unlinked.tickets].map((ticket) => ticket.id)));

    const bySql = await db.$queryRaw<{ id: string }[]>`
      SELECT x."id"::text AS "id" FROM "Order" x WHERE x."eventId" = ${event.eventId}::uuid AND ${orderHeldBySql(kim.holder, "x")}`;
    expect(sorted(bySql.map((row) => row.id))).toEqual(sorted([kims.id, unlinked.id]));
    const ticketsBySql = await db.$queryRaw<{ id: string }[]>`
      SELECT "id"::text AS "id" FROM "Ticket" WHERE "eventId" = ${event.eventId}::uuid AND ${ticketHeldBySql(kim.holder)}`;
    expect(ticketsBySql).toHaveLength(3);
    expect(() => orderHeldBySql(kim.holder, `o"; DROP TABLE "Order"; --`)).toThrow("not an SQL alias");
  });

  it("finds the holder of an account id, and no one for an unknown id or anything else", async () => {
    const kim = await account();
    await db.user.update({ where: { id: kim.id }, data: { email: kim.email.replace("@", ".ny@") } });
    expect(await findHolder(kim.id)).toEqual({ userId: kim.id, email: kim.email.replace("@", ".ny@") });
    expect(await findHolder("00000000-0000-7000-8000-000000000000")).toBeNull();
    expect(await findHolder("x' OR 1=1 --")).toBeNull();
    expect(holderOf({ id: kim.id, email: " Kim@Example.SE " })).toEqual({ userId: kim.id, email: "kim@example.se" });
  });

  it("reaches an order's holder at the account's current address, or without an account at the one typed", async () => {
    const kim = await account();
    const event = await eventIn(10);
    const linked = await createOrder({ ...event, userId: kim.id, buyerEmail: "kim.gammal@example.se" });
    const unlinked = await createOrder({ ...event, userId: null, buyerEmail: " Gast@Example.SE " });
    const [withAccount, withoutAccount] = await Promise.all([
      db.order.findUniqueOrThrow({ where: { id: linked.id }, select: ORDER_HOLDER_SELECT }),
      db.order.findUniqueOrThrow({ where: { id: unlinked.id }, select: ORDER_HOLDER_SELECT }),
    ]);
    expect(orderHolderContact(withAccount)).toEqual({ email: kim.email, name: "Kim Kund" });
    expect(orderHolderContact(withoutAccount)).toEqual({ email: "gast@example.se", name: "Kim Kund" });
    expect(ticketHolderName({ holderName: null, order: { buyerName: "Kim Kund" } })).toBe("Kim Kund");
    expect(ticketHolderName({ holderName: "Tove Vän", order: { buyerName: "Kim Kund" } })).toBe("Tove Vän");
  });
});
