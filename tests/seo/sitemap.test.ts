import { useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { db } from "@/lib/db/client";
import { seedDemoData } from "@/lib/seed/seed-demo-data";
import { buildRobots } from "@/lib/seo/robots";
import { eventSitemap, listSitemapEvents } from "@/lib/seo/sitemap";
import { createEvent } from "../helpers/fixtures";

const origin = "https://biljett.example";

beforeAll(async () => {
  await seedDemoData(db);
});

describe("listSitemapEvents", () => {
  it("lists the published events that have not ended, and no draft, cancelled or past one", async () => {
    const { event: past } = await createEvent({ startsInDays: -10 });
    const { event: cancelled } = await createEvent({ status: "CANCELLED" });
    const { event: upcoming } = await createEvent({ startsInDays: 3 });

    const slugs = (await listSitemapEvents()).map((event) => event.slug);
    const expected = await db.event.findMany({ where: { status: "PUBLISHED", endsAt: { gt: new Date() } }, select: { slug: true } });
    expect(new Set(slugs)).toEqual(new Set(expected.map((event) => event.slug)));
    expect(slugs).toEqual(expect.arrayContaining(["beethovens-nionde-symfoni", "froken-julie", upcoming.slug]));
    expect(slugs).not.toContain("vildanden");
    expect(slugs).not.toContain(past.slug);
    expect(slugs).not.toContain(cancelled.slug);
  });
});

describe("eventSitemap", () => {
  it("gives every upcoming event, the home page and the event list in Swedish and English, each naming both as alternates", async () => {
    const events = await listSitemapEvents();
    const entries = await eventSitemap({ origin });
    expect(entries).toHaveLength(2 * (events.length + 2));

    const byUrl = new Map(entries.map((entry) => [entry.url, entry]));
    const julie = byUrl.get(`${origin}/events/froken-julie`);
    const julieEn = byUrl.get(`${origin}/en/events/froken-julie`);
    const languages = {
      sv: `${origin}/events/froken-julie`,
      en: `${origin}/en/events/froken-julie`,
      "x-default": `${origin}/events/froken-julie`,
    };
    expect(julie?.alternates?.languages).toEqual(languages);
    expect(julieEn?.alternates?.languages).toEqual(languages);
    expect(julie?.lastModified).toBeInstanceOf(Date);
    expect(byUrl.get(`${origin}/en`)?.alternates?.languages).toEqual({ sv: `${origin}/`, en: `${origin}/en`, "x-default": `${origin}/` });
    expect(byUrl.has(`${origin}/events`)).toBe(true);
    expect(byUrl.has(`${origin}/en/events`)).toBe(true);
    expect([...byUrl.keys()].some((url) => url.includes("vildanden"))).toBe(false);
    for (const entry of entries) expect(new URL(entry.url).origin).toBe(origin);
  });
});

describe("buildRobots", () => {
  it("keeps crawlers out of accounts, organizer pages, orders, passed-on tickets, sign-in and the mailbox in both languages, and names the sitemap", () => {
    const robots = buildRobots(origin);
    const rules = Array.isArray(robots.rules) ? robots.rules : [robots.rules];
    expect(rules).toHaveLength(1);
    expect(rules[0].userAgent).toBe("*");
    expect(rules[0].allow).toBe("/");
    expect(new Set(rules[0].disallow)).toEqual(
      new Set([
        "/account",
        "/organizer",
        "/orders",
        "/tickets",
        "/login",
        "/dev/mailbox",
        "/en/account",
        "/en/organizer",
        "/en/orders",
        "/en/tickets",
        "/en/login",
        "/en/dev/mailbox",
      ]),
    );
    expect(robots.sitemap).toBe(`${origin}/sitemap.xml`);
  });
});
