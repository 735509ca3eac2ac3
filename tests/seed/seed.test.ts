import { useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { existsSync } from "node:fs";
import path from "node:path";
import { databaseKind } from "../helpers/test-db";
import { normaliseEmail, parseEmail } from "@/lib/accounts/email-address";
import { db } from "@/lib/db/client";
import { TICKET_CODE_PATTERN, ORDER_NUMBER_PATTERN } from "@/lib/orders/codes";
import { demoEvents } from "@/lib/seed/demo-events";
import { seedDemoData, type SeedResult } from "@/lib/seed/seed-demo-data";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-03-20T09:15:00Z"); // the week the clocks go forward in Sweden

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM "${name}"`);
    counts[name] = row.count;
  }
  return counts;
}

const stockholmClock = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  hour: "2-digit",
  minute: "2-digit",
});

let first: SeedResult;

beforeAll(async () => {
  first = await seedDemoData(db, { now });
});

describe(`seedDemoData (${databaseKind})`, () => {
  it("publishes a dozen upcoming events from several organizers in several cities", async () => {
    const upcoming = await db.event.findMany({
      where: { status: "PUBLISHED", startsAt: { gt: now } },
      select: { city: true, organizerId: true, imageUrl: true, slug: true, description: true },
    });
    expect(upcoming.length).toBeGreaterThanOrEqual(12);
    expect(new Set(upcoming.map((event) => event.city)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(upcoming.map((event) => event.organizerId)).size).toBeGreaterThanOrEqual(4);
    for (const event of upcoming) {
      expect(event.imageUrl).toBe(`/images/events/${event.slug}.svg`);
      expect(existsSync(path.join(process.cwd(), "public", event.imageUrl!))).toBe(true);
      expect(event.description.split("\n\n").length).toBeGreaterThanOrEqual(2);
    }
  });

  it("gives every organizer an owner who has no password", async () => {
    const organizers = await db.organizer.findMany({
      include: { members: { include: { user: { select: { email: true, passwordHash: true } } } } },
    });
    expect(organizers.length).toBeGreaterThanOrEqual(4);
    for (const organizer of organizers) {
      expect(organizer.members).toHaveLength(1);
      expect(organizer.members[0].role).toBe("OWNER");
      expect(organizer.members[0].user.passwordHash).toBeNull();
      expect(organizer.email).toMatch(/@example\.(se|com)$/);
    }
  });

  it("starts events at their local Stockholm time on both sides of the clock change", async () => {
    const events = await db.event.findMany({ select: { slug: true, startsAt: true } });
    for (const event of events) {
      const spec = demoEvents.find((candidate) => candidate.slug === event.slug)!;
      expect(stockholmClock.format(event.startsAt)).toBe(spec.startTime);
    }
  });

  it("includes a free event, a sold-out type, a nearly sold-out type, a sale not yet open, a past event and a draft", async () => {
    const events = await db.event.findMany({ include: { ticketTypes: true } });
    const published = events.filter((event) => event.status === "PUBLISHED");
    const types = published.flatMap((event) => event.ticketTypes.map((type) => ({ ...type, event })));

    expect(published.some((event) => event.ticketTypes.every((type) => type.priceMinor === 0))).toBe(true);
    expect(types.some((type) => type.sold === type.capacity && type.event.startsAt > now)).toBe(true);
    expect(types.some((type) => type.capacity - type.sold > 0 && type.capacity - type.sold <= 5)).toBe(true);
    expect(types.some((type) => type.salesStartAt !== null && type.salesStartAt > now)).toBe(true);
    expect(types.some((type) => type.salesEndAt !== null && type.salesEndAt < now)).toBe(true);

    const past = published.filter((event) => event.endsAt < now);
    expect(past).toHaveLength(1);
    expect(past[0].endsAt.getTime()).toBeGreaterThan(now.getTime() - 14 * DAY);

    const drafts = events.filter((event) => event.status === "DRAFT");
    expect(drafts).toHaveLength(1);
    expect(drafts[0].publishedAt).toBeNull();
  });

  it("backs every sold count with exactly that many tickets", async () => {
    const types = await db.ticketType.findMany({ include: { _count: { select: { tickets: true } } } });
    for (const type of types) expect({ name: type.name, count: type._count.tickets }).toEqual({ name: type.name, count: type.sold });
    expect(types.reduce((sum, type) => sum + type.sold, 0)).toBe(first.created.tickets);
    expect(first.created.tickets).toBeLessThanOrEqual(500);
  });

  it("creates paid orders whose items, tickets and totals agree, bought by users with the normalised address", async () => {
    const orders = await db.order.findMany({ include: { items: true, tickets: true, user: true, event: true } });
    expect(orders.length).toBe(first.created.orders);
    for (const order of orders) {
      expect(order.status).toBe("PAID");
      expect(order.number).toMatch(ORDER_NUMBER_PATTERN);
      expect(parseEmail(order.buyerEmail).ok).toBe(true);
      expect(order.user?.email).toBe(normaliseEmail(order.buyerEmail));
      const subtotal = order.items.reduce((sum, item) => sum + item.quantity * item.unitPriceMinor, 0);
      expect([order.subtotalMinor, order.totalMinor]).toEqual([subtotal, subtotal + order.feeMinor]);
      expect(order.tickets).toHaveLength(order.items.reduce((sum, item) => sum + item.quantity, 0));
      expect(order.paidAt!.getTime()).toBeLessThan(Math.min(now.getTime(), order.event.startsAt.getTime()));
      for (const ticket of order.tickets) {
        expect(ticket.code).toMatch(TICKET_CODE_PATTERN);
        expect(ticket.eventId).toBe(order.eventId);
      }
    }
    // Some buyers typed their address with capitals; it is kept on the order as typed.
    expect(orders.some((order) => order.buyerEmail !== order.user?.email)).toBe(true);
  });

  it("records marketing consent from checkout for some buyers, tied to their order", async () => {
    const consents = await db.marketingConsent.findMany();
    expect(consents.length).toBeGreaterThan(0);
    for (const consent of consents) {
      expect(consent.source).toBe("checkout");
      const order = await db.order.findUniqueOrThrow({ where: { id: consent.orderId! }, include: { event: true } });
      expect(order.event.organizerId).toBe(consent.organizerId);
      expect(normaliseEmail(order.buyerEmail)).toBe(consent.email);
      expect(consent.givenAt).toEqual(order.paidAt);
    }
  });

  it("creates nothing and leaves every table's row count unchanged when run again days later", async () => {
    const before = await rowCounts();
    const later = new Date(now.getTime() + 3 * DAY);
    const second = await seedDemoData(db, { now: later });

    expect(Object.values(second.created).every((count) => count === 0)).toBe(true);
    expect(await rowCounts()).toEqual(before);
    expect(before.Ticket).toBe(first.created.tickets);

    // The dates moved with `now`, so the upcoming events are still upcoming.
    const upcoming = await db.event.count({ where: { status: "PUBLISHED", startsAt: { gt: later } } });
    expect(upcoming).toBeGreaterThanOrEqual(12);
    const notYetOnSale = await db.ticketType.count({ where: { salesStartAt: { gt: later } } });
    expect(notYetOnSale).toBeGreaterThan(0);

    // Door scans moved with the past event: still around its (new) start.
    const scanned = await db.ticket.findMany({ where: { checkedInAt: { not: null } }, include: { event: true } });
    expect(scanned.length).toBeGreaterThan(0);
    for (const ticket of scanned) {
      expect(Math.abs(ticket.checkedInAt!.getTime() - ticket.event.startsAt.getTime())).toBeLessThanOrEqual(60 * 60 * 1000);
    }
  });
});
