// Run by redis-handler.test.ts in a plain Node process, as `next start` loads the handler (Jest's
// module system is not Next's): stores, reads and expires entries through
// lib/cache/redis-handler.mjs and prints what it saw after "@@RESULT@@".
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "redis";

const buildId = `test-${randomBytes(6).toString("hex")}`;
const dir = mkdtempSync(path.join(tmpdir(), "biljett-redis-handler-"));
mkdirSync(path.join(dir, "server"));
writeFileSync(path.join(dir, "BUILD_ID"), buildId);

const redis = createClient({ url: process.env.REDIS_URL });
await redis.connect();
const entry = (body) => ({ kind: "FETCH", data: { headers: {}, body: JSON.stringify(body), url: "", status: 200 }, revalidate: 5 });
const valueOf = async (key, tag) => (await handler.get(key, { tags: [tag], softTags: [] }))?.value ?? null;
const keysLike = async (pattern) => (await redis.keys(`biljett:${buildId}:${pattern}`)).length;

const { default: CacheHandler } = await import("../../lib/cache/redis-handler.mjs");
const handler = new CacheHandler({ serverDistDir: path.join(dir, "server"), dev: false });
try {
  await handler.set("list-page-1", entry("first page"), { tags: ["events"], revalidate: 5 });
  await handler.set("event-a", entry("a"), { tags: ["event:a"], revalidate: 5 });
  await handler.set("event-b", entry("b"), { tags: ["event:b"], revalidate: 5 });
  const stored = {
    list: await valueOf("list-page-1", "events"),
    listKeys: await keysLike("list-page-1"),
    a: await valueOf("event-a", "event:a"),
  };
  await handler.revalidateTag("event:a", { expire: 0 });
  const afterTag = { a: await valueOf("event-a", "event:a"), aKeys: await keysLike("event-a"), b: await valueOf("event-b", "event:b") };
  console.log(`@@RESULT@@${JSON.stringify({ node: process.version, stored, afterTag })}`);
} finally {
  const keys = await redis.keys(`biljett:${buildId}:*`);
  if (keys.length > 0) await redis.del(keys);
  await redis.quit();
  rmSync(dir, { recursive: true, force: true });
  // The handler's own Redis client would keep the process alive.
  process.exit(0);
}
