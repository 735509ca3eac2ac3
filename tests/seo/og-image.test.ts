import { useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import sharp from "sharp";
import { GET } from "@/app/og/events/[slug]/route";
import { db } from "@/lib/db/client";
import { seedDemoData } from "@/lib/seed/seed-demo-data";
import { renderText } from "@/lib/seo/og-image";
import { createEvent } from "../helpers/fixtures";

const get = (slug: string, query = "") =>
  GET(new Request(`http://localhost/og/events/${slug}${query}`), { params: Promise.resolve({ slug }) });

beforeAll(async () => {
  await seedDemoData(db);
});

async function expectPreviewPng(response: Response, size = { width: 1200, height: 630 }) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("image/png");
  expect(response.headers.get("cache-control")).toMatch(/^public, /);
  const body = Buffer.from(await response.arrayBuffer());
  expect(response.headers.get("content-length")).toBe(String(body.byteLength));
  const metadata = await sharp(body).metadata();
  expect({ format: metadata.format, width: metadata.width, height: metadata.height }).toEqual({ format: "png", ...size });
  return body;
}

describe("GET /og/events/[slug]", () => {
  it("draws a 1200×630 PNG for a seeded event with its picture, in either language", async () => {
    const swedish = await expectPreviewPng(await get("froken-julie"));
    const english = await expectPreviewPng(await get("froken-julie", "?locale=en"));
    // The date line is written in the reader's language.
    expect(swedish.equals(english)).toBe(false);
  });

  it("draws the 16:9, 4:3 and 1:1 shapes Google's event results ask for, and refuses other formats", async () => {
    await expectPreviewPng(await get("beethovens-nionde-symfoni", "?format=16x9"), { width: 1200, height: 675 });
    await expectPreviewPng(await get("beethovens-nionde-symfoni", "?locale=en&format=4x3"), { width: 1200, height: 900 });
    await expectPreviewPng(await get("beethovens-nionde-symfoni", "?format=1x1"), { width: 1200, height: 1200 });
    expect((await get("beethovens-nionde-symfoni", "?format=4000x4000")).status).toBe(404);
  });

  it("answers 304 to a crawler that already has this drawing, and draws afresh after an edit", async () => {
    const { event } = await createEvent({ title: "Före" });
    const first = await get(event.slug);
    const drawnBefore = await expectPreviewPng(first);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[^"]+"$/);

    const again = await GET(new Request(`http://localhost/og/events/${event.slug}`, { headers: { "If-None-Match": `W/"x", ${etag}` } }), {
      params: Promise.resolve({ slug: event.slug }),
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");

    await db.event.update({ where: { id: event.id }, data: { title: "Efter" } });
    const edited = await get(event.slug);
    expect(edited.headers.get("etag")).not.toBe(etag);
    expect((await expectPreviewPng(edited)).equals(drawnBefore)).toBe(false);
  });

  it("draws the branded backdrop for an event without a picture", async () => {
    const { event } = await createEvent({ title: "Vårkonsert i Gävle – ÅÄÖ é" });
    const body = await expectPreviewPng(await get(event.slug));
    // The top-left corner is the backdrop's deep indigo.
    const { data } = await sharp(body).extract({ left: 0, top: 0, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect(data[2]).toBeGreaterThan(data[0]);
  });

  it("answers 404, uncached, for drafts, cancelled events and unknown or malformed slugs", async () => {
    const { event: cancelled } = await createEvent({ status: "CANCELLED" });
    for (const slug of ["vildanden", cancelled.slug, "finns-inte", "../../etc/passwd"]) {
      const response = await get(slug);
      expect(response.status).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });
});

describe("renderText", () => {
  // A letter missing from the font would be drawn as a box of another width (or a hex box);
  // DejaVu gives å, ä, ö and é the advance of a, o and e, so the text is exactly as wide.
  it.each([
    ["aaaa", "åååå"],
    ["aaaa", "ääää"],
    ["oooo", "öööö"],
    ["eeee", "éééé"],
    ["AAAA", "ÅÅÅÅ"],
  ])("draws %s and %s with the font's own glyphs", async (plain, accented) => {
    const [a, b] = await Promise.all([renderText(plain, "bold", 60, "#000000"), renderText(accented, "bold", 60, "#000000")]);
    const ink = async (png: Buffer) => (await sharp(png).trim().toBuffer({ resolveWithObject: true })).info;
    const [inkA, inkB] = await Promise.all([ink(a.data), ink(b.data)]);
    expect(Math.abs(inkA.width - inkB.width)).toBeLessThanOrEqual(2);
    // The accents add ink above the letters.
    expect(inkB.height).toBeGreaterThan(inkA.height);
  });
});
