// `npm run test:e2e`: the browser journeys, on the production build, against a fresh database:
// a new database on the PostgreSQL server at E2E_DATABASE_URL or TEST_DATABASE_URL when one is
// set (as CI does), otherwise a throw-away embedded one. tests/support/serve-build.ts migrates
// and seeds it, builds (unless E2E_SKIP_BUILD) and serves the app; this runs
// tests/e2e/*.e2e.ts in Chromium against it (arguments go to Jest) and cleans up.
import path from "node:path";
import { run, serveBuild, stopOnSignals } from "../support/serve-build";

async function main() {
  const serverUrl = process.env.E2E_DATABASE_URL || process.env.TEST_DATABASE_URL || "";
  const served = await serveBuild({
    label: "e2e",
    serverUrl,
    embedded: !serverUrl,
    // localhost, as a person types it; the journeys' cookies and links use this address.
    host: "localhost",
    listenEverywhere: true,
    port: Number(process.env.E2E_PORT ?? 3998),
    skipBuild: Boolean(process.env.E2E_SKIP_BUILD),
  });
  stopOnSignals(served.stop);
  try {
    // The journeys get the server's environment too: some read seeded ids from its database.
    run(
      process.execPath,
      ["--experimental-vm-modules", path.join("node_modules", "jest", "bin", "jest.js"), "-c", "jest.e2e.config.mjs", ...process.argv.slice(2)],
      { ...served.env, E2E_BASE_URL: served.baseUrl, E2E_SERVER_PID: String(served.pid) },
    );
  } finally {
    await served.stop();
  }
}

main().catch((error: Error) => {
  console.error(`e2e: ${error.message}`);
  process.exit(1);
});
