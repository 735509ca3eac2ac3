// Bodies and origins at the door, against the running server: an announced 100 MB body and a
// chunked 2 MB one both get 413 within a second (the memory they cost is printed);
// a cross-site form post gets 403 with a short page; every page carries the CSP, and a page
// that loads and runs its scripts logs no CSP violation. The bodies are timed, and their memory
// measured, with the server to itself (@alone).
import { request as httpRequest } from "node:http";
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
  { chunked, headers = {} }: { chunked: boolean; headers?: Record<string, string> },
): Promise<Sent> {
  const started = Date.now();
  const url = new URL(path, baseUrl);
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
    // Printed, not asserted: with a proxy, Next copies a body twice up to proxyClientMaxBodySize
    // (16 MB, so that large photos still reach the action) before the proxy's answer, so the
    // first oversized bodies raise the server's memory by tens of MB (README, Security).
    console.log(`server memory after the refused bodies: ${((serverRssBytes() - before) / 1024 / 1024).toFixed(1)} MB more`);
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
