import { databaseKind, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { db } from "@/lib/db/client";
import { getPublishedEventBySlug, listEventCities, listEvents } from "@/lib/events/queries";

const now = new Date("2030-06-01T12:00:00Z");
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);

const organizers: Record<string, string> = {};

type TicketSpec = {
  name: string;
  priceMinor: number;
  capacity: number;
  sold?: number;
  held?: number;
  sortOrder?: number;
  maxPerOrder?: number;
};

async function createEvent(
  slug: string,
  {
    startsIn,
    lasts = 3,
    status = "PUBLISHED",
    tickets = [],
    title = `Evenemang ${slug}`,
    description = "Beskrivning",
    venue = "Folkets hus",
    city = "Umeå",
    organizer = "norr",
  }: {
    startsIn: number;
    lasts?: number;
    status?: "DRAFT" | "PUBLISHED" | "CANCELLED";
    tickets?: TicketSpec[];
    title?: string;
    description?: string;
    venue?: string;
    city?: string;
    organizer?: string;
  },
) {
  return db.event.create({
    data: {
      organizerId: organizers[organizer],
      slug,
      title,
      description,
      venue,
      address: "Storgatan 1",
      city,
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

const slugs = (events: Array<{ slug: string }>) => events.map((event) => event.slug);

// Every upcoming published event, soonest first.
const upcoming = ["ongoing", "soonest", "cheapest-sold-out", "sold-out", "later", "free", "angelholm"];

beforeAll(async () => {
  for (const [key, name] of [
    ["norr", "Kulturföreningen Norr"],
    ["glashuset", "Glashuset Jazzklubb"],
  ]) {
    const organizer = await db.organizer.create({ data: { slug: key, name, email: `info@${key}.example` } });
    organizers[key] = organizer.id;
  }

  await createEvent("later", {
    startsIn: 72,
    city: "Örebro",
    venue: "Stadskyrkan",
    title: "Orgelnatt",
    tickets: [{ name: "Ordinarie", priceMinor: 25000, capacity: 100 }],
  });
  await createEvent("soonest", { startsIn: 2, tickets: [{ name: "Ordinarie", priceMinor: 15000, capacity: 50 }] });
  await createEvent("ongoing", { startsIn: -1, lasts: 3, title: "Vårkonsert i Umeå" });
  await createEvent("ended", {
    startsIn: -5,
    lasts: 3,
    title: "Vårkonsert som varit",
    tickets: [{ name: "Ordinarie", priceMinor: 100, capacity: 10 }],
  });
  await createEvent("ends-right-now", { startsIn: -3, lasts: 3, title: "Vårkonsert som slutar nu" });
  await createEvent("draft", { startsIn: 1, status: "DRAFT", city: "Göteborg", title: "Vårkonsert i utkast" });
  await createEvent("cancelled", { startsIn: 1, status: "CANCELLED", city: "Lund", title: "Vårkonsert inställd" });
  await createEvent("cheapest-sold-out", {
    startsIn: 24,
    city: "Malmö",
    organizer: "glashuset",
    title: "Ellen Ahlgren Kvartett",
    tickets: [
      { name: "Student", priceMinor: 9950, capacity: 20, sold: 20 },
      { name: "Ordinarie", priceMinor: 19900, capacity: 100, sold: 10 },
      { name: "VIP", priceMinor: 49900, capacity: 10 },
    ],
  });
  await createEvent("sold-out", {
    startsIn: 48,
    city: "Malmö",
    organizer: "glashuset",
    title: "Måndagsjam",
    description: "Husbandet spelar, du tar med instrumentet. 100% improvisation_kväll.",
    tickets: [
      { name: "Ordinarie", priceMinor: 30000, capacity: 10, sold: 8, held: 2 },
      { name: "Student", priceMinor: 20000, capacity: 5, sold: 5 },
    ],
  });
  await createEvent("free", {
    startsIn: 96,
    city: "Stockholm",
    description: "Folkmusik med Nyckelharpa och kulning.",
    tickets: [{ name: "Fri entré", priceMinor: 0, capacity: 200 }],
  });
  await createEvent("angelholm", { startsIn: 120, city: "Ängelholm" });

  await createEvent("with-ticket-types", {
    startsIn: 200,
    tickets: [
      { name: "Barn", priceMinor: 6000, capacity: 20, sortOrder: 2, maxPerOrder: 4 },
      { name: "Parkett", priceMinor: 49500, capacity: 150, sold: 18, held: 2, sortOrder: 0, maxPerOrder: 8 },
      { name: "Läktare", priceMinor: 34500, capacity: 90, sortOrder: 1 },
    ],
  });
  upcoming.push("with-ticket-types");
});

describe(`listEvents (${databaseKind})`, () => {
  it("lists published events that have not ended, soonest first, with an event under way first", async () => {
    const result = await listEvents({ now, pageSize: 50 });
    expect(slugs(result.events)).toEqual(upcoming);
    expect(result).toMatchObject({ total: upcoming.length, page: 1, pageCount: 1 });
  });

  it("leaves out drafts, cancelled events, ended events and one ending at this very moment", async () => {
    const listed = slugs((await listEvents({ now, pageSize: 50 })).events);
    for (const slug of ["draft", "cancelled", "ended", "ends-right-now"]) expect(listed).not.toContain(slug);
  });

  it("returns plain objects with what an event card shows", async () => {
    const { events } = await listEvents({ now, pageSize: 2 });
    expect(events[1]).toEqual({
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

  it("gives the lowest price still to be had, and calls an event sold out when every type is sold or held", async () => {
    const bySlug = new Map((await listEvents({ now, pageSize: 50 })).events.map((event) => [event.slug, event]));
    expect(bySlug.get("cheapest-sold-out")).toMatchObject({ soldOut: false, lowestPrice: { minor: 19900 } });
    expect(bySlug.get("sold-out")).toMatchObject({ soldOut: true, lowestPrice: { minor: 20000 } });
    expect(bySlug.get("free")?.lowestPrice).toEqual({ minor: 0, currency: "SEK" });
    // Without ticket types there is nothing to sell out of yet.
    expect(bySlug.get("ongoing")).toMatchObject({ soldOut: false, lowestPrice: null });
  });

  describe("search", () => {
    const search = async (query: string) => slugs((await listEvents({ query, now, pageSize: 50 })).events);

    it("finds words in the title whatever their case, Swedish letters included", async () => {
      expect(await search("VÅRKONSERT")).toEqual(["ongoing"]);
      expect(await search("måndagsJAM")).toEqual(["sold-out"]);
    });

    it("finds words in the description, venue, city and organizer name", async () => {
      expect(await search("nyckelharpa")).toEqual(["free"]);
      expect(await search("stadskyrkan")).toEqual(["later"]);
      expect(await search("örebro")).toEqual(["later"]);
      expect(await search("glashuset")).toEqual(["cheapest-sold-out", "sold-out"]);
    });

    it("wants every word, each in any of those fields", async () => {
      expect(await search("jazzklubb kvartett")).toEqual(["cheapest-sold-out"]);
      expect(await search("jazzklubb orgelnatt")).toEqual([]);
    });

    it("ignores extra spaces and treats an empty search as none", async () => {
      expect(await search("  stadskyrkan   orgelnatt ")).toEqual(["later"]);
      expect(await search("   ")).toEqual(upcoming);
    });

    it("matches % and _ as themselves, not as wildcards", async () => {
      expect(await search("%")).toEqual(["sold-out"]);
      expect(await search("n_ckelharpa")).toEqual([]);
      expect(await search("_kväll")).toEqual(["sold-out"]);
      expect(await search("\\")).toEqual([]);
    });

    it("matches a word typed with combining accents (NFD) as the stored text (NFC)", async () => {
      expect(await search("O\u0308rebro")).toEqual(["later"]);
    });

    it("never finds drafts, cancelled or past events", async () => {
      expect(await search("vårkonsert")).toEqual(["ongoing"]);
    });
  });

  describe("city", () => {
    it("keeps the events in that city, soonest first", async () => {
      expect(slugs((await listEvents({ city: "Malmö", now })).events)).toEqual(["cheapest-sold-out", "sold-out"]);
    });

    it("combines with a search", async () => {
      const result = await listEvents({ city: "Malmö", query: "måndagsjam", now });
      expect(slugs(result.events)).toEqual(["sold-out"]);
      expect(result.total).toBe(1);
    });

    it("finds nothing in a city with only a draft", async () => {
      expect(await listEvents({ city: "Göteborg", now })).toEqual({ events: [], total: 0, page: 1, pageCount: 1 });
    });
  });

  describe("pagination", () => {
    it("splits the list into pages that together hold every event once, in order", async () => {
      const pages = await Promise.all([1, 2, 3].map((page) => listEvents({ page, pageSize: 3, now })));
      expect(pages.map((page) => page.pageCount)).toEqual([3, 3, 3]);
      expect(pages.map((page) => page.total)).toEqual([8, 8, 8]);
      expect(pages.map((page) => page.events.length)).toEqual([3, 3, 2]);
      expect(pages.flatMap((page) => slugs(page.events))).toEqual(upcoming);
    });

    it("gives the last page for a page past the end, and the first for nonsense", async () => {
      const past = await listEvents({ page: 99, pageSize: 3, now });
      expect(past.page).toBe(3);
      expect(slugs(past.events)).toEqual(upcoming.slice(6));
      expect((await listEvents({ page: 0, pageSize: 3, now })).page).toBe(1);
      expect((await listEvents({ page: Number.NaN, pageSize: 3, now })).page).toBe(1);
    });

    it("counts pages of the filtered list", async () => {
      const result = await listEvents({ city: "Malmö", pageSize: 1, page: 2, now });
      expect(result).toMatchObject({ total: 2, page: 2, pageCount: 2 });
      expect(slugs(result.events)).toEqual(["sold-out"]);
    });
  });
});

describe(`listEventCities (${databaseKind})`, () => {
  it("lists each city with an upcoming published event once, in Swedish order", async () => {
    expect(await listEventCities({ now })).toEqual(["Malmö", "Stockholm", "Umeå", "Ängelholm", "Örebro"]);
  });

  it("drops a city once its events are over", async () => {
    const later = new Date(hours(100).getTime());
    expect(await listEventCities({ now: later })).toEqual(["Umeå", "Ängelholm"]);
  });
});

describe(`getPublishedEventBySlug (${databaseKind})`, () => {
  it("returns the event with its organizer and ticket types in the organizer's order", async () => {
    const event = await getPublishedEventBySlug("with-ticket-types");
    expect(event).toMatchObject({
      slug: "with-ticket-types",
      title: "Evenemang with-ticket-types",
      description: "Beskrivning",
      venue: "Folkets hus",
      address: "Storgatan 1",
      city: "Umeå",
      startsAt: hours(200),
      endsAt: hours(203),
      timeZone: "Europe/Stockholm",
      imageUrl: "/images/events/with-ticket-types.svg",
      organizer: { name: "Kulturföreningen Norr", slug: "norr", website: null },
    });
    expect(event?.ticketTypes).toEqual([
      {
        id: expect.any(String),
        name: "Parkett",
        description: null,
        priceMinor: 49500,
        currency: "SEK",
        capacity: 150,
        sold: 18,
        held: 2,
        maxPerOrder: 8,
        salesStartAt: null,
        salesEndAt: null,
      },
      expect.objectContaining({ name: "Läktare", maxPerOrder: 10 }),
      expect.objectContaining({ name: "Barn", maxPerOrder: 4 }),
    ]);
  });

  it("returns a published event that is over, for the page to show as past", async () => {
    expect(await getPublishedEventBySlug("ended")).toMatchObject({ slug: "ended", endsAt: hours(-2) });
  });

  it.each(["draft", "cancelled", "no-such-event", ""])("returns null for %p", async (slug) => {
    expect(await getPublishedEventBySlug(slug)).toBeNull();
  });
});
