// The served build's CPU time, read from /proc/<pid>/stat of the `next start` process whose id
// tests/e2e/global-setup.ts hands on as E2E_SERVER_PID: a journey can check that the server is
// idle again once its pages have answered (no render or loop left running after the client
// went away).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

function serverPid(): number {
  const pid = Number(process.env.E2E_SERVER_PID);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error("E2E_SERVER_PID is not set: run the journeys with npm run test:e2e");
  return pid;
}

/** User plus system CPU seconds the server has used since it started. */
export function serverCpuSeconds(): number {
  const stat = readFileSync(`/proc/${serverPid()}/stat`, "utf8");
  // The command name in parentheses may hold spaces: count fields after its closing one.
  // There field 3 (state) comes first, so utime (14) and stime (15) are at 11 and 12.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** The server's CPU seconds over the next `seconds` of wall time. */
export async function serverCpuSecondsOver(seconds: number): Promise<number> {
  const before = serverCpuSeconds();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return serverCpuSeconds() - before;
}

/** The server's resident memory in bytes (VmRSS of /proc/<pid>/status). */
export function serverRssBytes(): number {
  const status = readFileSync(`/proc/${serverPid()}/status`, "utf8");
  const kilobytes = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  return kilobytes * 1024;
}
