// On the phone without signal: a signed-in buyer's tickets for upcoming events, with their QR
// codes, open from the service worker's cache, the ones opened before and the ones never opened
// on this phone (a friend's ticket of the same order, in the door view); any other page shows
// the offline page in the visitor's language; signing out removes the kept tickets. And the hint
// to add the site to the home screen, on My tickets and a ticket page, until answered once.
import type { Page } from "@playwright/test";
import { localizePath } from "../../lib/i18n/paths";
import { expectNoAxeViolations } from "./axe";
import { baseUrl, collectPageErrors, type Locale } from "./browser";
import { expect, test } from "./fixtures";
import { buyAsGuest, linkInNewestEmail, signInWithEmailLink } from "./journey";

/** Buys a ticket as a guest and signs in with the welcome email's link. */
async function signedInBuyer(page: Page, email: string) {
  await buyAsGuest(page, "sv", { name: "Märta Offline", email });
  const welcome = await linkInNewestEmail(page, email, /^Välkommen till Biljett/, "Välj ett lösenord");
  await page.goto(welcome);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL(/\/account\/password/);
}

/** Waits until this page is controlled by an activated service worker, reloading once if needed. */
async function waitForServiceWorker(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload();
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
}

/** Waits until the page itself and every script and stylesheet it loaded are in the worker's caches. */
async function waitUntilCached(page: Page, path: string) {
  // Polled from here: waitForFunction would take the predicate's promise itself as truthy.
  for (const started = Date.now(); Date.now() - started < 15_000; await page.waitForTimeout(250)) {
    if (await isCached(page, path)) return;
  }
  throw new Error(`${path} was not kept for offline use within 15 s`);
}

function isCached(page: Page, path: string): Promise<boolean> {
  return page.evaluate(async (pagePath) => {
    if (!(await caches.match(pagePath))) return false;
    const assets = [
      ...Array.from(document.querySelectorAll<HTMLScriptElement>("script[src]"), (script) => script.src),
      ...Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'), (link) => link.href),
    ].filter((url) => new URL(url).pathname.startsWith("/_next/static/"));
    const found = await Promise.all(assets.map((url) => caches.match(url)));
    return found.every(Boolean);
  }, path);
}

test.describe("tickets on a phone without a network", { tag: "@sv-phone" }, () => {
  test("shows an opened ticket offline, the offline page for the rest, and forgets the ticket on sign-out", async ({ page, context }) => {
    const errors = collectPageErrors(page);
    const email = `marta.offline.${Date.now()}@example.se`;

    await signedInBuyer(page, email);

    // The JSON API answers the signed-in browser by its session cookie.
    // A fixed worker must reach phones at once: sw.js is never served from a cache.
    const worker = await page.request.get("/sw.js");
    expect(worker.headers()["cache-control"]).toMatch(/no-cache/);
    const api = await page.request.get("/api/v1/me/tickets");
    expect(api.status()).toBe(200);
    expect(api.headers()["cache-control"]).toBe("private, no-store");
    const { orders } = (await api.json()) as { orders: { tickets: { code: string }[] }[] };
    const code = orders[0].tickets[0].code;
    const ticketPath = `/account/tickets/${code}`;

    await page.goto("/account/tickets");
    await waitForServiceWorker(page);
    // Opened as a buyer would: a link inside the app, which loads no whole page.
    await page.getByRole("link", { name: new RegExp(`^Visa biljetten ${code}`) }).click();
    await page.waitForURL(new RegExp(`${ticketPath}$`));
    await page.getByRole("img", { name: new RegExp(`QR-kod för biljett ${code}`) }).waitFor();
    await waitUntilCached(page, ticketPath);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole("img", { name: new RegExp(`QR-kod för biljett ${code}`) }).waitFor();
    expect(await page.getByText(code, { exact: true }).first().isVisible()).toBe(true);
    const qrSvg = page.locator('[role="img"] svg');
    expect(await qrSvg.count()).toBeGreaterThan(0);
    // The door view was never opened here: the worker kept it anyway, with the QR code.
    await page.goto(`${ticketPath}?view=door`);
    await page.getByRole("img", { name: new RegExp(`QR-kod för biljett ${code}`) }).waitFor();

    // Any other page: the offline page, in Swedish only, its logo kept since the worker came.
    await page.goto("/events");
    await page.getByRole("heading", { name: "Du är inte uppkopplad" }).waitFor();
    expect(await page.getByRole("heading", { name: "You are offline" }).count()).toBe(0);
    expect(await page.locator("img").evaluate((logo: HTMLImageElement) => logo.complete && logo.naturalWidth)).toBe(192);

    // Back online the ticket still opens, from the network; then sign out.
    await context.setOffline(false);
    await page.goto(ticketPath);
    await page.getByRole("button", { name: /^Kontomeny för/ }).click();
    await page.getByRole("menuitem", { name: "Logga ut" }).click();
    await page.getByRole("link", { name: "Logga in" }).first().waitFor();

    // Clear-Site-Data took the kept ticket along with the old worker; the new one keeps nothing personal.
    await waitForServiceWorker(page);
    expect(await page.evaluate((path) => caches.match(path).then(Boolean), ticketPath)).toBe(false);
    await context.setOffline(true);
    await page.goto(ticketPath);
    await page.getByRole("heading", { name: "Du är inte uppkopplad" }).waitFor();
    expect(await page.getByText(code, { exact: true }).count()).toBe(0);

    expect(errors).toEqual([]);
  });
});

test.describe("a shared phone", { tag: "@sv-phone" }, () => {
  test("drops the kept tickets when someone else signs in without signing out first", async ({ page, context }) => {
    const errors = collectPageErrors(page);
    const email = `first.owner.${Date.now()}@example.se`;
    await signedInBuyer(page, email);

    await page.goto("/account/tickets");
    await waitForServiceWorker(page);
    await waitUntilCached(page, "/account/tickets");

    // Landing on the home page, not on My tickets (where signing in goes by default), whose copy
    // for the new owner would be kept at the same address.
    await signInWithEmailLink(page, "sv", `next.owner.${Date.now()}@example.se`, { from: "/login?callbackUrl=/" });
    for (const started = Date.now(); await isCached(page, "/account/tickets"); await page.waitForTimeout(250)) {
      if (Date.now() - started > 15_000) throw new Error("the first owner's tickets were not dropped");
    }
    await context.setOffline(true);
    await page.goto("/account/tickets");
    await page.getByRole("heading", { name: "Du är inte uppkopplad" }).waitFor();

    expect(errors).toEqual([]);
  });
});

test.describe("personal access tokens for a mobile client", { tag: "@sv-phone" }, () => {
  test("creates a token shown once, reads the tickets with it, and revokes it at once", async ({ page, context, newContext }) => {
    const errors = collectPageErrors(page);
    await signedInBuyer(page, `tage.token.${Date.now()}@example.se`);

    await page.goto("/account/tokens");
    await page.getByRole("heading", { name: "Personliga åtkomstnycklar" }).waitFor();
    await page.getByRole("button", { name: "Skapa nyckeln" }).click();
    await page.getByText("Ge nyckeln ett namn.").waitFor();
    await page.getByLabel(/^Namn/).fill("Mobilen");
    await page.getByRole("button", { name: "Skapa nyckeln" }).click();
    await page.getByText("Nyckeln ”Mobilen” är skapad.").waitFor();
    const token = await page.getByLabel("Din nya nyckel").inputValue();
    expect(token).toMatch(/^bt_[A-Za-z0-9_-]{43}$/);
    await page.getByRole("button", { name: "Återkalla nyckeln Mobilen" }).waitFor();

    // Without any cookie, the token alone is enough; a made-up one is not.
    const bearer = (value: string) => fetch(`${baseUrl}/api/v1/me/tickets`, { headers: { Authorization: `Bearer ${value}` } });
    const ok = await bearer(token);
    expect(ok.status).toBe(200);
    const { orders } = (await ok.json()) as { orders: { tickets: { code: string }[] }[] };
    expect(orders[0].tickets.length).toBeGreaterThan(0);
    const one = await fetch(`${baseUrl}/api/v1/me/tickets/${orders[0].tickets[0].code}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(one.status).toBe(200);
    const refused = await fetch(`${baseUrl}/api/v1/me/tickets`);
    expect([refused.status, refused.headers.get("www-authenticate")?.startsWith("Bearer")]).toEqual([401, true]);

    // Shown once: after a reload only the name and prefix are left.
    await page.reload();
    expect(await page.getByLabel("Din nya nyckel").count()).toBe(0);
    await page.getByText(`Börjar med ${token.slice(0, 9)}`).waitFor();
    expect(await page.content()).not.toContain(token);

    await page.getByRole("button", { name: "Återkalla nyckeln Mobilen" }).click();
    await page.getByText("Nyckeln är återkallad. Den fungerar inte längre.").waitFor();
    expect((await bearer(token)).status).toBe(401);

    // The same page without JavaScript: the form posts, the new token is shown, and revokes.
    const plain = await newContext({ javaScript: false });
    await plain.addCookies(await context.cookies());
    const plainPage = await plain.newPage();
    await plainPage.goto("/account/tokens");
    await plainPage.getByLabel(/^Namn/).fill("Skriptet");
    await plainPage.getByRole("button", { name: "Skapa nyckeln" }).click();
    await plainPage.getByText("Nyckeln ”Skriptet” är skapad.").waitFor();
    const second = await plainPage.getByLabel("Din nya nyckel").inputValue();
    expect((await bearer(second)).status).toBe(200);
    await plainPage.getByRole("button", { name: "Återkalla nyckeln Skriptet" }).click();
    await plainPage.getByText("Nyckeln är återkallad. Den fungerar inte längre.").waitFor();
    expect((await bearer(second)).status).toBe(401);
    await plain.close();

    expect(errors).toEqual([]);
  });
});

/** Buys `quantity` tickets in one order as a guest in the visitor's language, signs in with a link, and reads the codes from the API. */
async function signedInHolder(page: Page, lang: Locale, email: string, quantity: number): Promise<string[]> {
  await buyAsGuest(page, lang, { name: "Folke Vänner", email, quantity });
  // Landing on the home page rather than on My tickets: no ticket page is opened before the test means to.
  await signInWithEmailLink(page, lang, email, { from: "/login?callbackUrl=/" });
  const { orders } = (await (await page.request.get("/api/v1/me/tickets")).json()) as { orders: { tickets: { code: string }[] }[] };
  return orders.flatMap((order) => order.tickets.map((ticket) => ticket.code));
}

const words = {
  sv: {
    qr: "QR-kod för biljett",
    offline: "Du är inte uppkopplad",
    otherOffline: "You are offline",
    closeDoor: "Stäng dörrläget",
    add: "Lägg till på hemskärmen",
    no: "Nej tack",
    ok: "Okej",
    steps: /Dela-knappen/,
  },
  en: {
    qr: "QR code of ticket",
    offline: "You are offline",
    otherOffline: "Du är inte uppkopplad",
    closeDoor: "Close door view",
    add: "Add to home screen",
    no: "No thanks",
    ok: "Got it",
    steps: /Share button/,
  },
};

test.describe("every upcoming ticket on a phone without a network", { tag: ["@sv-phone", "@en-phone"] }, () => {
  test("opens offline, in the door view, a friend's ticket never opened on this phone", async ({ page, context, lang }) => {
    const errors = collectPageErrors(page);
    const w = words[lang];
    const [mine, friends] = await signedInHolder(page, lang, `folke.offline.${Date.now()}@example.se`, 2);
    const friendsDoor = localizePath(`/account/tickets/${friends}?view=door`, lang);

    // Only a page that is not about tickets: the worker learns who is signed in, and keeps them all.
    await page.goto("/events");
    await waitForServiceWorker(page);
    for (
      const started = Date.now();
      !(await page.evaluate((path) => caches.match(path).then(Boolean), friendsDoor));
      await page.waitForTimeout(250)
    ) {
      if (Date.now() - started > 20_000) throw new Error(`${friendsDoor} was not kept for offline use within 20 s`);
    }
    await waitUntilCached(page, localizePath("/account/tickets", lang));

    await context.setOffline(true);
    await page.goto(`/account/tickets/${friends}?view=door`);
    await page.getByRole("img", { name: new RegExp(`${w.qr} ${friends}`) }).waitFor();
    expect(await page.getByText(friends, { exact: true }).first().isVisible()).toBe(true);
    // The door view itself, not the plain page standing in for it.
    await page.getByRole("link", { name: w.closeDoor }).waitFor();
    await page.goto(`/account/tickets/${mine}`);
    await page.getByRole("img", { name: new RegExp(`${w.qr} ${mine}`) }).waitFor();
    await page.goto("/account/tickets");
    await page.getByRole("heading", { level: 1, name: lang === "sv" ? "Mina biljetter" : "My tickets" }).waitFor();

    // Any other page not kept by the browser: the offline page in the visitor's language only,
    // logo included.
    await page.goto("/help");
    await page.getByRole("heading", { name: w.offline }).waitFor();
    expect(await page.getByRole("heading", { name: w.otherOffline }).count()).toBe(0);
    expect(await page.locator("img").evaluate((logo: HTMLImageElement) => logo.complete && logo.naturalWidth)).toBe(192);
    await context.setOffline(false);

    expect(errors).toEqual([]);
  });
});

/** Does what a browser does once the site can be installed, when the page's scripts listen; true when they took it. */
function offerInstall(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const event = new Event("beforeinstallprompt", { cancelable: true });
    const prompted = window as unknown as { installPrompted?: number };
    Object.assign(event, {
      prompt: async () => void (prompted.installPrompted = (prompted.installPrompted ?? 0) + 1),
      userChoice: Promise.resolve({ outcome: "accepted", platform: "web" }),
    });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
}

async function offerInstallOnceListening(page: Page) {
  await expect.poll(() => offerInstall(page), { timeout: 10_000 }).toBe(true);
}

/** The hint is not there, a moment after the page's scripts took the browser's offer. */
async function expectNoHint(hint: ReturnType<Page["getByRole"]>) {
  await hint.page().waitForTimeout(300);
  await expect(hint).toHaveCount(0);
}

const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

test.describe("adding the site to the home screen", { tag: ["@sv-phone", "@en-phone"] }, () => {
  test("offers the browser's install prompt on My tickets, Safari's steps on an iPhone, and stays away once answered", async ({
    page,
    context,
    lang,
    newContext,
  }) => {
    const errors = collectPageErrors(page);
    const w = words[lang];
    const [code] = await signedInHolder(page, lang, `hedda.home.${Date.now()}@example.se`, 1);
    const hint = (on: Page) => on.getByRole("complementary", { name: w.add });

    // Where the browser can install the site: its own prompt, behind our button.
    await page.goto("/account/tickets");
    await offerInstallOnceListening(page);
    await hint(page).getByRole("button", { name: w.add }).waitFor();
    await expectNoAxeViolations(page, "My tickets with the install hint");
    await hint(page).getByRole("button", { name: w.add }).click();
    await expect(hint(page)).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { installPrompted?: number }).installPrompted)).toBe(1);
    await page.reload();
    await offerInstallOnceListening(page);
    await expectNoHint(hint(page));

    // Closed without installing: gone after a reload too, and on a ticket page.
    await page.evaluate(() => localStorage.removeItem("biljett.install-hint"));
    await page.reload();
    await offerInstallOnceListening(page);
    await hint(page).getByRole("button", { name: w.no }).click();
    await expect(hint(page)).toHaveCount(0);
    await page.reload();
    await offerInstallOnceListening(page);
    await expectNoHint(hint(page));
    await page.goto(`/account/tickets/${code}`);
    await offerInstallOnceListening(page);
    await expectNoHint(hint(page));

    // Safari on an iPhone has no prompt: the steps, on a ticket page; none inside the installed app.
    const iphone = await newContext();
    await iphone.addCookies(await context.cookies());
    await iphone.addInitScript((userAgent) => {
      Object.defineProperty(Navigator.prototype, "userAgent", { get: () => userAgent });
      if (location.search.includes("installed")) Object.defineProperty(Navigator.prototype, "standalone", { get: () => true });
    }, IPHONE_SAFARI);
    const safari = await iphone.newPage();
    const ticketPage = localizePath(`/account/tickets/${code}`, lang);
    await safari.goto(`${ticketPage}?installed=1`);
    // Once the page's scripts listen, a prompt would show the hint, unless the app is installed.
    await offerInstallOnceListening(safari);
    await expectNoHint(hint(safari));
    await safari.goto(ticketPage);
    await expect(hint(safari)).toContainText(w.steps);
    await expectNoAxeViolations(safari, "a ticket page with Safari's steps");
    await hint(safari).getByRole("button", { name: w.ok }).click();
    await expect(hint(safari)).toHaveCount(0);
    await safari.reload();
    await offerInstallOnceListening(safari);
    await expectNoHint(hint(safari));

    expect(errors).toEqual([]);
  });
});
