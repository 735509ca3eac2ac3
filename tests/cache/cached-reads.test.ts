// The cached reads of lib/cache/events.ts, through Next's own data cache (its IncrementalCache
// with the default in-memory store, as `next start` without REDIS_URL has it) on a real
// database: a second read is served from the cache, an expired tag makes the next read fresh,
// and what comes back equals the query's own answer, Dates included.
import { databaseKind, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import nodeFs from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { IncrementalCache } from "next/dist/server/lib/incremental-cache";
import { cachedEventCities, cachedEventList, cachedPublishedEvent, listArguments } from "@/lib/cache/events";
import { EVENTS_TAG, eventTag } from "@/lib/cache/tags";
import { db } from "@/lib/db/client";
import { getPublishedEventBySlug, listEvents } from "@/lib/events/queries";
import { createEvent } from "../helpers/fixtures";

let cache: IncrementalCache;

beforeAll(() => {
  const serverDistDir = mkdtempSync(path.join(tmpdir(), "biljett-cache-"));
  cache = new IncrementalCache({
    fs: { ...nodeFs.promises, existsSync: nodeFs.existsSync, readFileSync: nodeFs.readFileSync } as never,
    dev: false,
    flushToDisk: false,
    minimalMode: false,
    serverDistDir,
    requestHeaders: {},
    maxMemoryCacheSize: 16 * 1024 * 1024,
    getPrerenderManifest: () => ({ version: 4, routes: {}, dynamicRoutes: {}, notFoundRoutes: [], preview: {} }),
    prerenderManifest: { version: 4, routes: {}, dynamicRoutes: {}, notFoundRoutes: [], preview: {} },
    previewProps: { previewModeId: "", previewModeEncryptionKey: "", previewModeSigningKey: "" },
    fetchCacheKeyPrefix: "",
  } as never);
  // Where unstable_cache finds the cache outside a request.
  (globalThis as { __incrementalCache?: unknown }).__incrementalCache = cache;
});

afterAll(() => {
  delete (globalThis as { __incrementalCache?: unknown }).__incrementalCache;
});

const expire = (tag: string) => cache.revalidateTag([tag], { expire: 0 });

describe(`cached event page data (${databaseKind})`, () => {
  it("equals the query's answer, Dates as Dates", async () => {
    const { event } = await createEvent({
      ticketTypes: [{ name: "Sittplats", salesStartAt: new Date("2026-01-01T10:00:00Z") }, { name: "Ståplats" }],
    });
    const direct = await getPublishedEventBySlug(event.slug);
    const first = await cachedPublishedEvent(event.slug);
    const second = await cachedPublishedEvent(event.slug);
    expect(first).toEqual(direct);
    expect(second).toEqual(direct);
    expect(second?.startsAt).toBeInstanceOf(Date);
    expect(second?.ticketTypes[0].salesStartAt).toBeInstanceOf(Date);
    expect(second?.ticketTypes[1].salesEndAt).toBeNull();
  });

  it("is served from the cache until its event's tag expires", async () => {
    const { event, ticketTypes } = await createEvent({ title: "Före" });
    expect((await cachedPublishedEvent(event.slug))?.title).toBe("Före");

    await db.event.update({ where: { id: event.id }, data: { title: "Efter" } });
    await db.ticketType.update({ where: { id: ticketTypes[0].id }, data: { sold: 100 } });
    expect((await cachedPublishedEvent(event.slug))?.title).toBe("Före");

    // Another event's tag leaves it alone; its own makes the next read fresh.
    await expire(eventTag("some-other-event"));
    expect((await cachedPublishedEvent(event.slug))?.title).toBe("Före");
    await expire(eventTag(event.slug));
    const fresh = await cachedPublishedEvent(event.slug);
    expect(fresh?.title).toBe("Efter");
    expect(fresh?.ticketTypes[0].sold).toBe(100);
  });

  it("answers null for a draft and for a slug that cannot exist, without a cache entry for the latter", async () => {
    const { event } = await createEvent({ status: "DRAFT" });
    await expect(cachedPublishedEvent(event.slug)).resolves.toBeNull();
    await expect(cachedPublishedEvent("Not a slug/../")).resolves.toBeNull();
  });
});

describe(`cached event list (${databaseKind})`, () => {
  it("equals listEvents() for the first page and a search, and is refreshed by the events tag", async () => {
    const { event } = await createEvent({ title: "Cachejazz i Gävle", city: "Gävle" });
    const search = { query: "  cachejazz ", page: 1, pageSize: 12 };
    expect(await cachedEventList(search)).toEqual(await listEvents(listArguments(search)));
    const firstPage = await cachedEventList({ pageSize: 12 });
    expect(firstPage).toEqual(await listEvents({ pageSize: 12 }));
    expect(firstPage.events.every((card) => card.startsAt instanceof Date && card.endsAt instanceof Date)).toBe(true);
    expect(await cachedEventCities()).toContain("Gävle");

    await db.event.update({ where: { id: event.id }, data: { status: "DRAFT" } });
    expect((await cachedEventList(search)).total).toBe(1);
    await expire(EVENTS_TAG);
    expect((await cachedEventList(search)).total).toBe(0);
    expect(await cachedEventCities()).not.toContain("Gävle");
  });

  it("keys alike what the query treats alike", () => {
    expect(listArguments({ query: "  jazz   blues ", page: 0 })).toEqual(listArguments({ query: "jazz blues", page: 1 }));
    expect(listArguments({ query: "   ", city: " " })).toEqual({ query: null, city: null, page: 1, pageSize: 12 });
    expect(listArguments({ pageSize: 10_000 }).pageSize).toBe(100);
  });
});
