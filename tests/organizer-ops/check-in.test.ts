import { databaseKind, describeOnPostgres, useTestDatabase } from "../helpers/test-db";
import { db } from "@/lib/db/client";
import { checkInTicket, getCheckInOverview, normaliseTicketCode } from "@/lib/organizers/check-in";
import { createEvent } from "../helpers/fixtures";
import { addMember, organizerWithTeam, paidOrder } from "./fixtures";

useTestDatabase();

async function setUp() {
  const team = await organizerWithTeam();
  const order = await paidOrder({ eventId: team.event.id, ticketTypeId: team.ticketTypes[0].id }, { name: "Greta Köpare" });
  return { ...team, order, code: order.tickets[0].code };
}

describe(`checkInTicket (${databaseKind})`, () => {
  it("admits a ticket once; a second scan says when it was first checked in", async () => {
    const team = await setUp();
    const first = new Date("2030-05-01T17:05:00Z");
    const args = { userId: team.staff.id, organizerId: team.organizerId, eventId: team.event.id };

    expect(await checkInTicket({ ...args, code: team.code, now: first })).toEqual({
      ok: true,
      status: "checked_in",
      checkedInAt: first,
      holderName: "Greta Köpare",
      ticketType: team.ticketTypes[0].name,
    });
    const again = await checkInTicket({
      ...args,
      userId: team.owner.id,
      code: team.code.toLowerCase(),
      now: new Date("2030-05-01T17:30:00Z"),
    });
    expect(again).toMatchObject({ ok: false, status: "already_checked_in", checkedInAt: first });

    const ticket = await db.ticket.findUniqueOrThrow({ where: { code: team.code } });
    expect(ticket.checkedInAt).toEqual(first);
    expect(ticket.checkedInById).toBe(team.staff.id);
    const overview = await getCheckInOverview(team.staff.id, team.organizerId, team.event.id);
    expect(overview).toMatchObject({ total: 2, checkedIn: 1 });
  });

  it("refuses a void ticket, an unknown code and a ticket of another event, the same way for both", async () => {
    const team = await setUp();
    const args = { userId: team.owner.id, organizerId: team.organizerId, eventId: team.event.id };
    await db.ticket.update({ where: { code: team.order.tickets[1].code }, data: { status: "VOID" } });
    expect(await checkInTicket({ ...args, code: team.order.tickets[1].code })).toEqual({ ok: false, status: "void" });

    // Another event of the same organizer, and an event of another organizer.
    const sameOrganizer = await createEvent({ organizerId: team.organizerId });
    const sibling = await paidOrder({ eventId: sameOrganizer.event.id, ticketTypeId: sameOrganizer.ticketTypes[0].id });
    const foreign = await createEvent();
    const stranger = await paidOrder({ eventId: foreign.event.id, ticketTypeId: foreign.ticketTypes[0].id });
    expect(await checkInTicket({ ...args, code: sibling.tickets[0].code })).toEqual({ ok: false, status: "unknown" });
    expect(await checkInTicket({ ...args, code: stranger.tickets[0].code })).toEqual({ ok: false, status: "unknown" });
    expect(await checkInTicket({ ...args, code: "0000000000000000" })).toEqual({ ok: false, status: "unknown" });
    expect(await checkInTicket({ ...args, code: "hej" })).toEqual({ ok: false, status: "invalid_code" });
    expect(
      await db.ticket.count({
        where: { checkedInAt: { not: null }, eventId: { in: [team.event.id, sameOrganizer.event.id, foreign.event.id] } },
      }),
    ).toBe(0);
  });

  it("lets nobody outside the organizer check in, nor look at the counts", async () => {
    const team = await setUp();
    const foreign = await createEvent();
    const outsider = await addMember(foreign.organizerId, "OWNER");
    const buyer = team.order.userId!;
    for (const attempt of [
      { userId: outsider.id, organizerId: team.organizerId, eventId: team.event.id },
      { userId: outsider.id, organizerId: foreign.organizerId, eventId: team.event.id },
      { userId: buyer, organizerId: team.organizerId, eventId: team.event.id },
      { userId: team.owner.id, organizerId: team.organizerId, eventId: foreign.event.id },
    ]) {
      expect(await checkInTicket({ ...attempt, code: team.code })).toEqual({ ok: false, status: "not_found" });
      expect(await getCheckInOverview(attempt.userId, attempt.organizerId, attempt.eventId)).toBeNull();
    }
    expect((await db.ticket.findUniqueOrThrow({ where: { code: team.code } })).checkedInAt).toBeNull();
  });
});

describeOnPostgres("checkInTicket at two doors at once", () => {
  it("admits the ticket at exactly one of them", async () => {
    const team = await setUp();
    const args = { organizerId: team.organizerId, eventId: team.event.id, code: team.code };
    const results = await Promise.all(
      [team.owner.id, team.admin.id, team.staff.id, team.owner.id].map((userId) => checkInTicket({ ...args, userId })),
    );
    expect(results.filter((result) => result.status === "checked_in")).toHaveLength(1);
    expect(results.filter((result) => result.status === "already_checked_in")).toHaveLength(3);
  });
});

describe("normaliseTicketCode", () => {
  it("ignores case, spaces and dashes and reads O, I and L as digits", () => {
    expect(normaliseTicketCode(" abcd-efgh ijkl-mnop ")).toBe("ABCDEFGH1JK1MN0P");
    expect(normaliseTicketCode("o0")).toBe("00");
  });
});
