// deploy/nginx.conf's few seconds of public pages, in front of the served build: an anonymous
// visitor's event page comes from nginx's cache, stored gzip-compressed for a browser (which
// always takes gzip) and plain for a client that does not, so that no answer from the cache is
// compressed again per request; a visitor with a session cookie, the sign-in page, the checkout
// and a post never come from it, and a signed-in visitor's page is still compressed (by nginx).
// Browsers get the site over HTTPS with HTTP/2, and the build's scripts as `npm run build`
// compressed them; plain HTTP only redirects there.
import { readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { connect, type ClientHttp2Session } from "node:http2";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { BROWSER_ACCEPT_ENCODING, NGINX_PACKAGES, nginxAvailable, startNginx, type RunningNginx } from "../support/nginx";
import { baseUrl } from "./browser";
import { expect, test } from "./fixtures";

const EVENT = "/events/beethovens-nionde-symfoni";
const TITLE = "Beethovens nionde symfoni";

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** One request as sent, its body as received (not decompressed, as fetch would). */
function get(base: string, path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL(path, base), { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(method === "POST" ? "x" : undefined);
  });
}

/**
 * What nginx's cache holds for `uri`: per stored entry, the last part of its key (the client's
 * gzip, or nothing) and the stored answer's Content-Encoding. A cache file is nginx's own header,
 * a "KEY: …" line, then the answer as the app gave it.
 */
function stored(cacheDir: string, uri: string): Array<[string, string | null]> {
  const files = readdirSync(cacheDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const found: Array<[string, string | null]> = [];
  for (const file of files) {
    const text = readFileSync(path.join(file.parentPath, file.name)).toString("latin1");
    const key = /\nKEY: ([^\n]*)\n/.exec(text)?.[1];
    if (!key || key.split("|")[2] !== uri) continue;
    const head = text.slice(text.indexOf("\nKEY: ") + key.length + 7, text.indexOf("\r\n\r\n"));
    found.push([key.split("|").at(-1) ?? "", /\r\ncontent-encoding: *([^\r]*)/i.exec(head)?.[1] ?? null]);
  }
  return found.sort();
}

/** One GET on an open HTTP/2 session, as a browser asks unless told otherwise, its body as received. */
function getOverHttp2(session: ClientHttp2Session, path: string, acceptEncoding = BROWSER_ACCEPT_ENCODING): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const stream = session.request({ ":path": path, "accept-encoding": acceptEncoding });
    const chunks: Buffer[] = [];
    let headers: Answer["headers"] = {};
    stream.on("response", (received) => (headers = received as Answer["headers"]));
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve({ status: Number(headers[":status"]), headers, body: Buffer.concat(chunks) }));
    stream.on("error", reject);
    stream.end();
  });
}

const html = (answer: Answer) => (answer.headers["content-encoding"] === "gzip" ? gunzipSync(answer.body) : answer.body).toString("utf8");

test.describe("nginx's micro-cache of public pages", { tag: "@sv-desktop" }, () => {
  let nginx: RunningNginx;
  test.beforeAll(async () => {
    test.skip(!nginxAvailable(), `needs nginx: ${NGINX_PACKAGES} (.ci/run does)`);
    nginx = await startNginx([baseUrl], "nginx-cache");
  });
  test.afterAll(async () => {
    await nginx?.stop();
  });

  test("keeps an anonymous visitor's event page, gzip for a browser and plain for a client without it", async () => {
    for (const encoding of [BROWSER_ACCEPT_ENCODING, null]) {
      const headers: Record<string, string> = encoding ? { "accept-encoding": encoding } : {};
      // The first request may fill the cache (or find it filled); the second, within its few
      // seconds, comes from it as stored.
      await get(nginx.url, EVENT, headers);
      const kept = await get(nginx.url, EVENT, headers);
      expect([encoding, kept.status, kept.headers["x-cache-status"]]).toEqual([encoding, 200, "HIT"]);
      expect(kept.headers["set-cookie"]).toBeUndefined();
      expect(html(kept)).toContain(TITLE);
      if (encoding) {
        expect(kept.headers["content-encoding"]).toBe("gzip");
        expect(String(kept.headers.vary)).toMatch(/accept-encoding/i);
        // Compressed: the event page's HTML is about 50 kB, gzip about a fifth of it.
        expect(kept.body.length).toBeLessThan(html(kept).length / 2);
      } else {
        expect(kept.headers["content-encoding"]).toBeUndefined();
      }
    }
    // Stored as answered: compressed once, by the app, for every browser; plain for the rest.
    expect(stored(nginx.cacheDir, EVENT)).toEqual([
      ["", null],
      ["gzip", "gzip"],
    ]);
  });

  test("never answers a session, the sign-in page, the checkout or a post from the cache", async () => {
    const browser = { "accept-encoding": BROWSER_ACCEPT_ENCODING };
    for (const cookie of ["authjs.session-token=abc", "__Secure-authjs.session-token.0=abc"]) {
      await get(nginx.url, EVENT, { ...browser, cookie });
      const signedIn = await get(nginx.url, EVENT, { ...browser, cookie });
      expect([cookie, signedIn.headers["x-cache-status"]]).toEqual([cookie, "BYPASS"]);
      // Not kept, so nginx compresses it for this browser itself.
      expect(signedIn.headers["content-encoding"]).toBe("gzip");
      expect(html(signedIn)).toContain(TITLE);
    }
    for (const path of ["/login", `${EVENT}/checkout`, "/account"]) {
      await get(nginx.url, path, browser);
      const again = await get(nginx.url, path, browser);
      expect([path, again.headers["x-cache-status"]]).toEqual([path, "BYPASS"]);
    }
    const posted = await get(nginx.url, EVENT, { ...browser, origin: nginx.url }, "POST");
    expect(posted.headers["x-cache-status"]).not.toBe("HIT");
  });

  test("serves browsers HTTPS with HTTP/2, a page's scripts on its connection in Brotli, and plain HTTP only redirects", async () => {
    const session = connect(nginx.tlsUrl, { ca: nginx.certificate });
    try {
      const page = await getOverHttp2(session, EVENT);
      expect([session.alpnProtocol, page.status]).toEqual(["h2", 200]);
      expect(page.headers["content-encoding"]).toBe("gzip");
      const text = html(page);
      expect(text).toContain(TITLE);
      // One of the scripts the page names, on the same connection: the build's Brotli copy of it,
      // sent as `npm run build` made it; the gzip copy to a client that takes only gzip.
      const script = /\/_next\/static\/chunks\/[\w.-]+\.js/.exec(text)?.[0];
      expect(script).toBeDefined();
      const built = path.join(".next", script!.replace(/^\/_next\//, ""));
      const chunk = await getOverHttp2(session, script!);
      expect([chunk.status, chunk.headers["content-encoding"], chunk.headers["cache-control"]]).toEqual([
        200,
        "br",
        "public, max-age=31536000, immutable",
      ]);
      expect(chunk.body.equals(readFileSync(`${built}.br`))).toBe(true);
      const gzipOnly = await getOverHttp2(session, script!, "gzip");
      expect([gzipOnly.status, gzipOnly.headers["content-encoding"]]).toEqual([200, "gzip"]);
      expect(gunzipSync(gzipOnly.body).equals(readFileSync(built))).toBe(true);
      // A build file this machine lacks is asked of the app (which has no such file either).
      const missing = await getOverHttp2(session, "/_next/static/chunks/not-in-this-build.js");
      expect([missing.status, missing.headers["x-cache-status"]]).toEqual([404, "MISS"]);
    } finally {
      session.close();
    }
    // Production's port 80 sends every address to HTTPS, but for the certificate authority's
    // challenge.
    const plain = await get(nginx.redirectUrl, `${EVENT}?ref=mail`);
    expect([plain.status, plain.headers.location]).toEqual([301, `https://127.0.0.1${EVENT}?ref=mail`]);
    const challenge = await get(nginx.redirectUrl, "/.well-known/acme-challenge/token");
    expect(challenge.status).toBe(404);
  });
});
