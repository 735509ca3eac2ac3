// deploy/nginx.conf in front of app servers started by a script (the bench, the budgets, the
// journeys): the same file, with its upstreams, ports, certificate, pid, log, cache directory
// and the build's files pointed at this run. Needs nginx with its Brotli module, and openssl
// (NGINX_PACKAGES).
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort, stopProcess, waitForUrl } from "./serve-build";

export type RunningNginx = {
  /**
   * Plain HTTP/1.1 to the site, as a load generator or a script asks. Production's port 80 only
   * redirects to HTTPS; a run's configuration adds this listener to the HTTPS server.
   */
  url: string;
  /** The site as browsers get it in production: HTTPS with HTTP/2, on `localhost`. */
  tlsUrl: string;
  /** Production's port 80 (the redirect to HTTPS). */
  redirectUrl: string;
  /** The run's self-signed certificate (PEM), for a client to trust. */
  certificate: string;
  /** What nginx logged at warn and above so far (its log goes when it stops). */
  errors: () => string;
  /** Where its cache keeps pages (proxy_cache_path), removed when it stops. */
  cacheDir: string;
  stop: () => Promise<void>;
};

/** What Chromium sends as Accept-Encoding: a browser always takes gzip. */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";

/** What to install for deploy/nginx.conf to run here (its Brotli module is Debian's package). */
export const NGINX_PACKAGES = "apt-get install nginx libnginx-mod-http-brotli-static openssl";

/** Whether nginx is on PATH with every module deploy/nginx.conf loads (`load_module`). */
export function nginxAvailable(): boolean {
  const modules = [...readFileSync("deploy/nginx.conf", "utf8").matchAll(/^load_module (\S+);/gm)].map((match) => match[1]);
  return spawnSync("nginx", ["-v"], { stdio: "ignore" }).status === 0 && modules.every((file) => existsSync(file));
}

/** Where a run's nginx listens: plain HTTP, HTTPS, and production's plain port (the redirect). */
export type NginxPorts = { plain: number; tls: number; redirect: number };

/**
 * The deployment's nginx.conf for this run: `upstreams` are the app servers' base URLs; the
 * certificate's files are `cert.pem` and `key.pem` in `dir`.
 */
export function nginxConfig(upstreams: string[], ports: NginxPorts, dir: string): string {
  const original = readFileSync("deploy/nginx.conf", "utf8");
  const servers = /^( *)server 127\.0\.0\.1:3000[^\n]*\n(?: *server 127\.0\.0\.1:\d+[^\n]*\n)*/m;
  const match = servers.exec(original);
  if (!match) throw new Error("deploy/nginx.conf: no upstream servers to replace");
  const indent = match[1];
  const ours = upstreams.map((url) => `${indent}server 127.0.0.1:${new URL(url).port} max_fails=3 fail_timeout=5s;\n`).join("");
  const config = original
    .replace(servers, ours)
    .replace("listen 80;", `listen 127.0.0.1:${ports.redirect};`)
    .replace("listen 443 ssl http2;", `listen 127.0.0.1:${ports.tls} ssl http2;\n        listen 127.0.0.1:${ports.plain};`)
    .replace("/etc/ssl/biljett/fullchain.pem", path.join(dir, "cert.pem"))
    .replace("/etc/ssl/biljett/privkey.pem", path.join(dir, "key.pem"))
    .replace("/run/nginx-biljett.pid", path.join(dir, "nginx.pid"))
    .replace("/var/log/nginx/biljett-error.log", path.join(dir, "error.log"))
    .replace("/var/cache/nginx/biljett", path.join(dir, "cache"))
    .replaceAll("/srv/biljett/.next/static/", `${path.resolve(".next", "static")}/`);
  const settings = config
    .split("\n")
    .filter((line) => !line.trim().startsWith("#"))
    .join("\n");
  for (const leftover of ["listen 80;", "listen 443", "/etc/ssl/", "/run/", "/var/log/", "/var/cache/", "/srv/"]) {
    if (settings.includes(leftover)) throw new Error(`deploy/nginx.conf: "${leftover}" was not redirected for this run`);
  }
  return config;
}

/**
 * A self-signed certificate for `localhost` and 127.0.0.1, valid for two days, written to
 * `cert.pem` and `key.pem` in `dir`; returns the certificate.
 */
function selfSignedCertificate(dir: string): string {
  const [cert, key] = [path.join(dir, "cert.pem"), path.join(dir, "key.pem")];
  try {
    // An elliptic-curve key (P-256), no passphrase, named for both ways the runs address it.
    const subject = ["-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"];
    const keyType = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
    execFileSync("openssl", ["req", "-x509", ...keyType, "-days", "2", ...subject, "-keyout", key, "-out", cert], {
      stdio: ["ignore", "ignore", "pipe"],
    });
  } catch (error) {
    throw new Error(`openssl could not make the run's certificate (apt-get install openssl): ${(error as Error).message}`);
  }
  return readFileSync(cert, "utf8");
}

/**
 * A certificate's public key as Chromium names it to trust it
 * (`--ignore-certificate-errors-spki-list`): base64 of the SHA-256 of its DER SubjectPublicKeyInfo.
 */
export function spkiSha256(certificate: string): string {
  const key = new X509Certificate(certificate).publicKey.export({ type: "spki", format: "der" });
  return createHash("sha256").update(key).digest("base64");
}

/** `wanted`, completed with free ports: three different ones (the OS may hand out a port it just handed out, now free again). */
export async function pickNginxPorts(wanted: Partial<NginxPorts> = {}): Promise<NginxPorts> {
  const taken = Object.values(wanted);
  const next = async (): Promise<number> => {
    for (;;) {
      const free = await freePort();
      if (taken.includes(free)) continue;
      taken.push(free);
      return free;
    }
  };
  return {
    plain: wanted.plain ?? (await next()),
    tls: wanted.tls ?? (await next()),
    redirect: wanted.redirect ?? (await next()),
  };
}

/**
 * Starts nginx with the deployment's configuration in front of `upstreams`, listening on the
 * `ports` given (pass one to give the app servers their SITE_URL before nginx starts) and on free
 * ones for the rest; stop() removes its files.
 */
export async function startNginx(upstreams: string[], label: string, ports: Partial<NginxPorts> = {}): Promise<RunningNginx> {
  const dir = path.resolve(".data", `nginx-${label}-${process.pid}`);
  const cacheDir = path.join(dir, "cache");
  mkdirSync(cacheDir, { recursive: true });
  const listening = await pickNginxPorts(ports);
  const certificate = selfSignedCertificate(dir);
  const file = path.join(dir, "nginx.conf");
  writeFileSync(file, nginxConfig(upstreams, listening, dir));
  const nginx = spawn("nginx", ["-p", dir, "-c", file, "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
  const url = `http://127.0.0.1:${listening.plain}`;
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
  return {
    url,
    tlsUrl: `https://localhost:${listening.tls}`,
    redirectUrl: `http://127.0.0.1:${listening.redirect}`,
    certificate,
    errors,
    cacheDir,
    stop,
  };
}
