// Next's cache in Redis, so that several app servers share one: rendered pages, cached reads
// and their tags. next.config.ts points `cacheHandler` here only when REDIS_URL is set, and sets
// cacheMaxMemorySize to 0 so that no server keeps a private copy that an edit elsewhere would
// not reach. Loaded by Next itself (not bundled), hence plain JavaScript reading process.env;
// lib/env.ts has validated REDIS_URL before any server gets here.
/* eslint-disable no-restricted-properties -- loaded by Next as plain JavaScript, which cannot import lib/env.ts */
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import createLruHandler from "@fortedigital/nextjs-cache-handler/local-lru";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import { createClient } from "redis";
import { redisKeyPrefix } from "./redis-key-prefix.mjs";

/** How long a server waits for Redis at start before answering without a shared cache. */
const CONNECT_WAIT_MS = 3_000;
/** Every Redis command gives up after this; the page is then rendered afresh, not cached. */
const COMMAND_TIMEOUT_MS = 1_000;

let lastComplaint = 0;
function complain(message) {
  // A Redis that is down reports every reconnection attempt; one line a minute says enough.
  if (Date.now() - lastComplaint < 60_000) return;
  lastComplaint = Date.now();
  console.error(`cache: ${message}`);
}

CacheHandler.onCreation(async ({ buildId }) => {
  const url = process.env.REDIS_URL;
  // Without Redis (`next build` prerendering, a misconfigured start) the process keeps its own cache.
  if (!url || process.env.NEXT_PHASE === "phase-production-build") return { handlers: [createLruHandler()] };

  const client = createClient({ url, pingInterval: 10_000 });
  // node-redis reconnects by itself; while it is away every read misses and pages are rendered
  // afresh, which is slower but right.
  client.on("error", (error) => complain(`Redis: ${error.message}`));
  const connected = client.connect().catch((error) => complain(`cannot reach Redis: ${error.message}`));
  await Promise.race([connected, new Promise((resolve) => setTimeout(resolve, CONNECT_WAIT_MS).unref())]);
  if (!client.isReady) complain("Redis not ready yet: answering uncached until it is");

  return {
    handlers: [
      createRedisHandler({
        client,
        // Entries of one build only: another build's pages name JavaScript files this one lacks.
        keyPrefix: redisKeyPrefix(buildId),
        timeoutMs: COMMAND_TIMEOUT_MS,
      }),
    ],
  };
});

export default CacheHandler;
