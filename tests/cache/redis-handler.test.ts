// Next's cache handler for several servers (lib/cache/redis-handler.mjs) against a real Redis,
// on this machine's Node (the package declares Node 22; the servers run 20): entries are stored
// under the build's id, read back, and a tag expires its entries and no others. Runs when
// TEST_REDIS_URL (or REDIS_URL) names a Redis server, e.g. TEST_REDIS_URL=redis://127.0.0.1:6379.
// Two `next start` servers sharing one Redis are proven by the journey tests/e2e/deployed.e2e.ts.
// .ci/run sets TEST_REDIS_URL, so CI runs both.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const redisUrl = process.env.TEST_REDIS_URL || process.env.REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

const entry = (body: string) => ({
  kind: "FETCH",
  data: { headers: {}, body: JSON.stringify(body), url: "", status: 200 },
  revalidate: 5,
});

describeWithRedis("the Redis cache handler", () => {
  it("stores entries under the build's id, reads them back, and expires those of a tag", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["tests/cache/redis-handler-script.mjs"], {
      cwd: process.cwd(),
      env: { ...process.env, NODE_OPTIONS: "", REDIS_URL: redisUrl },
      timeout: 30_000,
    });
    const line = stdout.split("\n").find((l) => l.startsWith("@@RESULT@@"));
    if (!line) throw new Error(`the script printed no result:\n${stdout}`);
    const result = JSON.parse(line.slice("@@RESULT@@".length));

    expect(result.node).toBe(process.version);
    expect(result.stored).toEqual({ list: entry("first page"), listKeys: 1, a: entry("a") });
    expect(result.afterTag).toEqual({ a: null, aKeys: 0, b: entry("b") });
  }, 40_000);
});
