// The floor app (tests/budgets/floor-app): one page of text in Next.js and React, nothing of
// ours, built and served so that Lighthouse measures it beside our pages in the same run, its
// boot scripts marked for eager compilation as `npm run build` marks ours. Next finds a
// project's configuration by looking upward from its folder, so the app is built in a folder of
// its own outside this repository, with node_modules linked in file by file (hard links:
// Turbopack compiles nothing outside its root, which rules out a symbolic link).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { addCompileHints } from "../../lib/build/compile-hints";
import { freePort, stopProcess, waitForUrl } from "../support/serve-build";

export type FloorApp = { url: string; stop: () => Promise<void> };

export async function serveFloorApp(): Promise<FloorApp> {
  const dir = mkdtempSync(path.join(tmpdir(), "biljett-floor-"));
  let server: ChildProcess | undefined;
  const stop = async () => {
    await stopProcess(server);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    cpSync(path.resolve("tests", "budgets", "floor-app"), dir, { recursive: true });
    const linked = spawnSync("cp", ["-al", path.resolve("node_modules"), path.join(dir, "node_modules")], { stdio: "inherit" });
    if (linked.status !== 0) throw new Error("could not link node_modules into the floor app");
    const env = { ...process.env, NODE_OPTIONS: "", NEXT_TELEMETRY_DISABLED: "1" };
    const next = path.join(dir, "node_modules", "next", "dist", "bin", "next");
    const built = spawnSync(process.execPath, [next, "build"], { cwd: dir, env, stdio: "ignore" });
    if (built.status !== 0) throw new Error(`the floor app did not build (in ${dir})`);
    // The same boot scripts as ours, compiled as ours are (npm run build).
    addCompileHints(path.join(dir, ".next"));
    const port = await freePort();
    server = spawn(process.execPath, [next, "start", "-p", String(port), "-H", "localhost"], { cwd: dir, env, stdio: "ignore" });
    const url = `http://127.0.0.1:${port}/`;
    await waitForUrl(url, server);
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
