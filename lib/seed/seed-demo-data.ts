// Writes the demo organizers, events, ticket types and paid orders. Every row has a fixed
// identity (slug, event + name, order number, ticket code), so running it again creates
// nothing: it only moves the events' dates and sale windows along with `now`.
import { normaliseEmail } from "@/lib/accounts/email-address";
import type { Db } from "@/lib/db/client";
import { createDemoOrder } from "./create-demo-order";
import { demoEvents, type DemoTicketType } from "./demo-events";
import { planDemoOrders } from "./demo-orders";
import { demoOrganizers } from "./demo-organizers";
import { DEMO_TIME_ZONE, eventTimes, publicationDate, saleWindow, type SaleWindow } from "./demo-schedule";

export type SeedCounts = {
  organizers: number;
  users: number;
  organizerMembers: number;
  events: number;
  ticketTypes: number;
  orders: number;
  orderItems: number;
  tickets: number;
  marketingConsents: number;
};

export type SeedResult = {
  created: SeedCounts;
  /** Rows that already existed and were brought up to date (dates moved along with now). */
  updated: Pick<SeedCounts, "organizers" | "events" | "ticketTypes">;
};

export async function seedDemoData(db: Db, options: { now?: Date } = {}): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const created: SeedCounts = {
    organizers: 0,
    users: 0,
    organizerMembers: 0,
    events: 0,
    ticketTypes: 0,
    orders: 0,
    orderItems: 0,
    tickets: 0,
    marketingConsents: 0,
  };
  const updated = { organizers: 0, events: 0, ticketTypes: 0 };

  // People first: organizer owners and every buyer of a planned order, without passwords.
  const plans = new Map(demoEvents.map((event) => [event.slug, planDemoOrders(event)]));
  const people = new Map<string, string>();
  for (const { owner } of demoOrganizers) people.set(normaliseEmail(owner.email), owner.name);
  for (const orders of plans.values()) {
    for (const { buyer } of orders) people.set(normaliseEmail(buyer.email), buyer.name);
  }
  created.users = (
    await db.user.createMany({
      data: [...people].map(([email, name]) => ({ email, name })),
      skipDuplicates: true,
    })
  ).count;
  const users = await db.user.findMany({
    where: { email: { in: [...people.keys()] } },
    select: { id: true, email: true },
  });
  const userIds = new Map(users.map((user) => [user.email, user.id]));

  const organizerIds = new Map<string, string>();
  for (const { owner, ...organizer } of demoOrganizers) {
    const existing = await db.organizer.findUnique({ where: { slug: organizer.slug }, select: { id: true } });
    const row = existing
      ? await db.organizer.update({ where: { id: existing.id }, data: organizer, select: { id: true } })
      : await db.organizer.create({ data: organizer, select: { id: true } });
    if (existing) updated.organizers++;
    else created.organizers++;
    organizerIds.set(organizer.slug, row.id);
    created.organizerMembers += (
      await db.organizerMember.createMany({
        data: [{ organizerId: row.id, userId: userIds.get(normaliseEmail(owner.email))!, role: "OWNER" }],
        skipDuplicates: true,
      })
    ).count;
  }

  for (const event of demoEvents) {
    const { startsAt, endsAt } = eventTimes(event, now);
    const organizerId = organizerIds.get(event.organizer)!;
    const fields = {
      organizerId,
      title: event.title,
      description: event.paragraphs.join("\n\n"),
      venue: event.venue,
      address: event.address,
      city: event.city,
      startsAt,
      endsAt,
      timeZone: DEMO_TIME_ZONE,
      imageUrl: `/images/events/${event.slug}.svg`,
      status: event.status,
    };
    const existing = await db.event.findUnique({
      where: { slug: event.slug },
      select: { id: true, publishedAt: true, startsAt: true },
    });
    const publishedAt = event.status === "PUBLISHED" ? (existing?.publishedAt ?? publicationDate(event, now)) : null;
    const eventId = existing
      ? (await db.event.update({ where: { id: existing.id }, data: { ...fields, publishedAt }, select: { id: true } })).id
      : (await db.event.create({ data: { ...fields, slug: event.slug, publishedAt }, select: { id: true } })).id;
    if (existing) updated.events++;
    else created.events++;

    const shiftMs = existing ? startsAt.getTime() - existing.startsAt.getTime() : 0;
    if (shiftMs !== 0) {
      // Tickets scanned at the door move with the event, or the past event would show
      // visitors checking in days before it began.
      await db.$executeRaw`
        UPDATE "Ticket" SET "checkedInAt" = "checkedInAt" + make_interval(secs => ${shiftMs / 1000}::float8)
         WHERE "eventId" = ${eventId}::uuid AND "checkedInAt" IS NOT NULL`;
    }

    const ticketTypeIds = new Map<DemoTicketType, string>();
    const sales = new Map<DemoTicketType, SaleWindow>();
    const existingTypes = await db.ticketType.findMany({
      where: { eventId },
      select: { id: true, name: true, sold: true, held: true },
    });
    for (const [sortOrder, type] of event.ticketTypes.entries()) {
      const window = saleWindow(type, now);
      sales.set(type, window);
      const typeFields = {
        description: type.description ?? null,
        priceMinor: type.priceMinor,
        currency: "SEK",
        maxPerOrder: type.maxPerOrder ?? 10,
        sortOrder,
        ...window,
      };
      const current = existingTypes.find((candidate) => candidate.name === type.name);
      if (current) {
        // Tickets may have been sold on the demo site since the last run: never shrink below them.
        const capacity = Math.max(type.capacity, current.sold + current.held);
        await db.ticketType.update({ where: { id: current.id }, data: { ...typeFields, capacity } });
        ticketTypeIds.set(type, current.id);
        updated.ticketTypes++;
      } else {
        const row = await db.ticketType.create({
          data: { ...typeFields, eventId, name: type.name, capacity: type.capacity },
          select: { id: true },
        });
        ticketTypeIds.set(type, row.id);
        created.ticketTypes++;
      }
    }

    const plan = plans.get(event.slug)!;
    const present = await db.order.findMany({
      where: { number: { in: plan.map((order) => order.number) } },
      select: { number: true },
    });
    const alreadyThere = new Set(present.map((order) => order.number));
    for (const order of plan) {
      if (alreadyThere.has(order.number)) continue;
      const email = normaliseEmail(order.buyer.email);
      created.marketingConsents += await createDemoOrder(db, order, {
        now,
        eventId,
        organizerId,
        startsAt,
        publishedAt: publishedAt ?? now,
        userId: userIds.get(email)!,
        email,
        ticketTypeIds,
        sales,
      });
      created.orders++;
      created.orderItems += order.items.length;
      created.tickets += order.tickets.length;
    }
  }

  return { created, updated };
}
