import { randomUUID } from "node:crypto";
import { useTestDatabase, databaseKind } from "../helpers/test-db";
import { createEvent, createOrganizer } from "../helpers/fixtures";
import { db } from "@/lib/db/client";
import { getPublishedEventBySlug, listEvents } from "@/lib/events/queries";
import { findMembership, isOrganizerMember, organizersOf } from "@/lib/organizers/membership";
import {
  getEventForEditing,
  getEventSales,
  getOrganizerDashboard,
  listAllAttendees,
  listAttendees,
  listMarketingContacts,
} from "@/lib/organizers/queries";
import { saveEventForMember, setEventPublishedForMember } from "@/lib/organizers/save-event";
import { saveRefundPolicyForMember } from "@/lib/refunds/refund-policy-settings";
import { addMember, createUser, eventValues, paidOrder } from "./helpers";

useTestDatabase();

async function setting() {
  const organizer = await createOrganizer({ name: "Nordljus" });
  const other = await createOrganizer({ name: "Glashuset" });
  const member = await addMember(organizer.id, "ADMIN");
  const outsider = await addMember(other.id, "OWNER");
  const buyer = await createUser("Köpare");
  return { organizer, other, member, outsider, buyer };
}

describe(`saveEventForMember (${databaseKind})`, () => {
  it("creates a draft with its ticket type for a member, with a unique slug from the title", async () => {
    const { organizer, member } = await setting();
    const values = eventValues({ title: "Jazz på Älven" });
    const first = await saveEventForMember({ userId: member.id, organizerId: organizer.id, eventId: null, values });
    const second = await saveEventForMember({ userId: member.id, organizerId: organizer.id, eventId: null, values });
    if (!first.ok || !second.ok) throw new Error(JSON.stringify([first, second]));
    const events = await db.event.findMany({
      where: { id: { in: [first.eventId, second.eventId] } },
      include: { ticketTypes: true },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((event) => [event.slug.replace(/-\d+$/, ""), event.status, event.organizerId])).toEqual([
      ["jazz-pa-alven", "DRAFT", organizer.id],
      ["jazz-pa-alven", "DRAFT", organizer.id],
    ]);
    expect(events[0].slug).not.toBe(events[1].slug);
    expect(events[0].ticketTypes).toMatchObject([{ name: "Ordinarie", priceMinor: 24950, capacity: 100, maxPerOrder: 8 }]);
    expect(events[0].startsAt.toISOString()).toBe("2030-04-20T17:00:00.000Z");
  });

  it("refuses a slug typed by hand that another event has", async () => {
    const { organizer, member } = await setting();
    const { event } = await createEvent({ organizerId: organizer.id });
    const result = await saveEventForMember({
      userId: member.id,
      organizerId: organizer.id,
      eventId: null,
      values: eventValues({ slug: event.slug }),
    });
    expect(result).toEqual({ ok: false, error: "invalid_form", fieldErrors: { slug: "slug_taken" }, counts: {} });
  });

  it("names the old address when an edit moves the event to a new one, and only then", async () => {
    const { organizer, member } = await setting();
    const { event } = await createEvent({ organizerId: organizer.id });
    const editing = await getEventForEditing(member.id, organizer.id, event.id);
    if (!editing) throw new Error("not found");
    const same = await saveEventForMember({ userId: member.id, organizerId: organizer.id, eventId: event.id, values: editing.values });
    expect(same).toEqual({ ok: true, eventId: event.id });
    const newSlug = `ny-adress-${randomUUID().slice(0, 8)}`;
    const moved = await saveEventForMember({
      userId: member.id,
      organizerId: organizer.id,
      eventId: event.id,
      values: { ...editing.values, slug: newSlug },
    });
    expect(moved).toEqual({ ok: true, eventId: event.id, previousSlug: event.slug });
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).slug).toBe(newSlug);
  });

  it("leaves a cancelled event as it was: no edit, no new refund policy", async () => {
    const { organizer, member } = await setting();
    const { event } = await createEvent({ organizerId: organizer.id, status: "CANCELLED" });
    const editing = await getEventForEditing(member.id, organizer.id, event.id);
    if (!editing) throw new Error("not found");
    const values = { ...editing.values, title: "Ett annat namn" };
    expect(await saveEventForMember({ userId: member.id, organizerId: organizer.id, eventId: event.id, values })).toEqual({
      ok: false,
      error: "cancelled",
    });
    const policy = { kind: "until", daysBefore: "7", feeKind: "none", feeValue: "" };
    expect(await saveRefundPolicyForMember({ userId: member.id, organizerId: organizer.id, eventId: event.id, values: policy })).toEqual({
      ok: false,
      error: "cancelled",
    });
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).title).toBe(event.title);
    expect(await db.eventRefundPolicy.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("refuses a capacity below what is sold and held, and writes nothing", async () => {
    const { organizer, member } = await setting();
    const { event, ticketTypes } = await createEvent({ organizerId: organizer.id, ticketTypes: [{ capacity: 10, priceMinor: 10000 }] });
    await paidOrder({ eventId: event.id, ticketTypeId: ticketTypes[0].id, quantity: 3, unitPriceMinor: 10000 });
    await db.ticketType.update({ where: { id: ticketTypes[0].id }, data: { held: 2 } });
    const editing = await getEventForEditing(member.id, organizer.id, event.id);
    if (!editing) throw new Error("not found");
    const values = { ...editing.values, title: "Nytt namn", ticketTypes: [{ ...editing.values.ticketTypes[0], capacity: "4" }] };
    const refused = await saveEventForMember({ userId: member.id, organizerId: organizer.id, eventId: event.id, values });
    expect(refused).toEqual({
      ok: false,
      error: "invalid_form",
      fieldErrors: { "ticketTypes.0.capacity": "capacity_below_sold" },
      counts: { "ticketTypes.0.capacity": 5 },
    });
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).title).toBe(event.title);
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: ticketTypes[0].id } })).capacity).toBe(10);

    const accepted = await saveEventForMember({
      userId: member.id,
      organizerId: organizer.id,
      eventId: event.id,
      values: { ...values, ticketTypes: [{ ...values.ticketTypes[0], capacity: "5" }] },
    });
    expect(accepted).toEqual({ ok: true, eventId: event.id });
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: ticketTypes[0].id } })).capacity).toBe(5);
  });

  it("refuses a sale window that ends after the event", async () => {
    const { organizer, member } = await setting();
    const values = eventValues();
    values.ticketTypes[0].salesEndAt = "2030-04-21T10:00";
    const result = await saveEventForMember({ userId: member.id, organizerId: organizer.id, eventId: null, values });
    expect(result).toEqual({ ok: false, error: "invalid_form", fieldErrors: { "ticketTypes.0.salesEndAt": "sale_after_event" } });
  });

  it("removes an unsold ticket type but not one with orders", async () => {
    const { organizer, member } = await setting();
    const { event, ticketTypes } = await createEvent({ organizerId: organizer.id, ticketTypes: [{ name: "Såld" }, { name: "Osåld" }] });
    await paidOrder({ eventId: event.id, ticketTypeId: ticketTypes[0].id, quantity: 1, unitPriceMinor: 25000 });
    const editing = await getEventForEditing(member.id, organizer.id, event.id);
    if (!editing) throw new Error("not found");
    expect(editing.locked).toEqual({ [ticketTypes[0].id]: true, [ticketTypes[1].id]: false });
    const removeBoth = { ...editing.values, ticketTypes: editing.values.ticketTypes.map((type) => ({ ...type, remove: true })) };
    const refused = await saveEventForMember({ userId: member.id, organizerId: organizer.id, eventId: event.id, values: removeBoth });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { "ticketTypes.0.name": "cannot_remove_sold" } });
    expect(await db.ticketType.count({ where: { eventId: event.id } })).toBe(2);
    const removeUnsold = {
      ...editing.values,
      ticketTypes: [editing.values.ticketTypes[0], { ...editing.values.ticketTypes[1], remove: true }],
    };
    expect(await saveEventForMember({ userId: member.id, organizerId: organizer.id, eventId: event.id, values: removeUnsold })).toEqual({
      ok: true,
      eventId: event.id,
    });
    expect(await db.ticketType.findMany({ where: { eventId: event.id }, select: { name: true } })).toEqual([{ name: "Såld" }]);
  });

  it("gives an outsider and a buyer not_found and writes nothing, also with another organizer's ids mixed in", async () => {
    const { organizer, other, member, outsider, buyer } = await setting();
    const { event, ticketTypes } = await createEvent({ organizerId: organizer.id });
    const before = await db.event.count();
    for (const userId of [outsider.id, buyer.id]) {
      expect(await saveEventForMember({ userId, organizerId: organizer.id, eventId: null, values: eventValues() })).toEqual({
        ok: false,
        error: "not_found",
      });
      expect(
        await saveEventForMember({ userId, organizerId: organizer.id, eventId: event.id, values: eventValues({ title: "Kapad" }) }),
      ).toEqual({ ok: false, error: "not_found" });
    }
    // The outsider's own organizer id with the victim's event id.
    expect(
      await saveEventForMember({ userId: outsider.id, organizerId: other.id, eventId: event.id, values: eventValues({ title: "Kapad" }) }),
    ).toEqual({ ok: false, error: "not_found" });
    // A member of another organizer cannot pull a ticket type of this one into their event.
    const { event: theirs } = await createEvent({ organizerId: other.id });
    const forged = eventValues();
    forged.ticketTypes[0].id = ticketTypes[0].id;
    expect(await saveEventForMember({ userId: outsider.id, organizerId: other.id, eventId: theirs.id, values: forged })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await db.event.count()).toBe(before + 1);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).title).toBe(event.title);
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: ticketTypes[0].id } })).eventId).toBe(event.id);
    expect(
      await saveEventForMember({
        userId: member.id,
        organizerId: organizer.id,
        eventId: event.id,
        values: eventValues({ title: "Ändrad" }),
      }),
    ).toMatchObject({ ok: true });
  });
});

describe(`setEventPublishedForMember (${databaseKind})`, () => {
  it("publishes a draft so buyers find it, and takes it back", async () => {
    const { organizer, member } = await setting();
    const saved = await saveEventForMember({
      userId: member.id,
      organizerId: organizer.id,
      eventId: null,
      values: eventValues({ title: "Nyårskonsert Unik" }),
    });
    if (!saved.ok) throw new Error("not saved");
    const { slug } = await db.event.findUniqueOrThrow({ where: { id: saved.eventId } });
    expect(await getPublishedEventBySlug(slug)).toBeNull();
    expect(
      await setEventPublishedForMember({ userId: member.id, organizerId: organizer.id, eventId: saved.eventId, publish: true }),
    ).toEqual({ ok: true });
    expect((await getPublishedEventBySlug(slug))?.title).toBe("Nyårskonsert Unik");
    expect((await listEvents({ query: "Nyårskonsert Unik" })).events.map((event) => event.slug)).toEqual([slug]);
    expect(
      await setEventPublishedForMember({ userId: member.id, organizerId: organizer.id, eventId: saved.eventId, publish: false }),
    ).toEqual({ ok: true });
    expect(await getPublishedEventBySlug(slug)).toBeNull();
    expect((await listEvents({ query: "Nyårskonsert Unik" })).events).toEqual([]);
  });

  it("refuses to publish without a ticket type, and to take back sold events unless confirmed", async () => {
    const { organizer, member } = await setting();
    const { event: empty } = await createEvent({ organizerId: organizer.id, status: "DRAFT", ticketTypes: [] });
    expect(await setEventPublishedForMember({ userId: member.id, organizerId: organizer.id, eventId: empty.id, publish: true })).toEqual({
      ok: false,
      error: "needs_ticket_type",
    });
    const { event, ticketTypes } = await createEvent({ organizerId: organizer.id });
    await paidOrder({ eventId: event.id, ticketTypeId: ticketTypes[0].id, quantity: 1, unitPriceMinor: 25000 });
    expect(await setEventPublishedForMember({ userId: member.id, organizerId: organizer.id, eventId: event.id, publish: false })).toEqual({
      ok: false,
      error: "confirm_unpublish",
    });
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("PUBLISHED");
    expect(
      await setEventPublishedForMember({
        userId: member.id,
        organizerId: organizer.id,
        eventId: event.id,
        publish: false,
        confirmSold: true,
      }),
    ).toEqual({ ok: true });
  });

  it("gives an outsider and a buyer not_found and changes nothing", async () => {
    const { organizer, outsider, buyer } = await setting();
    const { event } = await createEvent({ organizerId: organizer.id, status: "DRAFT" });
    for (const userId of [outsider.id, buyer.id]) {
      expect(await setEventPublishedForMember({ userId, organizerId: organizer.id, eventId: event.id, publish: true })).toEqual({
        ok: false,
        error: "not_found",
      });
    }
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("DRAFT");
  });
});

describe(`organizer queries (${databaseKind})`, () => {
  it("sums sales per ticket type from paid orders only, in öre", async () => {
    const { organizer, member } = await setting();
    const { event, ticketTypes } = await createEvent({
      organizerId: organizer.id,
      ticketTypes: [
        { name: "Vuxen", capacity: 50, priceMinor: 24950 },
        { name: "Barn", capacity: 20, priceMinor: 9990 },
      ],
    });
    await paidOrder({ eventId: event.id, ticketTypeId: ticketTypes[0].id, quantity: 3, unitPriceMinor: 24950 });
    await paidOrder({ eventId: event.id, ticketTypeId: ticketTypes[0].id, quantity: 1, unitPriceMinor: 19950 });
    await paidOrder({ eventId: event.id, ticketTypeId: ticketTypes[1].id, quantity: 2, unitPriceMinor: 9990 });
    await paidOrder({ eventId: event.id, ticketTypeId: ticketTypes[1].id, quantity: 5, unitPriceMinor: 9990, status: "FAILED" });
    await paidOrder({ eventId: event.id, ticketTypeId: ticketTypes[1].id, quantity: 5, unitPriceMinor: 9990, status: "REFUNDED" });
    await db.ticketType.update({ where: { id: ticketTypes[1].id }, data: { held: 4 } });
    const sales = await getEventSales(member.id, organizer.id, event.id);
    expect(sales?.rows.map(({ name, sold, held, left, revenueMinor }) => ({ name, sold, held, left, revenueMinor }))).toEqual([
      { name: "Vuxen", sold: 4, held: 0, left: 46, revenueMinor: 3 * 24950 + 19950 },
      { name: "Barn", sold: 2, held: 4, left: 14, revenueMinor: 19980 },
    ]);
    expect(sales?.totals).toEqual({ capacity: 70, sold: 6, held: 4, left: 60, revenueMinor: 94800 + 19980 });
  });

  it("searches attendees by name, email, order number and ticket code, one row per ticket", async () => {
    const { organizer, member } = await setting();
    const { event, ticketTypes } = await createEvent({ organizerId: organizer.id });
    const asa = await paidOrder({
      eventId: event.id,
      ticketTypeId: ticketTypes[0].id,
      quantity: 2,
      unitPriceMinor: 25000,
      buyerName: "Åsa Ängström",
      buyerEmail: "asa@example.se",
    });
    await paidOrder({
      eventId: event.id,
      ticketTypeId: ticketTypes[0].id,
      quantity: 1,
      unitPriceMinor: 25000,
      buyerName: "Bo Ek",
      buyerEmail: "bo@example.se",
    });
    await paidOrder({
      eventId: event.id,
      ticketTypeId: ticketTypes[0].id,
      quantity: 1,
      unitPriceMinor: 25000,
      buyerName: "Åsa Pending",
      status: "PENDING",
    });
    const all = await listAttendees(member.id, organizer.id, event.id);
    expect(all?.total).toBe(3);
    expect((await listAttendees(member.id, organizer.id, event.id, { query: "åsa" }))?.attendees.map((row) => row.holderName)).toEqual([
      "Åsa Ängström",
      "Åsa Ängström",
    ]);
    expect(
      (await listAttendees(member.id, organizer.id, event.id, { query: "BO@EXAMPLE" }))?.attendees.map((row) => row.holderName),
    ).toEqual(["Bo Ek"]);
    expect((await listAttendees(member.id, organizer.id, event.id, { query: asa.number }))?.total).toBe(2);
    const code = all!.attendees.find((row) => row.holderName === "Bo Ek")!.code;
    expect(
      (await listAttendees(member.id, organizer.id, event.id, { query: code.toLowerCase() }))?.attendees.map((row) => row.holderEmail),
    ).toEqual(["bo@example.se"]);
    expect((await listAttendees(member.id, organizer.id, event.id, { query: "%" }))?.total).toBe(0);
    expect((await listAllAttendees(member.id, organizer.id, event.id))?.attendees).toHaveLength(3);
  });

  it("lists only this organizer's consents that are not withdrawn, named from the order", async () => {
    const { organizer, other, member } = await setting();
    const { event, ticketTypes } = await createEvent({ organizerId: organizer.id });
    const order = await paidOrder({
      eventId: event.id,
      ticketTypeId: ticketTypes[0].id,
      quantity: 1,
      unitPriceMinor: 25000,
      buyerName: "Örjan Öberg",
      buyerEmail: "orjan@example.se",
    });
    const given = new Date("2026-10-01T10:00:00Z");
    await db.marketingConsent.createMany({
      data: [
        { organizerId: organizer.id, email: "orjan@example.se", givenAt: given, source: "checkout", orderId: order.id },
        { organizerId: organizer.id, email: "gone@example.se", givenAt: given, source: "checkout", withdrawnAt: new Date() },
        { organizerId: other.id, email: "elsewhere@example.se", givenAt: given, source: "checkout" },
      ],
    });
    const list = await listMarketingContacts(member.id, organizer.id);
    expect(list?.contacts.map(({ email, name, source }) => ({ email, name, source }))).toEqual([
      { email: "orjan@example.se", name: "Örjan Öberg", source: "checkout" },
    ]);
  });

  it("shows nothing of an organizer to an outsider or a buyer, for every query", async () => {
    const { organizer, member, outsider, buyer } = await setting();
    const { event } = await createEvent({ organizerId: organizer.id });
    for (const userId of [outsider.id, buyer.id]) {
      expect(await findMembership(userId, organizer.id, "viewEvents")).toBeNull();
      expect(await getOrganizerDashboard(userId, organizer.id)).toBeNull();
      expect(await getEventForEditing(userId, organizer.id, event.id)).toBeNull();
      expect(await getEventSales(userId, organizer.id, event.id)).toBeNull();
      expect(await listAttendees(userId, organizer.id, event.id)).toBeNull();
      expect(await listAllAttendees(userId, organizer.id, event.id)).toBeNull();
      expect(await listMarketingContacts(userId, organizer.id)).toBeNull();
    }
    expect(await isOrganizerMember(buyer.id)).toBe(false);
    expect(await organizersOf(buyer.id)).toEqual([]);
    // The member sees it all, and malformed ids are simply not found.
    expect(await isOrganizerMember(member.id)).toBe(true);
    expect((await organizersOf(member.id)).map((row) => row.id)).toEqual([organizer.id]);
    expect((await getOrganizerDashboard(member.id, organizer.id))?.upcoming.map((row) => row.id)).toEqual([event.id]);
    expect(await getEventSales(member.id, organizer.id, event.id)).not.toBeNull();
    expect(await getEventSales(member.id, organizer.id, "not-a-uuid")).toBeNull();
    expect(await getOrganizerDashboard(member.id, "x'; DROP TABLE")).toBeNull();
  });
});
