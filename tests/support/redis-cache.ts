// Next's cache in Redis (lib/cache/redis-handler.mjs) as the scripts and journeys that start
// several servers on one Redis see it: its keys are per build, not per database, so a run starts
// by forgetting what an earlier run of the same build kept (pages and cached reads of another
// database, with ids that no longer exist there).
import { readFileSync } from "node:fs";
import path from "node:path";
import { createClient } from "redis";
import { redisKeyPrefix } from "../../lib/cache/redis-key-prefix.mjs";

/** The prefix of every key the handler writes for the build in .next. */
function cacheKeyPrefix(): string {
  return redisKeyPrefix(readFileSync(path.join(".next", "BUILD_ID"), "utf8").trim());
}

/** Deletes every key of this build's cache from Redis at `redisUrl`; returns how many there were. */
export const forgetCachedPages = (redisUrl: string) => countKeys(redisUrl, { remove: true });

/** How many keys this build's cache has in Redis at `redisUrl`. */
export const cachedKeyCount = (redisUrl: string) => countKeys(redisUrl, { remove: false });

async function countKeys(redisUrl: string, { remove }: { remove: boolean }): Promise<number> {
  const redis = createClient({ url: redisUrl });
  await redis.connect();
  let count = 0;
  try {
    for await (const keys of redis.scanIterator({ MATCH: `${cacheKeyPrefix()}*`, COUNT: 500 })) {
      count += keys.length;
      if (remove && keys.length) await redis.del(keys);
    }
  } finally {
    await redis.quit();
  }
  return count;
}

/** Whether a Redis server answers at `redisUrl` within a second. */
export async function redisAnswers(redisUrl: string): Promise<boolean> {
  const redis = createClient({ url: redisUrl, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    return false;
  } finally {
    if (redis.isOpen) await redis.quit();
  }
}
