// The signed message with which work outside a request asks the web servers to expire cache
// tags: signing and checking (lib/cache/signature.ts), and sending it to every server
// (lib/cache/remote.ts) over real HTTP, with the tags of events read from the database.
import { databaseKind, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { announceEventsChanged, announceTagsChanged } from "@/lib/cache/remote";
import { MAX_AGE_MS, REVALIDATE_PATH, SIGNATURE_HEADER, signRevalidation, verifyRevalidation } from "@/lib/cache/signature";
import { EVENTS_TAG, eventTag, isCacheTag } from "@/lib/cache/tags";
import { tagsForEvents, tagsForOrganizer } from "@/lib/cache/event-tags";
import { db } from "@/lib/db/client";
import { createEvent } from "../helpers/fixtures";

const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const now = Date.UTC(2030, 5, 1, 12);

describe("tags", () => {
  it("are only ours", () => {
    expect(isCacheTag(EVENTS_TAG)).toBe(true);
    expect(isCacheTag(eventTag("jazz-i-parken"))).toBe(true);
    for (const other of ["_N_T_/events", "event:", "event:Jazz", "event:a/b", "events ", 7, null]) {
      expect(isCacheTag(other)).toBe(false);
    }
  });
});

describe("signature", () => {
  it("accepts what was signed with the same secret, recently", () => {
    const good = signRevalidation([EVENTS_TAG, eventTag("varkonsert"), EVENTS_TAG], SECRET, now);
    expect(verifyRevalidation(good.body, good.signature, SECRET, now + 5_000)).toEqual({
      ok: true,
      tags: [EVENTS_TAG, eventTag("varkonsert")],
    });
  });

  it("refuses another secret, a changed body, a missing or malformed signature", () => {
    const { body, signature } = signRevalidation([EVENTS_TAG], SECRET, now);
    expect(verifyRevalidation(body, signature, `${SECRET}x`, now)).toEqual({ ok: false, reason: "signature" });
    expect(verifyRevalidation(body.replace("events", "event:x"), signature, SECRET, now)).toEqual({ ok: false, reason: "signature" });
    expect(verifyRevalidation(body, null, SECRET, now)).toEqual({ ok: false, reason: "signature" });
    expect(verifyRevalidation(body, signature.slice(2), SECRET, now)).toEqual({ ok: false, reason: "signature" });
    expect(verifyRevalidation(body, signature.toUpperCase(), SECRET, now)).toEqual({ ok: false, reason: "signature" });
  });

  it("refuses an old message or one from the future", () => {
    const { body, signature } = signRevalidation([EVENTS_TAG], SECRET, now);
    expect(verifyRevalidation(body, signature, SECRET, now + MAX_AGE_MS + 1)).toEqual({ ok: false, reason: "expired" });
    expect(verifyRevalidation(body, signature, SECRET, now - MAX_AGE_MS - 1)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses no tags, or a tag that is not ours, even when signed", () => {
    for (const tags of [[], ["_N_T_/"], [EVENTS_TAG, "anything"], [eventTag("vårkonsert")]]) {
      const { body, signature } = signRevalidation(tags, SECRET, now);
      expect(verifyRevalidation(body, signature, SECRET, now)).toEqual({ ok: false, reason: "malformed" });
    }
  });
});

describe(`announcing to the web servers (${databaseKind})`, () => {
  let servers: Server[] = [];
  const received: { server: number; path: string; tags: string[] | null }[] = [];

  async function webServer(index: number, status = 200): Promise<string> {
    const server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        const verdict = verifyRevalidation(body, String(request.headers[SIGNATURE_HEADER] ?? ""), SECRET);
        received.push({ server: index, path: request.url ?? "", tags: verdict.ok ? verdict.tags : null });
        response.writeHead(verdict.ok ? status : 401).end();
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  afterEach(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    servers = [];
    received.length = 0;
  });

  it("sends every server the tags of the events, signed, and says how each answered", async () => {
    const { event } = await createEvent();
    const { event: other } = await createEvent();
    const urls = [await webServer(0), await webServer(1, 503)];
    const results = await announceEventsChanged([event.id, other.id, event.id], { urls, secret: SECRET });

    expect(results).toEqual([
      { url: `${urls[0]}${REVALIDATE_PATH}`, ok: true, status: 200 },
      { url: `${urls[1]}${REVALIDATE_PATH}`, ok: false, status: 503 },
    ]);
    const expected = [EVENTS_TAG, eventTag(event.slug), eventTag(other.slug)].sort();
    expect(received.map((r) => ({ ...r, tags: r.tags?.sort() })).sort((a, b) => a.server - b.server)).toEqual([
      { server: 0, path: REVALIDATE_PATH, tags: expected },
      { server: 1, path: REVALIDATE_PATH, tags: expected },
    ]);
  });

  it("never throws for a server that is not there", async () => {
    const results = await announceTagsChanged([EVENTS_TAG], { urls: ["http://127.0.0.1:9"], secret: SECRET });
    expect(results).toEqual([{ url: `http://127.0.0.1:9${REVALIDATE_PATH}`, ok: false, error: expect.any(String) }]);
  });

  it("finds the tags of events, a former slug, and an organizer's events", async () => {
    const { event, organizerId } = await createEvent();
    const { event: second } = await createEvent({ organizerId, status: "DRAFT" });
    await expect(tagsForEvents([event.id, "not-an-id"], ["old-slug", "Bad Slug"])).resolves.toEqual([
      EVENTS_TAG,
      eventTag(event.slug),
      eventTag("old-slug"),
    ]);
    expect((await tagsForOrganizer(organizerId)).sort()).toEqual([EVENTS_TAG, eventTag(event.slug), eventTag(second.slug)].sort());
    await db.event.delete({ where: { id: second.id } });
    await expect(tagsForEvents([second.id])).resolves.toEqual([EVENTS_TAG]);
  });
});
