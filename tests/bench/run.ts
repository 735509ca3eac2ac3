// `npm run bench`: load on the production build, beside a bare Node + pg baseline doing the same
// reads and writes (tests/bench/baseline-server.ts), both on a fresh PostgreSQL database:
//   (a) the event list, (b) an event page, (c) complete guest checkouts through the real server
//   action, posted as the browser posts it: after a warm-up of the same length for each server,
//   with every connection busy (throughput), and then at a fixed 50 orders/s, evenly spaced
//   (latency; the first 3 s open the connections and are not timed), while `npm run worker`
//   renders and sends the confirmations queued so far, at the share of a core the README gives a
//   worker that shares its machine with a web server (WORKER_CPU_SHARE, default here 0.25),
//   (d) an on-sale rush: 3,000 buyers for 500 tickets.
// The app server runs as in production, leaving the emails to the worker (EMAIL_SENDER=worker),
// which runs only during (c)'s fixed-rate run.
// Then, when nginx is installed (unless BENCH_NGINX=0), the first server stops and two others of
// the same build on the same database, sharing Next's cache through Redis, behind
// deploy/nginx.conf, do (a) and (b) again (asking, as a browser does, for gzip), get a checkout
// warm-up as long per server, and do (d). Without nginx, (a) and (b) ask for no compression, as
// the baseline does not compress (Next would compress each answer).
// Each of (a)–(d) runs BENCH_REPEATS times, app and baseline in turn, and the median run of each
// is printed (by req/s; the fixed-rate run's by p95), each rush on an event of its own. Everything stays on loopback and every run is bounded by count or time.
// Environment: BENCH_DATABASE_URL or TEST_DATABASE_URL (a PostgreSQL server; default
// postgresql://postgres@127.0.0.1:5432/postgres), BENCH_SKIP_BUILD=1 to reuse .next,
// BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 50), BENCH_CHECKOUTS (default 1000),
// BENCH_WARMUP (s of checkouts each server gets before the measured ones, default 20; 0 for none),
// BENCH_REPEATS (default 3), BENCH_RATE (orders/s of the fixed-rate run, default 50),
// BENCH_NGINX=0 to leave out nginx, REDIS_URL (default redis://127.0.0.1:6379), BENCH_ONLY to run
// some scenarios only, a comma-separated list of reads, checkout, fixed, rush and nginx (default all),
// BENCH_NODE_OPTIONS (NODE_OPTIONS of the app's servers only; default none), WORKER_CPU_SHARE (the
// worker's share of a core during the fixed-rate run; default 0.25, as it shares these 2 cores).
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import autocannon, { type AutocannonOptions, type AutocannonRequest } from "autocannon";
import pg from "pg";
import { BROWSER_ACCEPT_ENCODING, nginxAvailable, startNginx, type RunningNginx } from "../support/nginx";
import { forgetCachedPages } from "../support/redis-cache";
import { freePort, serveBuild, startNextServer, stopOnSignals, stopProcess, waitForUrl, type ServedBuild } from "../support/serve-build";

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const repeats = Math.max(1, Number(process.env.BENCH_REPEATS ?? 3));
const checkouts = Number(process.env.BENCH_CHECKOUTS ?? 1000);
const warmupSeconds = Number(process.env.BENCH_WARMUP ?? 20);
const fixedRate = Number(process.env.BENCH_RATE ?? 50);
// The worker shares these two cores with the app and PostgreSQL, so it runs as the README
// advises for a worker beside a web server: at a quarter of a core (1 would be a machine of its own).
const workerCpuShare = process.env.WORKER_CPU_SHARE || "0.25";
// The fixed-rate run's first seconds open its connections and, for the app, follow the
// worker's start: sent at the same pace, answered and checked, but not timed.
const fixedLeadIn = 3;
const SCENARIOS = ["reads", "checkout", "fixed", "rush", "nginx"] as const;
type Scenario = (typeof SCENARIOS)[number];
const only = (process.env.BENCH_ONLY ?? "")
  .split(",")
  .map((name) => name.trim())
  .filter(Boolean);
const unknownScenario = only.find((name) => !(SCENARIOS as readonly string[]).includes(name));
if (unknownScenario) throw new Error(`BENCH_ONLY: no scenario "${unknownScenario}" (${SCENARIOS.join(", ")})`);
/** Whether this run includes a scenario (all of them unless BENCH_ONLY names some). */
const selected = (scenario: Scenario) => only.length === 0 || only.includes(scenario);
const withNginx = selected("nginx") && process.env.BENCH_NGINX !== "0" && nginxAvailable();
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const EVENT_SLUG = "beethovens-nionde-symfoni";
// Our own events so the checkout runs never exhaust seeded stock and each rush starts at zero:
// one event per rush, for each round of each server kind.
const CHECKOUT_SLUG = "bench-checkout";
const RUSH_KINDS = ["app", "baseline", "nginx"] as const;
type RushKind = (typeof RUSH_KINDS)[number];
const rushSlug = (kind: RushKind, round: number) => `bench-rush-${kind}-${round + 1}`;
const RUSH_SLUGS = RUSH_KINDS.flatMap((kind) => Array.from({ length: repeats }, (_, round) => rushSlug(kind, round)));
const RUSH_CAPACITY = 500;
const RUSH_BUYERS = 3000;
const RUSH_CONNECTIONS = 100;

/** One rush: the event it sold, its figures, and what its buyers were told. */
type Rush = { slug: string; measured: Measured; answers: Tally };

type Measured = {
  label: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  fiveXx: number;
  seconds: number;
};

/** The median run of several (an odd count takes the middle one), by requests a second unless told another figure. */
function median(runs: Measured[], by: (run: Measured) => number = (run) => run.rps): Measured {
  const sorted = [...runs].sort((a, b) => by(a) - by(b));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A run's figures from its answers' times (ms, any order) and its length. */
function measured(label: string, times: number[], seconds: number, failures: Pick<Measured, "errors" | "non2xx" | "fiveXx">): Measured {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    label,
    requests: sorted.length,
    rps: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    ...failures,
    seconds,
  };
}

/** Runs autocannon and measures every response's latency itself (autocannon reports no p95). */
async function load(label: string, options: AutocannonOptions): Promise<Measured> {
  const times: number[] = [];
  const started = performance.now();
  let lastAnswer = started;
  const instance = autocannon({ timeout: 30, ...options });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
    lastAnswer = performance.now();
  });
  const result = await instance;
  // Until the last answer: autocannon counts whole seconds, and a run of a fixed number of
  // requests ends only at its next one-second tick (a rush of 14.2 s would read 15).
  const seconds = (options.amount ? lastAnswer - started : performance.now() - started) / 1000;
  return measured(label, times, seconds, { errors: result.errors + result.timeouts, non2xx: result.non2xx, fiveXx: result["5xx"] });
}

type Sent = { path: string; headers: Record<string, string>; body: string };

/**
 * Requests at an even pace, one every 1000/rate ms, each timed from the moment it was due to
 * leave, so that a slow answer which holds up the next requests counts against them too. This is
 * what "latency at a fixed rate" means; autocannon's `overallRate` is not it: each of its
 * connections sends its share at the start of every second, so 50 orders/s over 50 connections
 * arrive as one burst of 50 orders each second and the p95 is the time to clear that burst.
 * Up to `connections` requests are in flight at once (keep-alive); a request due while all are
 * busy waits for one, and that wait is part of its time.
 */
async function steadyLoad(
  label: string,
  options: {
    url: string;
    rate: number;
    duration: number;
    /** Seconds sent at the same pace before the measured ones, on the same connections, not timed. */
    leadIn: number;
    connections: number;
    next: () => Sent;
    onResponse: (status: number, body: string, headers: Record<string, string>) => void;
  },
): Promise<Measured> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const interval = 1000 / options.rate;
  const leading = Math.round(options.rate * options.leadIn);
  const count = leading + Math.round(options.rate * options.duration);
  const times: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let fiveXx = 0;
  const send = (sent: Sent, due: number, timed: boolean) =>
    new Promise<void>((resolve) => {
      const request = http.request(
        { host: target.hostname, port: target.port, method: "POST", path: sent.path, headers: sent.headers, agent, timeout: 30_000 },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const status = response.statusCode ?? 0;
            // Every answer must be a good one; only those after the lead-in are timed.
            if (timed) times.push(performance.now() - due);
            if (status < 200 || status >= 300) non2xx++;
            if (status >= 500) fiveXx++;
            const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, String(value)]));
            options.onResponse(status, Buffer.concat(chunks).toString("utf8"), headers);
            resolve();
          });
        },
      );
      request.on("timeout", () => request.destroy(new Error("timeout")));
      request.on("error", () => {
        errors++;
        resolve();
      });
      request.end(sent.body);
    });
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(options.next(), due, i >= leading));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started - leading * interval) / 1000;
  agent.destroy();
  return measured(label, times, seconds, { errors, non2xx, fiveXx });
}

// --- the checkout as the browser posts it -----------------------------------------------------

function actionId(): string {
  // The id React puts in the Next-Action header; it changes with every build.
  const manifest = JSON.parse(readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === "placeOrderAction" && "app/[locale]/events/[slug]/checkout/page" in entry.workers,
  );
  if (!found) throw new Error("placeOrderAction is not in .next/server/server-reference-manifest.json");
  return found[0];
}

const BOUNDARY = "----BenchFormBoundary7MA4YWxkTrZu0gW";

/**
 * The body useActionState's form sends with JavaScript on (seen in Chromium): the action's
 * arguments [previousState, formData] as field "0", the form's own fields prefixed "_1_".
 */
function checkoutBody(slug: string, ticketTypeId: string, buyer: number): string {
  const email = `bench.${buyer}.${randomUUID().slice(0, 8)}@example.se`;
  const fields: [string, string][] = [
    ["event", slug],
    ["idempotencyKey", randomUUID()],
    ["suggestionSeenFor", ""],
    [`q_${ticketTypeId}`, "1"],
    ["name", `Bänkbuyer ${buyer}`],
    ["email", email],
    ["emailConfirm", email],
    ["cardNumber", "4242 4242 4242 4242"],
    ["cardExpiry", "12/34"],
    ["cardCvc", "123"],
    ["terms", "on"],
    // What the hydrated form adds: answer with the order's address instead of rendering the page.
    ["answer", "address"],
  ];
  const parts = fields.map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="_1_${name}"\r\n\r\n${value}\r\n`);
  parts.push(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="0"\r\n\r\n[null,"$K1"]\r\n`);
  return `${parts.join("")}--${BOUNDARY}--\r\n`;
}

function checkoutHeaders(baseUrl: string, slug: string, id: string | null): Record<string, string> {
  return {
    "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
    accept: "text/x-component",
    origin: baseUrl,
    "accept-language": "sv-SE,sv;q=0.9",
    ...(id ? { "next-action": id, referer: `${baseUrl}/events/${slug}/checkout` } : {}),
  };
}

function checkoutRequest(
  baseUrl: string,
  slug: string,
  ticketTypeId: string,
  id: string | null,
  onResponse?: AutocannonRequest["onResponse"],
): AutocannonRequest {
  let buyer = 0;
  const headers = checkoutHeaders(baseUrl, slug, id);
  return {
    method: "POST",
    path: `/events/${slug}/checkout`,
    headers,
    setupRequest: (request) => ({ ...request, headers, body: checkoutBody(slug, ticketTypeId, ++buyer) }),
    ...(onResponse ? { onResponse } : {}),
  };
}

/** The order a paid checkout answer names: the action's `{ ok: true, location }` state (or a redirect), its `bought` route. */
function paidOrderId(body: string, headers: Record<string, string>): string | undefined {
  return (
    /"location":"\/orders\/([0-9a-f-]{36})\/bought\?key=/.exec(body)?.[1] ??
    /^\/orders\/([0-9a-f-]{36})\/bought\?key=/.exec(headers["x-action-redirect"] ?? "")?.[1]
  );
}

/** How many checkout answers of each kind a run got. */
type Tally = Record<ReturnType<typeof classify>, number>;

const noAnswers = (): Tally => ({ paid: 0, sold_out: 0, other: 0 });

/** What a checkout answer says: paid (the order's address), sold out, or something else. */
function classify(status: number, body: string, headers: Record<string, string>): "paid" | "sold_out" | "other" {
  if (status === 200 && paidOrderId(body, headers)) return "paid";
  if (status === 200 && body.includes("<p>paid ")) return "paid";
  // The action's state names the refusal ({"code":"sold_out",…}); the baseline says it plainly.
  // A buyer whose page already knew may get the form's field error instead: also "sold out".
  if (status === 200 && /"code":"(quantity_)?sold_out"|<p>sold_out<\/p>/.test(body)) return "sold_out";
  return "other";
}

/** A TypeScript script of the repo in its own process, through tsx as npm's scripts run it (the baseline, `npm run worker`). */
function startScript(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), script], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Polls `done` every 200 ms until it holds or `timeoutMs` has passed. */
async function waitUntil(done: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline && !(await done());)
    await new Promise((resolve) => setTimeout(resolve, 200));
}

// --- fixtures -------------------------------------------------------------------------------

async function addBenchEvents(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const [slug, capacity, maxPerOrder] of [
      [CHECKOUT_SLUG, 1_000_000, 10] as const,
      ...RUSH_SLUGS.map((slug) => [slug, RUSH_CAPACITY, 1] as const),
    ]) {
      // A copy of a seeded event (organizer, venue, dates in the future) with one ticket type.
      await client.query(
        `WITH source AS (SELECT * FROM "Event" WHERE "slug" = $1),
              copy AS (
                INSERT INTO "Event" ("id", "organizerId", "slug", "title", "description", "venue", "address", "city", "startsAt", "endsAt", "timeZone", "status", "publishedAt", "updatedAt")
                SELECT gen_random_uuid(), "organizerId", $2, 'Bänkkonsert ' || $2, "description", "venue", "address", "city", "startsAt", "endsAt", "timeZone", 'PUBLISHED', now(), now() FROM source
                RETURNING "id")
         INSERT INTO "TicketType" ("id", "eventId", "name", "priceMinor", "currency", "capacity", "maxPerOrder", "updatedAt")
         SELECT gen_random_uuid(), "id", 'Ståplats', 25000, 'SEK', $3, $4, now() FROM copy`,
        [EVENT_SLUG, slug, capacity, maxPerOrder],
      );
    }
  } finally {
    await client.end();
  }
}

async function ticketTypeOf(db: pg.Client, slug: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT t."id" FROM "TicketType" t JOIN "Event" e ON e."id" = t."eventId" WHERE e."slug" = $1`,
    [slug],
  );
  return rows[0].id;
}

// --- report ---------------------------------------------------------------------------------

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ")).join("\n");
}

const ms = (value: number) => (Number.isNaN(value) ? "-" : `${value.toFixed(0)} ms`);

function pairRows(ours: Measured, base: Measured): string[][] {
  const row = (m: Measured, who: string, ratio: string) => [
    `${m.label} ${who}`,
    String(m.requests),
    m.rps.toFixed(1),
    ms(m.p50),
    ms(m.p95),
    ms(m.p99),
    String(m.errors),
    String(m.non2xx),
    ratio,
  ];
  return [
    row(ours, "(app)", `${((ours.rps / base.rps) * 100).toFixed(0)}% rps, p95 ×${(ours.p95 / base.p95).toFixed(1)}`),
    row(base, "(baseline)", ""),
  ];
}

async function main() {
  let served: ServedBuild | undefined;
  let baseline: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let nginx: RunningNginx | undefined;
  const behindNginx: { baseUrl: string; stop: () => Promise<void> }[] = [];
  const cleanup = async () => {
    await nginx?.stop();
    for (const server of behindNginx) await server.stop();
    await stopProcess(baseline);
    await stopProcess(worker);
    await served?.stop();
  };
  stopOnSignals(cleanup);
  const failures: string[] = [];
  try {
    served = await serveBuild({
      label: "bench",
      serverUrl: process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL,
      skipBuild: Boolean(process.env.BENCH_SKIP_BUILD),
      prepare: addBenchEvents,
      serverOutput: "ignore",
      // As in production: the web server leaves the outbox to `npm run worker`, which runs
      // only during the fixed-rate run below. So no email is rendered on these 2 cores while
      // throughput is measured, for the app or the baseline (both queue the same emails).
      // BENCH_NODE_OPTIONS: Node options for the app's servers alone (the first and the two
      // behind nginx), to try a setting such as a larger young generation under the same load.
      env: { EMAIL_SENDER: "worker", NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? "" },
    });
    const app = served.baseUrl;
    const basePort = await freePort();
    const base = `http://127.0.0.1:${basePort}`;
    baseline = startScript("tests/bench/baseline-server.ts", { ...process.env, DATABASE_URL: served.databaseUrl, PORT: String(basePort) });
    await waitForUrl(base, baseline);

    const db = new pg.Client({ connectionString: served.databaseUrl });
    // Dropping the database on the way out ends this connection: the error that led there
    // is the one to report, not that.
    db.on("error", () => {});
    await db.connect();
    const id = actionId();
    const checkoutType = await ticketTypeOf(db, CHECKOUT_SLUG);

    // One real purchase first: the action must answer with the address of a PAID order.
    const probe = await fetch(`${app}/events/${CHECKOUT_SLUG}/checkout`, {
      method: "POST",
      headers: checkoutHeaders(app, CHECKOUT_SLUG, id),
      body: checkoutBody(CHECKOUT_SLUG, checkoutType, 0),
      redirect: "manual",
    });
    const probeBody = await probe.text();
    const redirect = probe.headers.get("x-action-redirect") ?? "";
    const orderId = paidOrderId(probeBody, { "x-action-redirect": redirect });
    const status = orderId
      ? (await db.query<{ status: string }>(`SELECT "status" FROM "Order" WHERE "id" = $1`, [orderId])).rows[0]?.status
      : undefined;
    if (status !== "PAID") {
      throw new Error(
        `a single checkout did not make a PAID order (HTTP ${probe.status}, x-action-redirect "${redirect}", order ${status}): ${probeBody.slice(0, 300)}`,
      );
    }
    console.log(`bench: one checkout through the server action made PAID order ${orderId}\n`);

    // The machine's PostgreSQL runs without autovacuum (its CI settings), so the dead rows every
    // paid order leaves (its order and idempotency key are written twice) would pile up and slow
    // each later phase, the servers behind nginx most of all: in one whole run their warm-up made
    // 62 orders/s against 171 on a fresh database. Production vacuums on its own; here each phase
    // that writes starts on a vacuumed database, the app's and the baseline's alike.
    const vacuumed = { runs: 0, ms: 0 };
    const vacuum = async () => {
      const started = performance.now();
      await db.query("VACUUM (ANALYZE)");
      vacuumed.runs++;
      vacuumed.ms += performance.now() - started;
    };

    const warm = async (url: string) => {
      for (let i = 0; i < 5; i++) await (await fetch(url)).text();
    };
    await warm(`${app}/events`);
    await warm(`${app}/events/${EVENT_SLUG}`);

    const rows: string[][] = [["scenario", "requests", "req/s", "p50", "p95", "p99", "errors", "non-2xx", "app vs baseline"]];
    const pair = async (label: string, options: (url: string, isApp: boolean) => AutocannonOptions, target = app) => {
      const runs = { ours: [] as Measured[], theirs: [] as Measured[] };
      for (let round = 0; round < repeats; round++) {
        runs.ours.push(await load(label, options(target, true)));
        runs.theirs.push(await load(label, options(base, false)));
      }
      const ours = median(runs.ours);
      const theirs = median(runs.theirs);
      rows.push(...pairRows(ours, theirs));
      const fiveXx = runs.ours.reduce((sum, run) => sum + run.fiveXx, 0);
      if (fiveXx > 0) failures.push(`${label}: ${fiveXx} responses with 5xx from the app`);
      return { ours, theirs };
    };

    if (selected("reads")) {
      await pair("GET /events", (url) => ({ url: `${url}/events`, connections, duration, headers: { "accept-language": "sv" } }));
      await pair(`GET /events/${EVENT_SLUG}`, (url) => ({
        url: `${url}/events/${EVENT_SLUG}`,
        connections,
        duration,
        headers: { "accept-language": "sv" },
      }));
    }

    const outcomes = { app: noAnswers(), base: noAnswers() };
    const otherSamples: string[] = [];
    // A server that has only served pages runs the checkout's code cold: V8 compiles and
    // optimises it under load, and the app's throughput climbs for tens of seconds (from about
    // half its settled rate) while the baseline's few functions settle almost at once. Each
    // server gets the same warm-up at full load first; its figures are printed, not compared.
    let baselineWarmUp: Measured | undefined;
    const warmed = { app: noAnswers(), base: noAnswers(), nginx: noAnswers() };
    const warmUp = async (label: string, url: string, actionId: string | null, tally: Tally, seconds = warmupSeconds) => {
      const run = await load(`${label}, first ${seconds} s (warm-up)`, {
        url,
        connections,
        duration: seconds,
        requests: [
          checkoutRequest(url, CHECKOUT_SLUG, checkoutType, actionId, (status, body, _context, headers) => {
            tally[classify(status, body, headers)]++;
          }),
        ],
      });
      // Every warm-up order is paid: no 5xx, no answer of another kind.
      if (run.fiveXx > 0 || tally.other > 0) failures.push(`${label} warm-up: ${JSON.stringify(tally)}, ${run.fiveXx} 5xx`);
      return run;
    };
    // Every scenario that checks out runs after its server's warm-up; the servers behind nginx
    // compare theirs with the baseline's.
    const firstServerChecksOut = selected("checkout") || selected("fixed") || selected("rush");
    if (warmupSeconds > 0 && (firstServerChecksOut || withNginx)) {
      const ours = firstServerChecksOut ? await warmUp("checkout", app, id, warmed.app) : undefined;
      baselineWarmUp = await warmUp("checkout", base, null, warmed.base);
      if (ours) rows.push(...pairRows(ours, baselineWarmUp));
    }
    if (selected("checkout")) {
      await vacuum();
      await pair("checkout", (url, isApp) => ({
        url,
        connections,
        amount: checkouts,
        requests: [
          checkoutRequest(url, CHECKOUT_SLUG, checkoutType, isApp ? id : null, (status, body, _context, headers) => {
            const kind = classify(status, body, headers);
            outcomes[isApp ? "app" : "base"][kind]++;
            if (kind === "other" && otherSamples.length < 3) otherSamples.push(`${status} ${body.slice(0, 200)}`);
          }),
        ],
      }));
    }

    // (c, latency) orders at a fixed rate, while the server's email sender renders the
    // confirmations (QR codes, PDF) of these and the earlier orders in the same process.
    const fixed = { app: noAnswers(), base: noAnswers() };
    const fixedRows: string[][] = [["scenario", "requests", "req/s", "p50", "p95", "p99", "errors", "non-2xx", "app vs baseline"]];
    const outbox = async () =>
      (
        await db.query<{ sent: string; waiting: string }>(
          `SELECT count(*) FILTER (WHERE "status" = 'SENT') AS sent, count(*) FILTER (WHERE "status" = 'PENDING') AS waiting FROM "OutboxEmail"`,
        )
      ).rows[0];
    const steady = (url: string, id: string | null, tally: Tally) => {
      let buyer = 0;
      const headers = checkoutHeaders(url, CHECKOUT_SLUG, id);
      return steadyLoad(`checkout at ${fixedRate}/s`, {
        url,
        rate: fixedRate,
        duration,
        leadIn: fixedLeadIn,
        connections,
        next: () => ({ path: `/events/${CHECKOUT_SLUG}/checkout`, headers, body: checkoutBody(CHECKOUT_SLUG, checkoutType, ++buyer) }),
        onResponse: (status, body, responseHeaders) => void tally[classify(status, body, responseHeaders)]++,
      });
    };
    let fixedOurs: Measured | undefined;
    const fixedRuns = { ours: [] as Measured[], theirs: [] as Measured[] };
    // Per round of the app's: emails the worker sent during it, and how many waited before and after.
    const emails: { sent: number; waitingBefore: string; waitingAfter: string }[] = [];
    for (let round = 0; round < repeats && selected("fixed"); round++) {
      // The sender works through the backlog every run so far has queued while the app takes orders.
      // Its first email sent says it is at work (nothing waiting: nothing to wait for).
      await vacuum();
      const emailsBefore = await outbox();
      // NODE_ENV as `npm run worker` sets it (production unless told otherwise).
      worker = startScript("lib/outbox/cli/worker.ts", { ...served.env, NODE_ENV: "production", WORKER_CPU_SHARE: workerCpuShare });
      if (Number(emailsBefore.waiting) > 0) await waitUntil(async () => (await outbox()).sent !== emailsBefore.sent, 30_000);
      const sendingFrom = await outbox();
      fixedRuns.ours.push(await steady(app, id, fixed.app));
      const after = await outbox();
      emails.push({ sent: Number(after.sent) - Number(sendingFrom.sent), waitingBefore: sendingFrom.waiting, waitingAfter: after.waiting });
      await stopProcess(worker);
      await vacuum();
      fixedRuns.theirs.push(await steady(base, null, fixed.base));
    }
    if (fixedRuns.ours.length) {
      // The median by p95, the figure this run is for (each run keeps to the same rate).
      const byP95 = (run: Measured) => run.p95;
      fixedOurs = median(fixedRuns.ours, byP95);
      fixedRows.push(...pairRows(fixedOurs, median(fixedRuns.theirs, byP95)));
    }

    // (d) the rush: 3,000 buyers of one ticket each for 500 tickets, all at once, BENCH_REPEATS
    // times (each on an event of its own), the app's and the baseline's in turn; the median counts.
    const rushes: Record<RushKind, Rush[]> = { app: [], baseline: [], nginx: [] };
    const rushRound = async (kind: RushKind, label: string, url: string, actionId: string | null) => {
      await vacuum();
      const slug = rushSlug(kind, rushes[kind].length);
      const type = await ticketTypeOf(db, slug);
      const answers = noAnswers();
      const measured = await load(label, {
        url,
        connections: RUSH_CONNECTIONS,
        amount: RUSH_BUYERS,
        requests: [checkoutRequest(url, slug, type, actionId, (s, b, _c, h) => void answers[classify(s, b, h)]++)],
      });
      rushes[kind].push({ slug, measured, answers });
    };
    const rushRows: string[][] = [["scenario", "requests", "req/s", "p50", "p95", "p99", "errors", "non-2xx", "app vs baseline"]];
    // The baseline's rush is the yardstick of the rush via nginx too.
    for (let round = 0; round < repeats && (selected("rush") || withNginx); round++) {
      if (selected("rush")) await rushRound("app", "on-sale rush", app, id);
      await rushRound("baseline", "on-sale rush", base, null);
    }
    const rushOurs = rushes.app.length ? median(rushes.app.map((run) => run.measured)) : undefined;
    const rushTheirs = rushes.baseline.length ? median(rushes.baseline.map((run) => run.measured)) : undefined;
    if (rushOurs && rushTheirs) rushRows.push(...pairRows(rushOurs, rushTheirs));

    // (e) the deployment's shape: two servers on this database sharing Next's cache in
    // Redis, behind deploy/nginx.conf, whose address is their SITE_URL (server actions check it).
    let nginxRushMeasured: Measured | undefined;
    if (withNginx) {
      await forgetCachedPages(REDIS_URL);
      const nginxPort = await freePort();
      const front = `http://127.0.0.1:${nginxPort}`;
      // The deployment's shape: the web servers leave the emails to `npm run worker`
      // (EMAIL_SENDER=worker), which would run on a machine of its own and is not started here,
      // so the emails of the runs above wait. The first server, whose own sender is still
      // working through them, stops: nothing but these servers, nginx and Redis runs now.
      await served.stopServer();
      const env = { ...served.env, REDIS_URL, SITE_URL: front, EMAIL_SENDER: "worker" };
      for (let i = 0; i < 2; i++) behindNginx.push(await startNextServer(env, "ignore"));
      nginx = await startNginx(
        behindNginx.map((server) => server.baseUrl),
        "bench",
        { plain: nginxPort },
      );
      await warm(`${front}/events`);
      await warm(`${front}/events/${EVENT_SLUG}`);
      // Asked as a browser asks, taking gzip: what nginx then keeps and sends is the compressed
      // page (deploy/nginx.conf). The baseline, asked the same, answers uncompressed.
      const browser = { "accept-language": "sv", "accept-encoding": BROWSER_ACCEPT_ENCODING };
      for (const page of ["/events", `/events/${EVENT_SLUG}`]) {
        const probe = await fetch(`${front}${page}`, { headers: browser });
        await probe.arrayBuffer();
        if (probe.headers.get("content-encoding") !== "gzip") failures.push(`${page} via nginx came without gzip`);
      }
      await pair("GET /events via nginx", (url) => ({ url: `${url}/events`, connections, duration, headers: browser }), front);
      await pair(
        `GET /events/${EVENT_SLUG} via nginx`,
        (url) => ({ url: `${url}/events/${EVENT_SLUG}`, connections, duration, headers: browser }),
        front,
      );
      // These servers are new: before their rush, each gets about the warm-up the first one had
      // (the same length per server), after the reads, whose figures it would otherwise disturb.
      if (warmupSeconds > 0) {
        await vacuum();
        const warming = await warmUp("checkout via nginx, 2 servers", front, id, warmed.nginx, warmupSeconds * behindNginx.length);
        rows.push(...pairRows(warming, baselineWarmUp!));
      }
      for (let round = 0; round < repeats; round++) await rushRound("nginx", "on-sale rush via nginx, 2 servers", front, id);
      nginxRushMeasured = median(rushes.nginx.map((run) => run.measured));
      rushRows.push(...pairRows(nginxRushMeasured, rushTheirs!));
    }

    // The database has the last word: nothing oversold, and each rush sold exactly its capacity.
    const oversold = await db.query(`SELECT "id", "name", "sold", "held", "capacity" FROM "TicketType" WHERE "sold" + "held" > "capacity"`);
    const rushSold = await db.query<{ slug: string; sold: number; held: number; paid: string }>(
      `SELECT e."slug", t."sold", t."held",
              (SELECT count(*) FROM "Order" o WHERE o."eventId" = e."id" AND o."status" = 'PAID') AS paid
         FROM "TicketType" t JOIN "Event" e ON e."id" = t."eventId" WHERE e."slug" = ANY($1::text[]) ORDER BY e."slug"`,
      [RUSH_SLUGS],
    );
    await db.end();

    console.log(
      `Load on loopback: ${connections} connections, ${duration} s per read scenario, ${checkouts} checkouts; median of ${repeats} runs each; app = next start, baseline = node:http + pg calling the same SQL`,
    );
    console.log(table(rows));
    if (selected("checkout"))
      console.log(`\ncheckout answers: app ${JSON.stringify(outcomes.app)}, baseline ${JSON.stringify(outcomes.base)}`);
    if (warmupSeconds > 0 && baselineWarmUp)
      console.log(
        `warm-up answers: app ${JSON.stringify(warmed.app)}${withNginx ? `, via nginx ${JSON.stringify(warmed.nginx)}` : ""}, baseline ${JSON.stringify(warmed.base)}`,
      );
    if (otherSamples.length) console.log(`unexpected checkout answers, e.g.:\n  ${otherSamples.join("\n  ")}`);
    if (fixedOurs) {
      console.log(
        `\nCheckout at a fixed ${fixedRate} orders/s for ${duration} s (evenly spaced, each timed from when it was due), at most ${connections} in flight; during the app's runs \`npm run worker\` renders and sends the emails queued so far, on the same machine (WORKER_CPU_SHARE=${workerCpuShare}); the run with the median p95 of ${fixedRuns.ours.length}`,
      );
      console.log(table(fixedRows));
      console.log(
        `p95 of each run: app ${fixedRuns.ours.map((run) => ms(run.p95)).join(", ")}; baseline ${fixedRuns.theirs.map((run) => ms(run.p95)).join(", ")}`,
      );
      console.log(`fixed-rate answers: app ${JSON.stringify(fixed.app)}, baseline ${JSON.stringify(fixed.base)}`);
      console.log(
        `emails sent by npm run worker during the app's runs: ${emails.map((round) => `${round.sent} (waiting before ${round.waitingBefore}, after ${round.waitingAfter})`).join("; ")}`,
      );
    }
    if (rushTheirs) {
      console.log(
        `\nOn-sale rush: ${RUSH_BUYERS} buyers, ${RUSH_CONNECTIONS} connections, capacity ${RUSH_CAPACITY}; median of ${rushes.baseline.length} rushes each`,
      );
      console.log(table(rushRows));
      const took = (kind: RushKind, label: string) => {
        const runs = rushes[kind].map((run) => run.measured);
        if (!runs.length) return "";
        return `${label} ${median(runs).seconds.toFixed(1)} s (${runs.map((run) => run.seconds.toFixed(1)).join(", ")}), `;
      };
      console.log(
        `rush took: ${took("app", "app")}${took("nginx", "via nginx (2 servers)")}${took("baseline", "baseline")}`.replace(/, $/, ""),
      );
      const answered = (kind: RushKind, label: string) =>
        rushes[kind].length ? `${label} ${rushes[kind].map((run) => JSON.stringify(run.answers)).join(" ")}, ` : "";
      console.log(
        `rush answers: ${answered("app", "app")}${answered("nginx", "via nginx")}${answered("baseline", "baseline")}`.replace(/, $/, ""),
      );
    }
    if (!withNginx && selected("nginx")) console.log("(nginx not on PATH or BENCH_NGINX=0: the runs behind nginx were left out)");
    if (only.length) console.log(`(BENCH_ONLY=${only.join(",")}: the other scenarios were left out)`);
    for (const row of rushSold.rows) console.log(`  ${row.slug}: sold ${row.sold}, held ${row.held}, PAID orders ${row.paid}`);
    console.log(`ticket types with sold + held > capacity: ${oversold.rowCount}`);
    console.log(`VACUUM (ANALYZE) before each phase that writes: ${vacuumed.runs} times, ${(vacuumed.ms / 1000).toFixed(1)} s in all`);

    if (selected("checkout") && outcomes.app.paid !== checkouts * repeats)
      failures.push(`checkout: ${outcomes.app.paid} of ${checkouts * repeats} requests made a paid order`);
    if (oversold.rowCount) failures.push(`oversold: ${JSON.stringify(oversold.rows)}`);
    // Every rush of the app's servers, each on its own event: exactly its capacity sold and paid,
    // every buyer told so, every other buyer told "sold out", no 5xx.
    for (const { slug, measured, answers } of [...rushes.app, ...rushes.nginx]) {
      const sold = rushSold.rows.find((row) => row.slug === slug);
      if (!sold || sold.sold !== RUSH_CAPACITY || Number(sold.paid) !== RUSH_CAPACITY)
        failures.push(`${slug}: sold ${sold?.sold}, PAID ${sold?.paid}, want ${RUSH_CAPACITY}`);
      if (answers.paid !== RUSH_CAPACITY)
        failures.push(`${slug}: ${answers.paid} buyers were told they bought a ticket, want ${RUSH_CAPACITY}`);
      if (answers.sold_out !== RUSH_BUYERS - RUSH_CAPACITY)
        failures.push(`${slug}: ${answers.sold_out} buyers were told "sold out", want ${RUSH_BUYERS - RUSH_CAPACITY}`);
      if (measured.fiveXx > 0 || measured.errors > 0) failures.push(`${slug}: ${measured.fiveXx} 5xx, ${measured.errors} errors`);
    }
    const fixedSent = fixedRuns.ours.reduce((sum, run) => sum + run.requests + fixedRate * fixedLeadIn, 0);
    if (fixedOurs && fixed.app.paid !== fixedSent) failures.push(`fixed rate: ${fixed.app.paid} of ${fixedSent} checkouts paid`);
    if (nginxRushMeasured) {
      const logged = nginx?.errors().trim();
      if (logged) console.log(`nginx's error log:\n${logged.split("\n").slice(-10).join("\n")}`);
    }
  } finally {
    await cleanup();
  }
  if (failures.length) {
    console.error(`\nbench: FAILED\n  ${failures.join("\n  ")}`);
    process.exit(1);
  }
  console.log("\nbench: all checks passed");
}

main().catch((error: Error) => {
  console.error(`bench: ${error.message}`);
  process.exit(1);
});
