// The site as deployed: two app servers of the build on the journeys' database, sharing Next's
// cache in Redis (REDIS_URL), behind deploy/nginx.conf, whose HTTPS address is their SITE_URL.
//   1. A buyer's browser, over HTTPS with HTTP/2, buys a ticket, signs in with the emailed link
//      (Auth.js's cookies are then the Secure, __Secure- prefixed ones, and so is the signed-in
//      hint), finds the order in the account, never gets a page from nginx's cache while signed
//      in, signs out, and is then served from it again.
//   2. An event's page is cached once for both servers: told through server A that the event
//      changed (the signed /internal/revalidate the worker uses), server B shows the change within
//      a second; a message with a wrong signature expires nothing.
// Needs nginx with its Brotli module and openssl (NGINX_PACKAGES), Redis at TEST_REDIS_URL (or
// REDIS_URL), and the journeys' PostgreSQL database (two servers cannot share an embedded one).
// .ci/run provides all three.
import { randomBytes } from "node:crypto";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { REVALIDATE_PATH, SIGNATURE_HEADER, signRevalidation } from "../../lib/cache/signature";
import { eventTag } from "../../lib/cache/tags";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE, SIGNED_IN_HINT_COOKIE } from "../../lib/auth/cookie-names";
import { NGINX_PACKAGES, nginxAvailable, pickNginxPorts, spkiSha256, startNginx, type RunningNginx } from "../support/nginx";
import { cachedKeyCount, forgetCachedPages, redisAnswers } from "../support/redis-cache";
import { serverEnvironment, startNextServer } from "../support/serve-build";
import { journeyEvent } from "./after-purchase";
import { chromiumArgs, collectPageErrors, executablePath, visitorOptions } from "./browser";
import { dismissLanguageHint, expect, test } from "./fixtures";
import { checkoutWords, fillCheckout, signInWords, signInWithEmailLink } from "./journey";

const redisUrl = process.env.TEST_REDIS_URL || process.env.REDIS_URL || "";
const FRESH_WITHIN_MS = 1_000;

type Server = { baseUrl: string; stop: () => Promise<void> };

const words = {
  quantity: /^Antal, Ståplats/,
  orderNumber: /^Ordernummer/,
  signOut: "Logga ut",
  signedOut: "Du är utloggad.",
};

/** The protocol the page's document came over ("h2" for HTTP/2), as the browser reports it. */
const documentProtocol = (page: Page) =>
  page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).nextHopProtocol);

/** Opens `path` and returns nginx's word on its cache (X-Cache-Status). */
async function cacheStatusOf(page: Page, path: string): Promise<string | null> {
  const response = await page.goto(path);
  if (!response?.ok()) throw new Error(`${path} answered ${response?.status()}`);
  return response.headers()["x-cache-status"] ?? null;
}

test.describe("as deployed: two servers, one cache in Redis, nginx over HTTPS", { tag: "@sv-desktop" }, () => {
  // One worker starts the servers and nginx once for both tests.
  test.describe.configure({ mode: "serial" });
  let servers: Server[] = [];
  let nginx: RunningNginx | undefined;
  let browser: Browser | undefined;
  const secret = randomBytes(33).toString("base64url");

  test.beforeAll(async () => {
    test.skip(!nginxAvailable(), `needs nginx: ${NGINX_PACKAGES} (.ci/run does)`);
    test.skip(!process.env.DATABASE_URL, "needs the journeys' PostgreSQL database (run with TEST_DATABASE_URL)");
    test.skip(!redisUrl || !(await redisAnswers(redisUrl)), "needs Redis at TEST_REDIS_URL (.ci/run sets it)");
    test.setTimeout(120_000);
    // Pages an earlier run of this build kept in Redis belong to another database.
    await forgetCachedPages(redisUrl);
    const ports = await pickNginxPorts();
    const env = serverEnvironment({
      siteUrl: `https://localhost:${ports.tls}`,
      databaseUrl: process.env.DATABASE_URL!,
      authSecret: secret,
      // The journeys' own server sends the outbox (into the demo mailbox), as a deployment's
      // worker would; these two only queue.
      extra: { REDIS_URL: redisUrl, EMAIL_SENDER: "worker" },
    });
    for (let i = 0; i < 2; i++) servers.push(await startNextServer(env));
    nginx = await startNginx(
      servers.map((server) => server.baseUrl),
      "deployed",
      ports,
    );
    // The browser trusts this run's certificate as it would a real one (not "ignore every
    // certificate error"), so the page is a secure context as in production.
    browser = await chromium.launch({
      executablePath,
      args: [...chromiumArgs, `--ignore-certificate-errors-spki-list=${spkiSha256(nginx.certificate)}`],
    });
  });

  test.afterAll(async () => {
    await browser?.close();
    await nginx?.stop();
    await Promise.all(servers.map((server) => server.stop()));
    servers = [];
    if (redisUrl && (await redisAnswers(redisUrl))) await forgetCachedPages(redisUrl);
  });

  async function buyerContext(): Promise<BrowserContext> {
    const context = await browser!.newContext({
      ...visitorOptions("sv", "desktop"),
      baseURL: nginx!.tlsUrl,
      extraHTTPHeaders: { "accept-language": "sv-SE,sv;q=0.9" },
    });
    await dismissLanguageHint(context);
    return context;
  }

  test("a buyer buys and signs in over HTTPS with HTTP/2, with Secure cookies, and is never served a cached page while signed in", async ({
    serverDatabase,
  }) => {
    test.setTimeout(180_000);
    const stamp = `https-${Date.now()}`;
    const { slug } = await journeyEvent(serverDatabase, { stamp, capacity: 20, sold: 0, refundable: false });
    const email = `https.${Date.now()}@example.se`;
    const context = await buyerContext();
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await page.goto(`/events/${slug}`);
    expect(await documentProtocol(page)).toBe("h2");
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    await page.getByLabel(words.quantity).selectOption("2");
    await page.getByRole("button", { name: checkoutWords.sv.continue }).click();
    await page.waitForURL(/\/checkout\?/);
    await fillCheckout(page, "sv", { email });
    await page.getByRole("button", { name: checkoutWords.sv.buy }).click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);
    const orderNumber = (await page.getByText(words.orderNumber).first().textContent())?.match(/[0-9A-Z]{8}/)?.[0];
    expect(orderNumber).toBeDefined();
    expect(new URL(page.url()).origin).toBe(nginx!.tlsUrl);

    await signInWithEmailLink(page, "sv", email);
    const cookies = await context.cookies();
    const named = (name: string) => cookies.find((cookie) => cookie.name === name);
    expect(named(SECURE_SESSION_COOKIE)).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax" });
    expect(named(SESSION_COOKIE)).toBeUndefined();
    expect(named(SIGNED_IN_HINT_COOKIE)).toMatchObject({ secure: true, httpOnly: false });

    // The guest's order is the account's, and so are its tickets.
    await page.goto("/account/tickets");
    await expect(page.getByText(`Efter köpet ${stamp}`).first()).toBeVisible();
    await expect(page.getByText(orderNumber!).first()).toBeVisible();

    // Signed in, a public page always comes from the app (the account menu is on it), twice over.
    for (let i = 0; i < 2; i++) expect(await cacheStatusOf(page, `/events/${slug}`)).toBe("BYPASS");
    await page.getByRole("button", { name: signInWords.sv.accountMenu }).first().waitFor();

    await page.getByRole("button", { name: signInWords.sv.accountMenu }).first().click();
    await page.getByRole("menuitem", { name: words.signOut }).click();
    await page.waitForURL(/\/login\?notice=signed-out$/);
    await expect(page.getByRole("status").filter({ hasText: words.signedOut })).toBeVisible();
    const left = (await context.cookies()).map((cookie) => cookie.name);
    expect(left).not.toContain(SECURE_SESSION_COOKIE);
    expect(left).not.toContain(SIGNED_IN_HINT_COOKIE);

    // Signed out, the same page comes from nginx's cache again: fresh, or (when the copy kept
    // before signing in is older than its 5 seconds) the old copy while nginx fetches a new one.
    await cacheStatusOf(page, `/events/${slug}`);
    expect(["HIT", "STALE", "UPDATING"]).toContain(await cacheStatusOf(page, `/events/${slug}`));
    expect(errors).toEqual([]);
    // Every error nginx logged, but the harmless race of a cached copy replaced while it was read
    // (README, Performance: "too long header").
    const logged = nginx!
      .errors()
      .split("\n")
      .filter((line) => /\[(error|crit|alert|emerg)\]/.test(line) && !/has too long header/.test(line));
    expect(logged).toEqual([]);
    await context.close();
  });

  // Timed with the server to itself (@alone): three journeys' browsers on the same two cores
  // would measure them, not the cache.
  test(
    "an event changed through one server is fresh on the other within a second: one cache, in Redis",
    { tag: "@alone" },
    async ({ serverDatabase }) => {
      const stamp = `delad-${Date.now()}`;
      const { slug } = await journeyEvent(serverDatabase, { stamp, capacity: 20, sold: 0, refundable: false });
      const [a, b] = servers.map((server) => server.baseUrl);
      const title = async (base: string) => {
        const response = await fetch(`${base}/events/${slug}`);
        expect(response.status).toBe(200);
        return /Efter köpet delad-\d+(?: ändrat)?/.exec(await response.text())?.[0];
      };
      const before = `Efter köpet ${stamp}`;
      const after = `${before} ändrat`;
      expect([await title(a), await title(b)]).toEqual([before, before]);
      expect(await cachedKeyCount(redisUrl)).toBeGreaterThan(0);

      // Changed in the database alone: both still answer from the one cache.
      await serverDatabase.query(`UPDATE "Event" SET "title" = $2, "updatedAt" = now() WHERE "slug" = $1`, [slug, after]);
      expect([await title(a), await title(b)]).toEqual([before, before]);

      const { body, signature } = signRevalidation([eventTag(slug)], secret);
      const forged = await fetch(`${a}${REVALIDATE_PATH}`, { method: "POST", body, headers: { [SIGNATURE_HEADER]: "0".repeat(64) } });
      expect(forged.status).toBe(401);
      expect(await title(b)).toBe(before);

      const told = performance.now();
      const accepted = await fetch(`${a}${REVALIDATE_PATH}`, { method: "POST", body, headers: { [SIGNATURE_HEADER]: signature } });
      expect(accepted.ok).toBe(true);
      let seen: string | undefined;
      let elapsed = 0;
      for (;;) {
        seen = await title(b);
        elapsed = performance.now() - told;
        if (seen === after || elapsed > FRESH_WITHIN_MS) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(seen).toBe(after);
      expect(elapsed).toBeLessThanOrEqual(FRESH_WITHIN_MS);
    },
  );
});
