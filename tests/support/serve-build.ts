// Serves the production build on a fresh database (PostgreSQL, or embedded PGlite), for the scripts that measure or
// drive a real server (budgets, bench and the e2e runner): creates the database,
// migrates and seeds it, builds unless told not to, runs `next start` on a free port and
// tears everything down again.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { isLoopbackLiteral } from "../../lib/server/listen-address";

export const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export type ServedBuild = {
  /** http://127.0.0.1:<port>, also the SITE_URL the server was given. */
  baseUrl: string;
  port: number;
  /** The fresh database the server uses ("" when embedded: see env.PGLITE_DIR). */
  databaseUrl: string;
  /** The environment the server runs with (for child scripts that need the same). */
  env: NodeJS.ProcessEnv;
  /** The server's process id (`next start` itself, not a fork): its CPU time is in /proc/<pid>/stat. */
  pid: number;
  /** Stops the server and drops the database. Safe to call twice. */
  stop: () => Promise<void>;
  /** Stops only the server, keeping the database (for more servers on it). */
  stopServer: () => Promise<void>;
};

export type ServeOptions = {
  /** Prefix of the database name and of log lines. */
  label: string;
  /** A PostgreSQL server URL; a database is created on it and dropped afterwards. */
  serverUrl?: string;
  /** Use a throw-away embedded database (PGlite) instead of a server; serverUrl is ignored. */
  embedded?: boolean;
  /** The host name in baseUrl and SITE_URL (default 127.0.0.1; the e2e journeys use localhost). */
  host?: string;
  /** Reuse the existing .next instead of building. */
  skipBuild?: boolean;
  /** Fixed port; a free one otherwise. */
  port?: number;
  /** Listen on every interface (IPv4 and IPv6) instead of only `host`: a browser may try either for localhost. */
  listenEverywhere?: boolean;
  /** Extra environment for the server (and migrate/seed). */
  env?: Record<string, string>;
  /** Runs after migrate and seed, before the server starts: extra fixtures in plain SQL. */
  prepare?: (databaseUrl: string) => Promise<void>;
  /** Where the server's output goes; "ignore" keeps a benchmark's terminal readable. */
  serverOutput?: "inherit" | "ignore";
};

export function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function waitForUrl(url: string, server?: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server && server.exitCode !== null) throw new Error("the server stopped before it was ready");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Creates an empty database on the server and returns its URL and a function dropping it. */
export async function createDatabase(serverUrl: string, label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${label}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Stops a child and waits for it to be gone (SIGKILL after a grace period). */
export async function stopProcess(child: ChildProcess | undefined, graceMs = 5_000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

/** `next start` of the build in .next on `port`, bound to `host` (every interface when undefined). */
function spawnNextStart(
  port: number,
  host: string | undefined,
  env: NodeJS.ProcessEnv,
  output: "inherit" | "ignore" = "inherit",
): ChildProcess {
  // A loopback IP (127.0.0.1) is bound by its name: `next start -H 127.0.0.1` answers with a
  // redirect loop (lib/server/listen-address.ts), and "localhost" is 127.0.0.1 here.
  const bind = host && isLoopbackLiteral(host) ? "localhost" : host;
  const listen = bind ? ["-p", String(port), "-H", bind] : ["-p", String(port)];
  // next's own bin, not `npx next`, so that this pid is the server (npx would fork it).
  return spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", ...listen], {
    env,
    stdio: ["ignore", output, output],
  });
}

/**
 * One more server of the same build on the same database (several app servers, as behind
 * nginx): `env` is the first server's environment with any changes (REDIS_URL, SITE_URL).
 */
export async function startNextServer(
  env: NodeJS.ProcessEnv,
  output: "inherit" | "ignore" = "inherit",
): Promise<{ baseUrl: string; pid: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawnNextStart(port, "127.0.0.1", env, output);
  try {
    await waitForUrl(baseUrl, server);
  } catch (error) {
    await stopProcess(server);
    throw error;
  }
  if (server.pid === undefined) throw new Error("the server has no process id");
  return { baseUrl, pid: server.pid, stop: () => stopProcess(server) };
}

/**
 * The environment a served build runs with: this process's, with the site's address, the
 * database, a fresh AUTH_SECRET unless one is given, and the demo's mailbox instead of SMTP;
 * `extra` last.
 */
export function serverEnvironment({
  siteUrl,
  databaseUrl,
  authSecret = randomBytes(33).toString("base64url"),
  extra = {},
}: {
  siteUrl: string;
  databaseUrl: string;
  authSecret?: string;
  extra?: Record<string, string | undefined>;
}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_OPTIONS: "",
    NEXT_TELEMETRY_DISABLED: "1",
    SITE_URL: siteUrl,
    AUTH_SECRET: authSecret,
    // No SMTP here: emails stay in the outbox, as in the demo and the e2e runs.
    DEMO_MODE: "true",
    SMTP_URL: "",
    DATABASE_URL: databaseUrl,
    ...extra,
  };
}

export async function serveBuild(options: ServeOptions): Promise<ServedBuild> {
  const serverUrl = options.serverUrl || DEFAULT_SERVER_URL;
  const port = options.port ?? (await freePort());
  // 127.0.0.1 rather than localhost: scripts post server actions with this Origin, and the
  // Host header they send must match it.
  const host = options.host ?? "127.0.0.1";
  const baseUrl = `http://${host}:${port}`;
  let database: { url: string; drop: () => Promise<void> };
  let embeddedDir: string | undefined;
  if (options.embedded) {
    embeddedDir = mkdtempSync(path.join(tmpdir(), `biljett-${options.label}-`));
    const dir = embeddedDir;
    database = { url: "", drop: async () => rmSync(dir, { recursive: true, force: true }) };
    console.log(`${options.label}: embedded database in ${dir}`);
  } else {
    database = await createDatabase(serverUrl, options.label);
    console.log(`${options.label}: PostgreSQL database ${new URL(database.url).pathname.slice(1)}`);
  }
  const env = serverEnvironment({
    siteUrl: baseUrl,
    databaseUrl: database.url,
    extra: { ...(embeddedDir ? { PGLITE_DIR: path.join(embeddedDir, "pglite") } : {}), ...options.env },
  });

  let server: ChildProcess | undefined;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopProcess(server);
    await database.drop();
  };

  try {
    run("npm", ["run", "--silent", "db:migrate"], env);
    run("npm", ["run", "--silent", "db:seed"], env);
    if (options.prepare) await options.prepare(database.url);
    if (!options.skipBuild) run("npm", ["run", "--silent", "build"], env);
    // A reused build keeps what an earlier server rendered into Next's cache (pages and data of
    // another database, with ticket type ids that no longer exist): start from the build alone.
    else for (const kept of [".next/server/route-cache", ".next/cache/fetch-cache"]) rmSync(kept, { recursive: true, force: true });
    server = spawnNextStart(port, options.listenEverywhere ? undefined : host, env, options.serverOutput);
    await waitForUrl(baseUrl, server);
    if (server.pid === undefined) throw new Error("the server has no process id");
  } catch (error) {
    await stop();
    throw error;
  }
  const running = server;
  return { baseUrl, port, databaseUrl: database.url, env, pid: server.pid, stop, stopServer: () => stopProcess(running) };
}

/** Stops `served` on Ctrl-C or a kill too, so no server or database is left behind. */
export function stopOnSignals(stop: () => Promise<void>): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void stop().finally(() => process.exit(130));
    });
  }
}
