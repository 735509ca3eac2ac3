// `npx tsx tests/bench/shared-cache.ts`: two app servers on one database and one Redis share
// Next's cache. Builds once (unless SHARED_CACHE_SKIP_BUILD=1 reuses .next), starts `next start`
// twice with REDIS_URL, and for an event of its own:
//   1. both servers show its page; the title then changes in the database, and both still show
//      the old one (served from the cache, proof that there is one to share);
//   2. server A alone is told the event changed (the signed /internal/revalidate, which calls
//      revalidateTag as an organizer's action calls updateTag), and server B must show the new
//      title within 1 s.
// With SHARED_CACHE_NGINX=1 it also puts deploy/nginx.conf in front of both (nginx on PATH)
// and checks what the micro-cache stores and what it never does.
// Environment: SHARED_CACHE_DATABASE_URL or TEST_DATABASE_URL (a PostgreSQL server, default
// postgresql://postgres@127.0.0.1:5432/postgres), REDIS_URL (default redis://127.0.0.1:6379).
// Not part of `npm test`: it needs a production build.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createClient } from "redis";
import { REVALIDATE_PATH, SIGNATURE_HEADER, signRevalidation } from "../../lib/cache/signature";
import { eventTag } from "../../lib/cache/tags";
import { startNginx } from "../support/nginx";
import { serveBuild, startNextServer, stopOnSignals, type ServedBuild } from "../support/serve-build";

const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const FRESH_WITHIN_MS = 1_000;
const SLUG = `delad-cache-${randomBytes(4).toString("hex")}`;
const OLD_TITLE = `Delad cache före ${SLUG}`;
const NEW_TITLE = `Delad cache efter ${SLUG}`;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
  console.log(`shared-cache: ok: ${message}`);
}

async function pageTitle(base: string, headers: Record<string, string> = {}): Promise<string | null> {
  const response = await fetch(`${base}/events/${SLUG}`, { headers });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${base}/events/${SLUG} answered ${response.status}`);
  return /Delad cache (?:före|efter) [a-z0-9-]+/.exec(html)?.[0] ?? null;
}

async function addEvent(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // A copy of a seeded event (organizer, venue, dates ahead) under our own slug and title.
    const { rowCount } = await client.query(
      `WITH source AS (SELECT * FROM "Event" WHERE "status" = 'PUBLISHED' AND "startsAt" > now() ORDER BY "startsAt" LIMIT 1),
            copy AS (
              INSERT INTO "Event" ("id", "organizerId", "slug", "title", "description", "venue", "address", "city", "startsAt", "endsAt", "timeZone", "status", "publishedAt", "updatedAt")
              SELECT gen_random_uuid(), "organizerId", $1, $2, "description", "venue", "address", "city", "startsAt", "endsAt", "timeZone", 'PUBLISHED', now(), now() FROM source
              RETURNING "id")
       INSERT INTO "TicketType" ("id", "eventId", "name", "priceMinor", "currency", "capacity", "maxPerOrder", "updatedAt")
       SELECT gen_random_uuid(), "id", 'Ståplats', 25000, 'SEK', 100, 10, now() FROM copy`,
      [SLUG, OLD_TITLE],
    );
    if (rowCount !== 1) throw new Error("no seeded upcoming event to copy");
  } finally {
    await client.end();
  }
}

async function setTitle(databaseUrl: string, title: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`UPDATE "Event" SET "title" = $2, "updatedAt" = now() WHERE "slug" = $1`, [SLUG, title]);
  await client.end();
}

async function provedSharedCache(served: ServedBuild, a: string, b: string): Promise<number> {
  check((await pageTitle(a)) === OLD_TITLE && (await pageTitle(b)) === OLD_TITLE, "both servers show the event");
  await setTitle(served.databaseUrl, NEW_TITLE);
  check(
    (await pageTitle(a)) === OLD_TITLE && (await pageTitle(b)) === OLD_TITLE,
    "after a change in the database both still show the cached page data",
  );

  const { body, signature } = signRevalidation([eventTag(SLUG)], String(served.env.AUTH_SECRET));
  const refused = await fetch(`${a}${REVALIDATE_PATH}`, { method: "POST", body, headers: { [SIGNATURE_HEADER]: "0".repeat(64) } });
  check(refused.status === 401, "the revalidation route refuses a wrong signature");
  check((await fetch(`${a}${REVALIDATE_PATH}`)).status === 405, "the revalidation route refuses GET");
  check((await pageTitle(b)) === OLD_TITLE, "a refused message expires nothing");

  const started = performance.now();
  const told = await fetch(`${a}${REVALIDATE_PATH}`, { method: "POST", body, headers: { [SIGNATURE_HEADER]: signature } });
  check(told.ok, `server A accepted the signed message (${told.status})`);
  for (;;) {
    const elapsed = performance.now() - started;
    if ((await pageTitle(b)) === NEW_TITLE) return elapsed;
    if (elapsed > FRESH_WITHIN_MS) throw new Error(`server B still showed the old title ${Math.round(elapsed)} ms after server A was told`);
    await pause(20);
  }
}

async function provedNginx(a: string, b: string): Promise<void> {
  const nginx = await startNginx([a, b], "shared-cache");
  const proxy = nginx.url;
  try {
    const status = async (pathname: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${proxy}${pathname}`, { headers, redirect: "manual" });
      await response.arrayBuffer();
      return { cache: response.headers.get("x-cache-status"), cookie: response.headers.get("set-cookie") };
    };
    const page = `/events/${SLUG}`;
    await status(page);
    check((await status(page)).cache === "HIT", "nginx answers an anonymous event page from its cache");
    check(
      (await status(page, { cookie: "authjs.session-token=abc" })).cache === "BYPASS",
      "nginx never answers a request with a session cookie from its cache",
    );
    check(
      (await status(page, { cookie: "__Secure-authjs.session-token.0=abc" })).cache === "BYPASS",
      "nor with a __Secure- or split session cookie",
    );
    await status("/login");
    check((await status("/login")).cache === "BYPASS", "nginx never caches /login");
    check((await status("/account")).cache === "BYPASS", "nor /account");
    check((await status(`${page}/checkout`)).cache === "BYPASS", "nor the checkout");
    const post = await fetch(`${proxy}${page}`, { method: "POST", body: "x", headers: { origin: proxy } });
    await post.arrayBuffer();
    check(post.headers.get("x-cache-status") !== "HIT", "nor answers a POST from its cache");
  } finally {
    await nginx.stop();
  }
}

async function main() {
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  await redis.ping();

  let served: ServedBuild | undefined;
  let second: { stop: () => Promise<void> } | undefined;
  const cleanup = async () => {
    await second?.stop();
    await served?.stop();
    if (redis.isOpen) await redis.quit();
  };
  stopOnSignals(cleanup);
  try {
    served = await serveBuild({
      label: "shared_cache",
      serverUrl: process.env.SHARED_CACHE_DATABASE_URL || process.env.TEST_DATABASE_URL,
      skipBuild: process.env.SHARED_CACHE_SKIP_BUILD === "1",
      env: { ...process.env, REDIS_URL },
      prepare: addEvent,
    });
    const started = await startNextServer(served.env);
    second = started;
    console.log(`shared-cache: server A ${served.baseUrl}, server B ${started.baseUrl}, Redis ${REDIS_URL}`);
    const elapsed = await provedSharedCache(served, served.baseUrl, started.baseUrl);
    const buildId = readFileSync(path.join(".next", "BUILD_ID"), "utf8").trim();
    const keys = await redis.keys(`biljett:${buildId}:*`);
    check(keys.length > 0, `the cache lives in Redis (${keys.length} keys under biljett:${buildId}:)`);
    check(
      elapsed <= FRESH_WITHIN_MS,
      `server B showed the change ${Math.round(elapsed)} ms after server A was told (limit ${FRESH_WITHIN_MS} ms)`,
    );
    if (process.env.SHARED_CACHE_NGINX === "1") await provedNginx(served.baseUrl, started.baseUrl);
  } finally {
    await cleanup();
  }
}

main().catch((error: Error) => {
  console.error(`shared-cache: FAILED: ${error.message}`);
  process.exit(1);
});
