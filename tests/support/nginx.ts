// deploy/nginx.conf in front of app servers started by a script (the bench, the shared-cache
// check): the same file, with its upstreams, port, pid, log and cache directory pointed at this
// run. Needs nginx on PATH (Debian's `nginx` package).
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort, stopProcess, waitForUrl } from "./serve-build";

export type RunningNginx = {
  url: string;
  /** What nginx logged at warn and above so far (its log goes when it stops). */
  errors: () => string;
  /** Where its cache keeps pages (proxy_cache_path), removed when it stops. */
  cacheDir: string;
  stop: () => Promise<void>;
};

/** What Chromium sends as Accept-Encoding: a browser always takes gzip. */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";

/** Whether an nginx binary is on PATH. */
export function nginxAvailable(): boolean {
  return spawnSync("nginx", ["-v"], { stdio: "ignore" }).status === 0;
}

/** The deployment's nginx.conf for this run: `upstreams` are the app servers' base URLs. */
export function nginxConfig(upstreams: string[], port: number, dir: string): string {
  const original = readFileSync("deploy/nginx.conf", "utf8");
  const servers = /^( *)server 127\.0\.0\.1:3000[^\n]*\n(?: *server 127\.0\.0\.1:\d+[^\n]*\n)*/m;
  const match = servers.exec(original);
  if (!match) throw new Error("deploy/nginx.conf: no upstream servers to replace");
  const indent = match[1];
  const ours = upstreams.map((url) => `${indent}server 127.0.0.1:${new URL(url).port} max_fails=3 fail_timeout=5s;\n`).join("");
  const config = original
    .replace(servers, ours)
    .replace("listen 80;", `listen 127.0.0.1:${port};`)
    .replace("/run/nginx-biljett.pid", path.join(dir, "nginx.pid"))
    .replace("/var/log/nginx/biljett-error.log", path.join(dir, "error.log"))
    .replace("/var/cache/nginx/biljett", path.join(dir, "cache"));
  const settings = config
    .split("\n")
    .filter((line) => !line.trim().startsWith("#"))
    .join("\n");
  for (const leftover of ["listen 80;", "/run/", "/var/log/", "/var/cache/"]) {
    if (settings.includes(leftover)) throw new Error(`deploy/nginx.conf: "${leftover}" was not redirected for this run`);
  }
  return config;
}

/**
 * Starts nginx with the deployment's configuration in front of `upstreams`, on `port` (a free
 * one by default: pass one to give the app servers their SITE_URL first); stop() removes its files.
 */
export async function startNginx(upstreams: string[], label: string, port?: number): Promise<RunningNginx> {
  const dir = path.resolve(".data", `nginx-${label}-${process.pid}`);
  const cacheDir = path.join(dir, "cache");
  mkdirSync(cacheDir, { recursive: true });
  port ??= await freePort();
  const file = path.join(dir, "nginx.conf");
  writeFileSync(file, nginxConfig(upstreams, port, dir));
  const nginx = spawn("nginx", ["-p", dir, "-c", file, "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopProcess(nginx);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForUrl(url, nginx);
  } catch (error) {
    await stop();
    throw error;
  }
  const errors = () => {
    try {
      return readFileSync(path.join(dir, "error.log"), "utf8");
    } catch {
      return "";
    }
  };
  return { url, errors, cacheDir, stop };
}
