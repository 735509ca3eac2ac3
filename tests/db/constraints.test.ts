import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { db } from "@/lib/db/client";

useTestDatabase();

// The database itself must refuse these rows, whatever code writes them: each test goes
// around our domain code and writes with plain SQL.
async function sqlError(sql: string, ...params: unknown[]): Promise<string> {
  try {
    await db.$executeRawUnsafe(sql, ...params);
  } catch (error) {
    return String((error as Error).message);
  }
  throw new Error(`expected the database to refuse: ${sql}`);
}

let eventId: string;

beforeAll(async () => {
  const organizer = await db.organizer.create({
    data: { slug: "constraints-org", name: "Constraints AB", email: "info@constraints.example" },
  });
  const event = await db.event.create({
    data: {
      organizerId: organizer.id,
      slug: "constraints-event",
      title: "Test",
      description: "Test",
      venue: "Hall",
      city: "Umeå",
      startsAt: new Date("2030-01-01T18:00:00Z"),
      endsAt: new Date("2030-01-01T21:00:00Z"),
    },
  });
  eventId = event.id;
});

describe(`database constraints (${databaseKind})`, () => {
  it("refuses a ticket type with a negative capacity", async () => {
    const message = await sqlError(
      `INSERT INTO "TicketType" (id, "eventId", name, "priceMinor", capacity, "updatedAt")
       VALUES (gen_random_uuid(), $1::uuid, 'Negative', 10000, -1, now())`,
      eventId,
    );
    expect(message).toMatch(/TicketType_capacity_nonnegative/);
  });

  it("refuses selling more than the capacity", async () => {
    const type = await db.ticketType.create({
      data: { eventId, name: "Ståplats", priceMinor: 25000, capacity: 2 },
    });
    await db.$executeRaw`UPDATE "TicketType" SET sold = 2 WHERE id = ${type.id}::uuid`;
    const message = await sqlError(`UPDATE "TicketType" SET held = held + 1 WHERE id = $1::uuid`, type.id);
    expect(message).toMatch(/TicketType_not_oversold/);
    const after = await db.ticketType.findUniqueOrThrow({ where: { id: type.id } });
    expect([after.sold, after.held]).toEqual([2, 0]);
  });

  it("refuses a second user with the same normalised email", async () => {
    await db.user.create({ data: { email: "åsa.berg@example.se" } });
    const duplicate = await sqlError(
      `INSERT INTO "User" (id, email, "updatedAt") VALUES (gen_random_uuid(), 'åsa.berg@example.se', now())`,
    );
    expect(duplicate).toMatch(/User_email_key|unique/i);
  });

  it("refuses an email stored in any other than its normalised form", async () => {
    for (const spelling of ["Asa.Berg@Example.se", " asa.berg@example.se", "ａsa@example.se", "a@b@c.se"]) {
      const message = await sqlError(`INSERT INTO "User" (id, email, "updatedAt") VALUES (gen_random_uuid(), $1, now())`, spelling);
      expect(message).toMatch(/User_email_normalised/);
    }
  });

  it("refuses two tickets with the same code", async () => {
    const type = await db.ticketType.create({
      data: { eventId, name: "Sittplats", priceMinor: 0, capacity: 10 },
    });
    const order = await db.order.create({
      data: {
        number: "CONSTR01",
        eventId,
        buyerName: "Test",
        buyerEmail: "test@example.se",
        subtotalMinor: 0,
        totalMinor: 0,
        status: "PAID",
      },
    });
    const ticket = { orderId: order.id, ticketTypeId: type.id, eventId };
    await db.ticket.create({ data: { ...ticket, code: "ABCDEFGHJKMNPQRS" } });
    await expect(db.ticket.create({ data: { ...ticket, code: "ABCDEFGHJKMNPQRS" } })).rejects.toThrow(/Unique constraint|code/);
    expect(await db.ticket.count({ where: { code: "ABCDEFGHJKMNPQRS" } })).toBe(1);
  });

  it("refuses an order whose total is not subtotal plus fee", async () => {
    await expect(
      db.order.create({
        data: {
          number: "CONSTR02",
          eventId,
          buyerName: "Test",
          buyerEmail: "test@example.se",
          subtotalMinor: 10000,
          feeMinor: 500,
          totalMinor: 100,
        },
      }),
    ).rejects.toThrow(/Order_totals/);
  });

  it("refuses an event that ends before it starts", async () => {
    const message = await sqlError(`UPDATE "Event" SET "endsAt" = "startsAt" - interval '1 hour' WHERE id = $1::uuid`, eventId);
    expect(message).toMatch(/Event_ends_after_start/);
  });
});
