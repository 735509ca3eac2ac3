// `npm run worker` runs as production, like `next start`: without what a production server
// needs it refuses to start and names what is missing, instead of signing links with the
// development secret, keeping emails in the demo mailbox and refunding through the test
// payment provider. The script itself is run, as an operator would run it.
import { spawnSync } from "node:child_process";

function runWorker(extra: Record<string, string>) {
  // Only what a shell needs: nothing of this test process's configuration (Jest's NODE_ENV
  // included) leaks in.
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name !== "PATH" && name !== "HOME") delete env[name];
  Object.assign(env, extra);
  return spawnSync("npm", ["run", "--silent", "worker"], { env, encoding: "utf8", timeout: 60_000 });
}

describe("npm run worker's configuration", () => {
  it("refuses to start without a production configuration and names each missing variable", () => {
    const run = runWorker({});
    expect(run.status).not.toBe(0);
    for (const variable of ["SITE_URL", "AUTH_SECRET", "SMTP_URL", "SUPPORT_EMAIL", "STRIPE_SECRET_KEY"])
      expect(run.stderr).toContain(`${variable} is missing: required in production`);
  });

  it("takes NODE_ENV from the environment when it is set", () => {
    // A malformed share stops it before it opens a database, whatever NODE_ENV says; the
    // production requirements are named only when it runs as production.
    const development = runWorker({ NODE_ENV: "development", WORKER_CPU_SHARE: "2" });
    expect(development.status).not.toBe(0);
    expect(development.stderr).toContain("WORKER_CPU_SHARE is malformed");
    expect(development.stderr).not.toContain("required in production");
  });
});
