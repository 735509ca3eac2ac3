// `npm run demo`: migrate and seed the embedded database, build for production and serve on
// http://localhost:3000. The one production setting a fresh clone lacks, AUTH_SECRET, is
// generated on the first run and kept in .data/ so that sessions survive restarts.
/* eslint-disable no-restricted-properties -- this launcher prepares the environment the app then validates */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const port = process.env.PORT ?? "3000";

function demoSecret(): string {
  const file = path.join(root, ".data", "demo-auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(33).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  // Emails stay in the outbox and are shown at /dev/mailbox instead of being sent.
  DEMO_MODE: "true",
  AUTH_SECRET: process.env.AUTH_SECRET || demoSecret(),
  SITE_URL: process.env.SITE_URL || `http://localhost:${port}`,
};

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.once("SIGINT", forward);
    process.once("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      if (code === 0 || signal === "SIGINT" || signal === "SIGTERM") resolve();
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code ?? signal}`));
    });
  });
}

async function main() {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  await run(npm, ["run", "--silent", "db:migrate"]);
  await run(npm, ["run", "--silent", "db:seed"]);
  await run(npm, ["run", "--silent", "build"]);
  console.log(`\nBiljett demo: ${env.SITE_URL}\nEmails the app sends: ${env.SITE_URL}/dev/mailbox\n`);
  await run(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", port]);
}

main().catch((error: Error) => {
  console.error(`demo: ${error.message}`);
  process.exit(1);
});
