// On PostgreSQL, where transactions really run at once: tickets returned to a type with a
// waiting list go to the list even while outsiders are checking out, and nothing oversells.
import { randomUUID } from "node:crypto";
import { describeOnPostgres, useTestDatabase } from "../helpers/test-db";
import { createEvent } from "../helpers/fixtures";
import { db } from "@/lib/db/client";
import { placeOrder, type PlaceOrderInput } from "@/lib/orders/place-order";
import { testPaymentProvider } from "@/lib/payments/test-provider";
import { sweepWaitingLists } from "@/lib/waiting-list/offers";

useTestDatabase();

const provider = testPaymentProvider();

function order(eventId: string, ticketTypeId: string, waitingListEntryId?: string): PlaceOrderInput {
  return {
    eventId,
    items: [{ ticketTypeId, quantity: 1 }],
    buyer: { name: "Köare", email: `buyer-${randomUUID().slice(0, 8)}@example.se` },
    marketingOptIn: false,
    locale: "sv",
    idempotencyKey: randomUUID(),
    card: { number: "4242 4242 4242 4242", expiry: "12/30", cvc: "123" },
    ...(waitingListEntryId ? { waitingListEntryId } : {}),
  };
}

describeOnPostgres("the waiting list under concurrent checkouts (PostgreSQL)", () => {
  it("offers 5 returned tickets to the first 5 of 50, keeps them from 40 outside buyers, and sells exactly capacity", async () => {
    const capacity = 20;
    const { event, ticketTypes } = await createEvent({ ticketTypes: [{ capacity, sold: capacity }] });
    const type = ticketTypes[0];
    const base = Date.now() - 60 * 60_000;
    await db.waitingListEntry.createMany({
      data: Array.from({ length: 50 }, (_, n) => ({
        ticketTypeId: type.id,
        email: `line-${String(n).padStart(2, "0")}@example.se`,
        quantity: 1,
        joinedAt: new Date(base + n * 1000),
      })),
    });
    const line = await db.waitingListEntry.findMany({ where: { ticketTypeId: type.id }, orderBy: { joinedAt: "asc" } });

    // Five cancellations, each returning one ticket, while 40 outsiders try to buy.
    const outsiders = Array.from({ length: 40 }, () => placeOrder(order(event.id, type.id), { provider }));
    const returns = Array.from(
      { length: 5 },
      () => db.$executeRaw`UPDATE "TicketType" SET "sold" = "sold" - 1 WHERE "id" = ${type.id}::uuid`,
    );
    const [bought] = await Promise.all([Promise.all(outsiders), Promise.all(returns)]);

    expect(bought.filter((result) => result.ok)).toEqual([]);
    const offered = await db.waitingListEntry.findMany({
      where: { ticketTypeId: type.id, status: "OFFERED" },
      orderBy: { joinedAt: "asc" },
    });
    expect(offered.map((entry) => entry.id)).toEqual(line.slice(0, 5).map((entry) => entry.id));
    expect(await db.ticketType.findUniqueOrThrow({ where: { id: type.id } })).toMatchObject({ sold: capacity - 5, held: 5 });

    // Two offers lapse while 40 more outsiders try, and three holders buy, all at once: the two
    // lapsed tickets go to the next two in line, never to an outsider.
    const later = new Date(Date.now() + 31 * 60_000);
    await db.waitingListEntry.updateMany({
      where: { id: { in: offered.slice(3).map((entry) => entry.id) } },
      data: { offerExpiresAt: new Date(Date.now() - 1000) },
    });
    const round = await Promise.all([
      ...Array.from({ length: 40 }, () => placeOrder(order(event.id, type.id), { provider, now: later })),
      ...offered.slice(0, 3).map((entry) => placeOrder(order(event.id, type.id, entry.id), { provider })),
      sweepWaitingLists(new Date()),
    ]);
    const orders = round.slice(0, 43) as Awaited<ReturnType<typeof placeOrder>>[];
    expect(orders.slice(0, 40).filter((result) => result.ok)).toEqual([]);
    expect(orders.slice(40).every((result) => result.ok)).toBe(true);

    const statuses = await db.waitingListEntry.findMany({ where: { ticketTypeId: type.id }, orderBy: { joinedAt: "asc" } });
    expect(statuses.slice(0, 7).map((entry) => entry.status)).toEqual([
      "CLAIMED",
      "CLAIMED",
      "CLAIMED",
      "LAPSED",
      "LAPSED",
      "OFFERED",
      "OFFERED",
    ]);
    expect(statuses.slice(7).every((entry) => entry.status === "WAITING")).toBe(true);

    const after = await db.ticketType.findUniqueOrThrow({ where: { id: type.id } });
    expect(after).toMatchObject({ sold: capacity - 2, held: 2 });
    const tickets = await db.ticket.count({ where: { ticketTypeId: type.id } });
    expect(tickets).toBe(3);
    expect(after.sold + after.held).toBeLessThanOrEqual(after.capacity);
  });
});
