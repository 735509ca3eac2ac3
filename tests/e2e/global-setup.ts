// Playwright's global set-up for the journeys: a fresh database on the PostgreSQL server at
// E2E_DATABASE_URL or TEST_DATABASE_URL when one is set (as CI does), otherwise a throw-away
// embedded one; tests/support/serve-build.ts migrates and seeds it, builds (unless
// E2E_SKIP_BUILD) and serves the app on E2E_PORT. The workers inherit what it sets in
// process.env. The function it returns is the global teardown: it stops the server and drops
// the database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { serveBuild } from "../support/serve-build";
import { E2E_PORT } from "./browser";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const serverUrl = process.env.E2E_DATABASE_URL || process.env.TEST_DATABASE_URL || "";
  const served = await serveBuild({
    label: "e2e",
    serverUrl,
    embedded: !serverUrl,
    host: "localhost",
    listenEverywhere: true,
    port: E2E_PORT,
    skipBuild: Boolean(process.env.E2E_SKIP_BUILD),
  });
  const lockDir = mkdtempSync(path.join(tmpdir(), "biljett-e2e-"));
  // Some journeys read seeded ids from the server's database, or its CPU time from /proc/<pid>.
  process.env.DATABASE_URL = served.databaseUrl;
  process.env.E2E_BASE_URL = served.baseUrl;
  process.env.E2E_SERVER_PID = String(served.pid);
  process.env.E2E_LOCK_DIR = lockDir;
  return async () => {
    await served.stop();
    rmSync(lockDir, { recursive: true, force: true });
  };
}
