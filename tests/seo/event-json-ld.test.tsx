import { useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { renderToStaticMarkup } from "react-dom/server";
import { JsonLd } from "@/components/seo/json-ld";
import { db } from "@/lib/db/client";
import { getPublishedEventBySlug } from "@/lib/events/queries";
import { seedDemoData } from "@/lib/seed/seed-demo-data";
import { buildEventJsonLd, decimalPrice, serializeJsonLd, type EventJsonLdInput } from "@/lib/seo/event-json-ld";
import { isoInTimeZone } from "@/lib/seo/zoned-iso";
import { createEvent } from "../helpers/fixtures";

const origin = "https://biljett.example";
const now = new Date();

beforeAll(async () => {
  await seedDemoData(db, { now });
});

/** A seeded event as the event page loads it, with its publication date. */
async function seeded(slug: string): Promise<EventJsonLdInput> {
  const event = await getPublishedEventBySlug(slug);
  if (!event) throw new Error(`${slug} is not seeded`);
  const { publishedAt } = await db.event.findUniqueOrThrow({ where: { id: event.id }, select: { publishedAt: true } });
  return { ...event, publishedAt };
}

const isoWithOffset = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;
const absolute = (url: string) => new URL(url).origin === origin;
/** ISO dates here are written to the second. */
const toSecond = (date: Date) => Math.floor(date.getTime() / 1000) * 1000;

describe("buildEventJsonLd", () => {
  // Google's event rich results: https://developers.google.com/search/docs/appearance/structured-data/event
  it("gives a seeded event every property Google's event results require", async () => {
    const data = buildEventJsonLd(await seeded("beethovens-nionde-symfoni"), { locale: "sv", origin, now });

    expect(data["@context"]).toBe("https://schema.org");
    expect(data["@type"]).toBe("Event");
    expect(data.name).toBe("Beethovens nionde symfoni");
    expect(data.startDate).toMatch(isoWithOffset);
    // A physical event: location is a Place with a name and a postal address.
    expect(data.location).toEqual({
      "@type": "Place",
      name: "Konserthuset Stockholm",
      address: { "@type": "PostalAddress", streetAddress: "Hötorget 8", addressLocality: "Stockholm", addressCountry: "SE" },
    });
  });

  it("gives the recommended properties: end, status, attendance mode, description, image, organizer and offers", async () => {
    const event = await seeded("beethovens-nionde-symfoni");
    const data = buildEventJsonLd(event, { locale: "en", origin, now });

    expect(data.endDate).toMatch(isoWithOffset);
    expect(data.eventStatus).toBe("https://schema.org/EventScheduled");
    expect(data.eventAttendanceMode).toBe("https://schema.org/OfflineEventAttendanceMode");
    expect(data.description).toContain("Beethovens nionde");
    expect(data.description).not.toMatch(/\n/);
    expect(data.url).toBe(`${origin}/en/events/beethovens-nionde-symfoni`);
    expect(data.image.length).toBeGreaterThan(0);
    expect(data.image.every(absolute)).toBe(true);
    // The three shapes Google asks for, drawn in the page's language, then the event's own picture.
    expect(data.image).toEqual([
      `${origin}/og/events/beethovens-nionde-symfoni?locale=en&format=16x9`,
      `${origin}/og/events/beethovens-nionde-symfoni?locale=en&format=4x3`,
      `${origin}/og/events/beethovens-nionde-symfoni?locale=en&format=1x1`,
      `${origin}/images/events/beethovens-nionde-symfoni.svg`,
    ]);
    expect(data.organizer).toEqual({ "@type": "Organization", name: "Nordljus Konserter", url: "https://nordljus.example.se" });

    // One offer per ticket type, in the page's order, with Google's recommended offer fields.
    expect(data.offers.map((offer) => offer.name)).toEqual(event.ticketTypes.map((type) => type.name));
    expect(data.offers.map((offer) => offer.price)).toEqual(["495.00", "345.00", "195.00"]);
    for (const offer of data.offers) {
      expect(offer).toMatchObject({ "@type": "Offer", priceCurrency: "SEK", availability: "https://schema.org/InStock", url: data.url });
      expect(offer.validFrom).toMatch(isoWithOffset);
      expect(new Date(offer.validFrom!).getTime()).toBe(toSecond(event.publishedAt!));
    }
  });

  it("writes start and end in the event's own clock and offset, naming the same instants", async () => {
    const event = await seeded("beethovens-nionde-symfoni");
    const data = buildEventJsonLd(event, { locale: "sv", origin, now });
    // The demo concert starts at 19:00 Stockholm time and lasts two hours, in winter or summer.
    expect(data.startDate).toMatch(/T19:00:00\+0[12]:00$/);
    expect(data.endDate).toMatch(/T21:00:00\+0[12]:00$/);
    expect(new Date(data.startDate).getTime()).toBe(event.startsAt.getTime());
    expect(new Date(data.endDate).getTime()).toBe(event.endsAt.getTime());
  });

  it("marks a sold-out ticket type SoldOut and keeps the others InStock", async () => {
    const event = await seeded("ellen-ahlgren-kvartett");
    const data = buildEventJsonLd(event, { locale: "sv", origin, now });
    const byName = Object.fromEntries(data.offers.map((offer) => [offer.name, offer.availability]));
    const soldOut = event.ticketTypes.filter((type) => type.sold + type.held >= type.capacity).map((type) => type.name);
    expect(soldOut.length).toBeGreaterThan(0);
    for (const type of event.ticketTypes) {
      expect(byName[type.name]).toBe(soldOut.includes(type.name) ? "https://schema.org/SoldOut" : "https://schema.org/InStock");
    }
  });

  it("writes a free ticket as 0.00 and a sale that opens later as validFrom, still in stock", async () => {
    const opens = new Date(now.getTime() + 5 * 24 * 3_600_000);
    const { event } = await createEvent({
      ticketTypes: [
        { name: "Fri entré", priceMinor: 0 },
        { name: "Senare", priceMinor: 19_950, salesStartAt: opens },
      ],
    });
    const loaded = await getPublishedEventBySlug(event.slug);
    const data = buildEventJsonLd(loaded!, { locale: "sv", origin, now });
    expect(data.offers[0]).toMatchObject({ price: "0.00", availability: "https://schema.org/InStock" });
    expect(data.offers[0]).not.toHaveProperty("validFrom");
    expect(data.offers[1]).toMatchObject({ price: "199.50", availability: "https://schema.org/InStock" });
    expect(new Date(data.offers[1].validFrom!).getTime()).toBe(toSecond(opens));
    // No street address stored: the city alone still makes a postal address.
    expect(data.location.address).toEqual({ "@type": "PostalAddress", addressLocality: "Uppsala", addressCountry: "SE" });
  });

  it("calls ticket types whose sale has closed sold out", async () => {
    const { event } = await createEvent({ ticketTypes: [{ name: "Tidig", salesEndAt: new Date(now.getTime() - 3_600_000) }] });
    const data = buildEventJsonLd((await getPublishedEventBySlug(event.slug))!, { locale: "sv", origin, now });
    expect(data.offers[0].availability).toBe("https://schema.org/SoldOut");
  });
});

describe("serializeJsonLd", () => {
  it("keeps a hostile title from closing the script, and reads back unchanged", () => {
    const title = `Kväll </script><script>alert("x")</script> & <!-- "citat" \u2028`;
    const json = serializeJsonLd({ name: title });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({ name: title });
  });

  it("renders one script element whose JSON is the event's data", async () => {
    const event = await seeded("froken-julie");
    const data = buildEventJsonLd({ ...event, title: "Fröken Julie</script><img src=x onerror=alert(1)>" }, { locale: "sv", origin, now });
    const html = renderToStaticMarkup(<JsonLd data={data} />);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toContain("<img");
    const inner = html.replace(/^<script type="application\/ld\+json">/, "").replace(/<\/script>$/, "");
    expect(JSON.parse(inner)).toEqual(data);
  });
});

describe("isoInTimeZone", () => {
  it("writes an instant in a zone's clock with that zone's offset", () => {
    expect(isoInTimeZone(new Date("2026-01-15T18:00:00Z"), "Europe/Stockholm")).toBe("2026-01-15T19:00:00+01:00");
    expect(isoInTimeZone(new Date("2026-06-12T17:30:00Z"), "Europe/Stockholm")).toBe("2026-06-12T19:30:00+02:00");
    expect(isoInTimeZone(new Date("2026-06-12T23:30:00Z"), "Europe/Stockholm")).toBe("2026-06-13T01:30:00+02:00");
    expect(isoInTimeZone(new Date("2026-06-12T17:30:00Z"), "UTC")).toBe("2026-06-12T17:30:00+00:00");
    expect(isoInTimeZone(new Date("2026-06-12T17:30:00Z"), "America/New_York")).toBe("2026-06-12T13:30:00-04:00");
  });
});

describe("decimalPrice", () => {
  it("writes minor units as a decimal string in major units", () => {
    expect(decimalPrice(25_000, "SEK")).toBe("250.00");
    expect(decimalPrice(19_950, "SEK")).toBe("199.50");
    expect(decimalPrice(5, "EUR")).toBe("0.05");
    expect(decimalPrice(0, "SEK")).toBe("0.00");
    expect(decimalPrice(1_500, "JPY")).toBe("1500");
  });
});
