// Bodies and origins at the door, against the running server: an announced 100 MB body and a
// chunked 2 MB one both get 413 within a second (the memory they cost the app is printed), and
// behind deploy/nginx.conf they never reach the app, whose memory then stays within 20 MB;
// a cross-site form post gets 403 with a short page; every page carries the CSP, and a page
// that loads and runs its scripts logs no CSP violation. The bodies are timed, and their memory
// measured, with the server to itself (@alone).
import { request as httpRequest } from "node:http";
import { NGINX_PACKAGES, nginxAvailable, startNginx } from "../support/nginx";
import { baseUrl, collectPageErrors } from "./browser";
import { expect, test } from "./fixtures";
import { serverRssBytes } from "./server-cpu";

type Sent = { status: number; ms: number; body: string };

/**
 * Posts `bytes` of body to `path`, announced with Content-Length or chunked, and stops sending
 * once answered. `ms` is the time until the answer's status line arrived.
 */
function post(
  path: string,
  bytes: number,
  { chunked, headers = {}, base = baseUrl }: { chunked: boolean; headers?: Record<string, string>; base?: string },
): Promise<Sent> {
  const started = Date.now();
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(chunked ? {} : { "content-length": String(bytes) }), ...headers },
    });
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      const ms = Date.now() - started;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, ms, body });
        request.destroy();
      });
    });
    request.on("error", (error) => (answered ? undefined : reject(error)));
    const block = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (!answered && sent < bytes) {
        const chunk = block.subarray(0, Math.min(block.length, bytes - sent));
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

test.describe("request bodies and origins at the door", { tag: "@sv-desktop" }, () => {
  test("refuses an announced 100 MB body and a chunked 2 MB one within a second", { tag: "@alone" }, async () => {
    // The refusal page's code is loaded by a first small refusal, so that what is measured
    // afterwards is what the bodies themselves cost.
    expect((await post("/login/link", 20 * 1024, { chunked: false })).status).toBe(413);
    const before = serverRssBytes();
    const huge = await post("/login/link", 100 * 1024 * 1024, { chunked: false });
    expect(huge.status).toBe(413);
    expect(huge.ms).toBeLessThan(1000);
    for (const path of ["/login/link", "/api/payments/stripe/webhook"]) {
      const chunked = await post(path, 2 * 1024 * 1024, { chunked: true });
      // The webhook answers 404 where Stripe is not configured, which also reads nothing.
      expect([path, chunked.status]).toEqual([path, path === "/login/link" ? 413 : expect.any(Number)]);
      expect(chunked.status).toBeLessThan(500);
      expect(chunked.ms).toBeLessThan(1000);
    }
    const page = await post("/account/profile", 100 * 1024 * 1024, {
      chunked: false,
      headers: { "content-type": "multipart/form-data; boundary=x" },
    });
    expect(page.status).toBe(413);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Printed, not asserted: Next reads a refused body to its end before the proxy's answer goes
    // out, copying it twice up to proxyClientMaxBodySize (6 MB), and the chunks it read are
    // garbage until V8's next collection, which external memory of about 64 MB triggers. So the
    // first oversized bodies raise the server's memory by up to about 60 MB, which the next
    // collection gives back; nothing stays (README, Security). nginx is the door (below).
    console.log(`server memory after the refused bodies: ${((serverRssBytes() - before) / 1024 / 1024).toFixed(1)} MB more`);
  });

  test("behind deploy/nginx.conf, oversized bodies are refused before the app reads them", { tag: "@alone" }, async () => {
    test.skip(!nginxAvailable(), `needs nginx: ${NGINX_PACKAGES} (.ci/run does)`);
    const nginx = await startNginx([baseUrl], "request-limits");
    try {
      const multipart = { "content-type": "multipart/form-data; boundary=x" };
      // A picture a little over the app's limit passes nginx and gets the app's page about it.
      const picture = await post("/account/profile", 7 * 1024 * 1024, { chunked: false, headers: multipart, base: nginx.url });
      expect([picture.status, picture.body]).toEqual([413, expect.stringContaining("Bilden är för stor")]);
      await new Promise((resolve) => setTimeout(resolve, 500));

      const before = serverRssBytes();
      const refused: Array<[string, number]> = [];
      for (const [path, bytes, chunked, headers] of [
        ["/login/link", 100 * 1024 * 1024, false, {}],
        ["/account/profile", 100 * 1024 * 1024, false, multipart],
        ["/en/account/profile", 100 * 1024 * 1024, false, multipart],
        ["/login/link", 2 * 1024 * 1024, true, {}],
        ["/en/login/link", 2 * 1024 * 1024, true, {}],
        ["/api/payments/stripe/webhook", 2 * 1024 * 1024, true, {}],
        ["/api/v1/me/tickets", 2 * 1024 * 1024, true, {}],
      ] as const) {
        const sent = await post(path, bytes, { chunked, headers, base: nginx.url });
        expect(sent.ms).toBeLessThan(1000);
        refused.push([path, sent.status]);
      }
      expect(refused.every(([, status]) => status === 413)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const grown = serverRssBytes() - before;
      console.log(`server memory after 306 MB of bodies refused by nginx: ${(grown / 1024 / 1024).toFixed(1)} MB more`);
      expect(grown).toBeLessThan(20 * 1024 * 1024);
    } finally {
      await nginx.stop();
    }
  });

  test("refuses a form posted from another site with a short page", async () => {
    const refused = await post("/en/account/profile", 10, {
      chunked: false,
      headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toContain("The form was sent from another website");
  });

  test("sends the CSP with every page, and pages run under it without a violation", async ({ page }) => {
    const errors = collectPageErrors(page);
    for (const path of ["/events", "/events/beethovens-nionde-symfoni", "/login", "/help"]) {
      const response = await page.goto(path);
      expect(response?.headers()["content-security-policy"]).toContain("default-src 'self'");
      await page.waitForLoadState("networkidle");
    }
    expect(errors).toEqual([]);
  });
});
