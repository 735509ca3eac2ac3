// `npm run test:e2e`: the browser journeys, on the production build, against a fresh database:
// a new database on the PostgreSQL server at E2E_DATABASE_URL or TEST_DATABASE_URL when one is
// set (as CI does), otherwise a throw-away embedded one. Migrates and seeds it, serves the app,
// runs tests/e2e/*.e2e.ts in Chromium and cleans up.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const port = Number(process.env.E2E_PORT ?? 3998);
const baseUrl = `http://localhost:${port}`;
const serverUrl = process.env.E2E_DATABASE_URL || process.env.TEST_DATABASE_URL || "";

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

async function waitForServer(server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error("the server stopped before it was ready");
    try {
      if ((await fetch(baseUrl)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server did not answer within a minute");
}

async function main() {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: "",
    NEXT_TELEMETRY_DISABLED: "1",
    SITE_URL: baseUrl,
    AUTH_SECRET: randomBytes(33).toString("base64url"),
    DEMO_MODE: "true",
    SMTP_URL: "",
  };
  let cleanupDatabase = async () => {};
  if (serverUrl) {
    const name = `e2e_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    cleanupDatabase = async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    };
    console.log(`e2e: PostgreSQL database ${name}`);
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "biljett-e2e-"));
    env.DATABASE_URL = "";
    env.PGLITE_DIR = path.join(dir, "pglite");
    cleanupDatabase = async () => rmSync(dir, { recursive: true, force: true });
    console.log(`e2e: embedded database in ${dir}`);
  }

  let server: ChildProcess | undefined;
  try {
    run("npm", ["run", "--silent", "db:migrate"], env);
    run("npm", ["run", "--silent", "db:seed"], env);
    if (!process.env.E2E_SKIP_BUILD) run("npm", ["run", "--silent", "build"], env);
    server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
      env,
      stdio: ["ignore", "inherit", "inherit"],
    });
    await waitForServer(server);
    run(
      process.execPath,
      ["--experimental-vm-modules", path.join("node_modules", "jest", "bin", "jest.js"), "-c", ".config/jest.e2e.config.mjs", ...process.argv.slice(2)],
      { ...env, E2E_BASE_URL: baseUrl },
    );
  } finally {
    server?.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    await cleanupDatabase();
  }
}

main().catch((error: Error) => {
  console.error(`e2e: ${error.message}`);
  process.exit(1);
});
