import { databaseKind, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { db } from "@/lib/db/client";
import { listUpcomingEvents } from "@/lib/events/queries";

const now = new Date("2030-06-01T12:00:00Z");
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);

let organizerId: string;

type TicketSpec = { name: string; priceMinor: number; capacity: number; sold?: number; held?: number };

async function createEvent(
  slug: string,
  {
    startsIn,
    lasts = 3,
    status = "PUBLISHED",
    tickets = [],
  }: { startsIn: number; lasts?: number; status?: "DRAFT" | "PUBLISHED" | "CANCELLED"; tickets?: TicketSpec[] },
) {
  return db.event.create({
    data: {
      organizerId,
      slug,
      title: `Evenemang ${slug}`,
      description: "Beskrivning",
      venue: "Folkets hus",
      city: "Umeå",
      startsAt: hours(startsIn),
      endsAt: hours(startsIn + lasts),
      imageUrl: `/images/events/${slug}.svg`,
      status,
      ticketTypes: {
        create: tickets.map(({ sold = 0, held = 0, ...ticket }) => ({ ...ticket, sold, held })),
      },
    },
  });
}

beforeAll(async () => {
  const organizer = await db.organizer.create({
    data: { slug: "kulturforeningen", name: "Kulturföreningen Norr", email: "info@kultur.example" },
  });
  organizerId = organizer.id;

  await createEvent("later", { startsIn: 72, tickets: [{ name: "Ordinarie", priceMinor: 25000, capacity: 100 }] });
  await createEvent("soonest", { startsIn: 2, tickets: [{ name: "Ordinarie", priceMinor: 15000, capacity: 50 }] });
  await createEvent("ongoing", { startsIn: -1, lasts: 3 });
  await createEvent("ended", { startsIn: -5, lasts: 3, tickets: [{ name: "Ordinarie", priceMinor: 100, capacity: 10 }] });
  await createEvent("draft", { startsIn: 1, status: "DRAFT" });
  await createEvent("cancelled", { startsIn: 1, status: "CANCELLED" });
  await createEvent("cheapest-sold-out", {
    startsIn: 24,
    tickets: [
      { name: "Student", priceMinor: 9950, capacity: 20, sold: 20 },
      { name: "Ordinarie", priceMinor: 19900, capacity: 100, sold: 10 },
      { name: "VIP", priceMinor: 49900, capacity: 10 },
    ],
  });
  await createEvent("sold-out", {
    startsIn: 48,
    tickets: [
      { name: "Ordinarie", priceMinor: 30000, capacity: 10, sold: 8, held: 2 },
      { name: "Student", priceMinor: 20000, capacity: 5, sold: 5 },
    ],
  });
  await createEvent("free", { startsIn: 96, tickets: [{ name: "Fri entré", priceMinor: 0, capacity: 200 }] });
});

describe(`listUpcomingEvents (${databaseKind})`, () => {
  it("lists published events that have not ended, soonest first", async () => {
    const events = await listUpcomingEvents({ limit: 20, now });
    expect(events.map((event) => event.slug)).toEqual([
      "ongoing",
      "soonest",
      "cheapest-sold-out",
      "sold-out",
      "later",
      "free",
    ]);
  });

  it("leaves out drafts, cancelled events and events that are over", async () => {
    const slugs = (await listUpcomingEvents({ limit: 20, now })).map((event) => event.slug);
    expect(slugs).not.toContain("draft");
    expect(slugs).not.toContain("cancelled");
    expect(slugs).not.toContain("ended");
  });

  it("returns no more than the limit", async () => {
    const events = await listUpcomingEvents({ limit: 2, now });
    expect(events.map((event) => event.slug)).toEqual(["ongoing", "soonest"]);
  });

  it("returns plain objects with what an event card shows", async () => {
    const [, soonest] = await listUpcomingEvents({ limit: 2, now });
    expect(soonest).toEqual({
      id: expect.any(String),
      slug: "soonest",
      title: "Evenemang soonest",
      city: "Umeå",
      venue: "Folkets hus",
      startsAt: hours(2),
      endsAt: hours(5),
      timeZone: "Europe/Stockholm",
      imageUrl: "/images/events/soonest.svg",
      organizerName: "Kulturföreningen Norr",
      lowestPrice: { minor: 15000, currency: "SEK" },
      soldOut: false,
    });
  });

  it("gives the lowest price of the tickets still to be had", async () => {
    const events = await listUpcomingEvents({ limit: 20, now });
    const bySlug = new Map(events.map((event) => [event.slug, event]));
    expect(bySlug.get("cheapest-sold-out")?.lowestPrice).toEqual({ minor: 19900, currency: "SEK" });
    expect(bySlug.get("free")?.lowestPrice).toEqual({ minor: 0, currency: "SEK" });
    expect(bySlug.get("ongoing")?.lowestPrice).toBeNull();
  });

  it("calls an event sold out when every ticket type is sold or held", async () => {
    const events = await listUpcomingEvents({ limit: 20, now });
    const bySlug = new Map(events.map((event) => [event.slug, event]));
    expect(bySlug.get("sold-out")).toMatchObject({ soldOut: true, lowestPrice: { minor: 20000, currency: "SEK" } });
    expect(bySlug.get("cheapest-sold-out")?.soldOut).toBe(false);
    // Without ticket types there is nothing to sell out of yet.
    expect(bySlug.get("ongoing")?.soldOut).toBe(false);
  });
});
