// Accessibility in the browser: axe (WCAG 2.1 A/AA) on every page a buyer meets, in Swedish and
// English, on a desktop and a phone: the public pages, the checkout with its errors showing,
// the order confirmation after a real test purchase, every account page after signing in with a
// link from the mailbox (a ticket and its door view included), and every page of the organizer
// area for a seeded owner. Then a guest checkout done with the keyboard alone.
import type { BrowserContext, Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { collectPageErrors, visitorHeaders, visitorOptions, type Device } from "./browser";
import { tourAfterPurchase } from "./after-purchase";
import { expect, speakProjectLanguage, test } from "./fixtures";
import { buyAsGuest, checkoutWords, EVENT_SLUG, signInWithEmailLink, type Locale } from "./journey";
import { formControlsOutOfReach } from "./keyboard";

const text = {
  sv: { showTicket: /^Visa biljetten \w/ },
  en: { showTicket: /^Show ticket \w/ },
} as const;

const publicPages = [
  "/",
  "/events",
  `/events/${EVENT_SLUG}`,
  `/events/${EVENT_SLUG}/checkout`,
  "/login",
  "/login/forgot",
  "/help",
  "/payments",
];
const accountPages = [
  "/account",
  "/account/tickets",
  "/account/liked",
  "/account/profile",
  "/account/public-profile",
  "/account/email",
  "/account/password",
  "/account/privacy",
  "/account/privacy/delete",
  "/account/tokens",
  "/account/claim",
];

/** The seeded owner whose organizer the organizer pages are checked with (no other journey signs in as them). */
const ORGANIZER_OWNER = "erik.lundmark@example.com";

/**
 * Visits each path and runs axe, and with `keyboard` also checks that Tab reaches every control
 * of every form on it; reports every page's problems together, not just the first.
 */
async function checkPages(page: Page, paths: string[], { keyboard = false }: { keyboard?: boolean } = {}): Promise<void> {
  const problems: string[] = [];
  for (const target of paths) {
    const response = await page.goto(target);
    if (!response || response.status() >= 400) {
      problems.push(`${target} answered ${response?.status()}`);
      continue;
    }
    // A quiet network when it comes; on phones a page can keep one request going (the service
    // worker's ticket refresh), so after 5 s the page as loaded is checked. (Session 10 note.)
    await page.waitForLoadState("load");
    await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
    try {
      await expectNoAxeViolations(page, target);
    } catch (error) {
      problems.push((error as Error).message);
    }
    if (keyboard) {
      const missed = await formControlsOutOfReach(page);
      if (missed.length > 0) problems.push(`Tab never reaches these form controls on ${target}:\n    ${missed.join("\n    ")}`);
    }
  }
  if (problems.length > 0) throw new Error(problems.join("\n\n"));
}

/** Signs in with an emailed link, running axe on the check-email and confirmation pages on the way. */
const signInWithLink = (page: Page, locale: Locale, email: string) =>
  signInWithEmailLink(page, locale, email, { onPage: (label) => expectNoAxeViolations(page, label) });

// Tab order is checked in Swedish on a desktop and in English on a phone (it is the same markup
// in every language; the phone has the collapsed menus).
const checksKeyboard = (locale: Locale, viewport: Device) =>
  (locale === "sv" && viewport === "desktop") || (locale === "en" && viewport === "phone");

// One buyer's visit, page after page: each test goes on from where the one before left off.
test.describe("accessibility", () => {
  test.describe.configure({ mode: "serial" });
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let email: string;

  test.beforeAll(async ({ browser, lang, device }, workerInfo) => {
    context = await browser.newContext({ ...visitorOptions(lang, device), extraHTTPHeaders: visitorHeaders(lang, workerInfo.workerIndex) });
    page = await context.newPage();
    speakProjectLanguage(page, lang);
    errors = collectPageErrors(page);
    email = `ada.a11y.${lang}.${device}.${Date.now()}@example.se`;
  });
  test.afterAll(async () => {
    await context?.close();
  });

  test("has no axe violations on the public pages", async ({ lang: locale, device: viewport }) => {
    await checkPages(page, publicPages, { keyboard: checksKeyboard(locale, viewport) });
  });

  test("has no axe violations on the checkout showing its errors", async ({ lang: locale }) => {
    await page.goto(`/events/${EVENT_SLUG}/checkout`);
    await page.getByRole("button", { name: checkoutWords[locale].buy }).click();
    await page.getByRole("alert").first().waitFor();
    await expectNoAxeViolations(page, "checkout with errors");
  });

  test("has no axe violations on the order confirmation after a purchase", async ({ lang: locale }) => {
    await buyAsGuest(page, locale, { email });
    await page.waitForLoadState("networkidle");
    await expectNoAxeViolations(page, "order confirmation");
  });

  // The account and organizer pages are checked for two visitors that between them cover both
  // languages and both screens (see journeyVisitors in browser.ts); the buyer's pages for all four.
  test(
    "has no axe violations on the account pages once signed in",
    { tag: ["@sv-phone", "@en-desktop"] },
    async ({ lang: locale, device: viewport }) => {
      await signInWithLink(page, locale, email);
      await checkPages(page, accountPages, { keyboard: checksKeyboard(locale, viewport) });
      expect(errors).toEqual([]);
    },
  );

  // Goes on signed in from the test before, so it runs for the same two visitors.
  test(
    "has no axe violations on a ticket, in the normal and the door view",
    { tag: ["@sv-phone", "@en-desktop"] },
    async ({ lang: locale }) => {
      const t = text[locale];
      await page.goto("/account/tickets");
      const href = await page.getByRole("link", { name: t.showTicket }).first().getAttribute("href");
      expect(href).toMatch(/^(?:\/en)?\/account\/tickets\/[A-Z0-9]+$/);
      await checkPages(page, [href!, `${href}?view=door`]);
      expect(errors).toEqual([]);
    },
  );
});

// The buyer's pages after a purchase, in every state the tour leaves them in: the order page's
// cancellation (refused, done), a passed-on ticket's page (held, passed on again), and a waiting
// list's join form (refused, joined), offer checkout and leave page (tests/e2e/after-purchase.ts).
test.describe("accessibility after a purchase", () => {
  test("has no axe violations on cancelling, a passed-on ticket and the waiting list", async ({
    page,
    newContext,
    serverDatabase: database,
    lang: locale,
    device: viewport,
  }) => {
    test.setTimeout(240_000);
    const errors = collectPageErrors(page);
    const mail = await (await newContext()).newPage();
    const keyboard = checksKeyboard(locale, viewport);
    const problems: string[] = [];
    await tourAfterPurchase({
      page,
      mail,
      database,
      locale,
      stamp: `a11y-${locale}-${viewport}-${Date.now()}`,
      check: async (label) => {
        await page.waitForLoadState("load");
        try {
          await expectNoAxeViolations(page, label);
        } catch (error) {
          problems.push((error as Error).message);
        }
        if (keyboard) {
          const missed = await formControlsOutOfReach(page);
          if (missed.length > 0) problems.push(`Tab never reaches these form controls on ${label}:\n    ${missed.join("\n    ")}`);
        }
      },
    });
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  });
});

test.describe("accessibility of the organizer area", { tag: ["@sv-desktop", "@en-phone"] }, () => {
  test("has no axe violations on any organizer page", async ({ page, lang: locale, device: viewport }) => {
    const errors = collectPageErrors(page);
    await signInWithLink(page, locale, ORGANIZER_OWNER);
    await page.goto("/organizer");
    await page.waitForURL(/\/organizer\/[0-9a-f-]{36}$/);
    const dashboard = new URL(page.url()).pathname;

    // The first event of the dashboard, and from its attendee list the first order.
    const eventHref = await page.locator(`a[href^="${dashboard}/events/"]:not([href$="/new"])`).first().getAttribute("href");
    expect(eventHref).toMatch(/\/events\/[0-9a-f-]{36}$/);
    await page.goto(`${eventHref}/attendees`);
    const orderHref = await page.locator(`a[href^="${dashboard}/orders/"]`).first().getAttribute("href");
    expect(orderHref).toMatch(/\/orders\/[0-9a-f-]{36}$/);

    await checkPages(
      page,
      [
        "/organizer",
        dashboard,
        `${dashboard}/events/new`,
        `${dashboard}/marketing`,
        eventHref!,
        `${eventHref}/edit`,
        `${eventHref}/attendees`,
        `${eventHref}/check-in`,
        `${eventHref}/messages`,
        orderHref!,
      ],
      { keyboard: checksKeyboard(locale, viewport) },
    );
    expect(errors).toEqual([]);
  });
});

test.describe("a guest checkout with the keyboard alone", { tag: "@sv-desktop" }, () => {
  /** Presses Tab until the element with this id has focus, as a keyboard user would. */
  async function tabTo(page: Page, id: string, limit = 60): Promise<void> {
    for (let presses = 0; presses < limit; presses++) {
      if ((await page.evaluate(() => document.activeElement?.id ?? "")) === id) return;
      await page.keyboard.press("Tab");
    }
    throw new Error(`Tab never reached #${id}`);
  }

  async function tabToButton(page: Page, name: string, limit = 60): Promise<void> {
    for (let presses = 0; presses < limit; presses++) {
      const focused = await page.evaluate(() => {
        const element = document.activeElement;
        return element?.tagName === "BUTTON" ? (element.textContent ?? "").trim() : "";
      });
      if (focused === name) return;
      await page.keyboard.press("Tab");
    }
    throw new Error(`Tab never reached the button "${name}"`);
  }

  test("chooses a ticket, fills the form, accepts the terms and buys, without a mouse", async ({ page }) => {
    const errors = collectPageErrors(page);
    const email = `keyboard.${Date.now()}@example.se`;

    await page.goto(`/events/${EVENT_SLUG}`);
    // The quantity select of the first ticket type: one step down chooses 1.
    const quantityId = await page.getByLabel(checkoutWords.sv.quantity).getAttribute("id");
    expect(quantityId).toBeTruthy();
    await tabTo(page, quantityId!);
    await page.keyboard.press("ArrowDown");
    expect(await page.getByLabel(checkoutWords.sv.quantity).inputValue()).toBe("1");
    await tabToButton(page, "Fortsätt");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/checkout\?/);

    const typeInto = async (id: string, value: string) => {
      await tabTo(page, id);
      await page.keyboard.type(value);
    };
    await typeInto("checkout-name", "Greta Gustafsson");
    await typeInto("checkout-email", email);
    await typeInto("checkout-email-confirm", email);
    await typeInto("checkout-card-number", "4242 4242 4242 4242");
    await typeInto("checkout-card-expiry", "12/34");
    await typeInto("checkout-card-cvc", "123");
    await tabTo(page, "checkout-terms");
    await page.keyboard.press("Space");
    expect(await page.getByLabel(checkoutWords.sv.terms).isChecked()).toBe(true);
    await tabToButton(page, "Köp biljetterna");
    await page.keyboard.press("Enter");

    await page.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);
    await page.getByRole("heading", { name: /Tack, Greta Gustafsson!/ }).waitFor();
    expect(errors).toEqual([]);
  });
});
