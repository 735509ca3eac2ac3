// The journeys share one server, several workers at a time, except those that measure it (its CPU
// time, its memory, how fast it answers): a test tagged @alone waits until no other test is
// running and has the server to itself; the others wait while it runs. A readers-writer lock in
// files (the workers are processes), in the directory global-setup.ts makes; a file left by a
// worker that died is ignored.
import { closeSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

const POLL_MS = 200;

function lockDir(): string {
  const dir = process.env.E2E_LOCK_DIR;
  if (!dir) throw new Error("E2E_LOCK_DIR is not set: run the journeys with npm run test:e2e");
  return dir;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, POLL_MS));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const aloneFile = () => path.join(lockDir(), "alone");

/** Whether a test holds the server alone (a flag whose writer has died does not count). */
function heldAlone(): boolean {
  let content: string;
  try {
    content = readFileSync(aloneFile(), "utf8");
  } catch {
    return false;
  }
  // Just made and not written yet: held.
  if (content === "") return true;
  if (isAlive(Number(content))) return true;
  rmSync(aloneFile(), { force: true });
  return false;
}

/** The tests sharing the server now (files shared-<pid>-<random>), leaving out dead workers'. */
function sharing(): string[] {
  return readdirSync(lockDir()).filter((name) => {
    if (!name.startsWith("shared-")) return false;
    if (isAlive(Number(name.split("-")[1]))) return true;
    rmSync(path.join(lockDir(), name), { force: true });
    return false;
  });
}

/** Waits while a test has the server alone, then shares it; returns the release. */
export async function shareServer(): Promise<() => void> {
  for (;;) {
    if (!heldAlone()) {
      const mine = path.join(lockDir(), `shared-${process.pid}-${randomBytes(4).toString("hex")}`);
      writeFileSync(mine, "");
      // Checked again after announcing: a test that took the server alone in between waits for this one.
      if (!heldAlone()) return () => rmSync(mine, { force: true });
      rmSync(mine, { force: true });
    }
    await pause();
  }
}

/** Takes the server alone: no new test starts, and this waits for the running ones; returns the release. */
export async function haveServerAlone(): Promise<() => void> {
  for (;;) {
    try {
      const fd = openSync(aloneFile(), "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      heldAlone();
      await pause();
    }
  }
  while (sharing().length > 0) await pause();
  return () => rmSync(aloneFile(), { force: true });
}
