// Accessibility in the browser: axe (WCAG 2.1 A/AA) on every page a buyer meets, in Swedish and
// English, on a desktop and a phone: the public pages, the checkout with its errors showing,
// the order confirmation after a real test purchase, every account page after signing in with a
// link from the mailbox (a ticket and its door view included), and every page of the organizer
// area for a seeded owner. Then a guest checkout done with the keyboard alone.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectNoAxeViolations } from "./axe";
import { formControlsOutOfReach } from "./keyboard";
import { collectPageErrors, launchBrowser, newContext, type Viewport } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const EVENT = "beethovens-nionde-symfoni";

const text = {
  sv: {
    quantity: /^Antal, Parkett/,
    continue: "Fortsätt",
    name: /^Namn\b/,
    email: /^E-postadress(?!en)/,
    emailAgain: /^E-postadressen en gång till/,
    cardNumber: "Kortnummer",
    expiry: "Giltigt till",
    cvc: "CVC",
    terms: /Jag godkänner/,
    buy: "Köp biljetterna",
    sendLink: "Mejla mig en inloggningslänk i stället",
    linkSubject: /^Din inloggningslänk till Biljett/,
    signIn: "Logga in",
    accountMenu: /^Kontomeny för/,
    showTicket: /^Visa biljetten \w/,
    attendeesTab: "Deltagare",
  },
  en: {
    quantity: /^Quantity, Parkett/,
    continue: "Continue",
    name: /^Name\b/,
    email: /^Email address(?! again)/,
    emailAgain: /^Email address again/,
    cardNumber: "Card number",
    expiry: "Expiry date",
    cvc: "CVC",
    terms: /I accept/,
    buy: "Buy the tickets",
    sendLink: "Email me a sign-in link instead",
    linkSubject: /^Your sign-in link for Biljett/,
    signIn: "Sign in",
    accountMenu: /^Account menu for/,
    showTicket: /^Show ticket \w/,
    attendeesTab: "Attendees",
  },
} as const;

type Texts = (typeof text)["sv" | "en"];

const publicPages = ["/", "/events", `/events/${EVENT}`, `/events/${EVENT}/checkout`, "/login", "/login/forgot", "/help", "/payments"];
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

// The email speaks the account's language, which for a seeded owner is Swedish whatever the browser's.
const LINK_SUBJECT = /^(Din inloggningslänk till Biljett|Your sign-in link for Biljett)/;
const EMAIL_SIGN_IN = /^(Logga in|Sign in)$/;

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
    await page.waitForLoadState("networkidle");
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

async function buyAsGuest(page: Page, t: Texts, email: string): Promise<void> {
  await page.goto(`/events/${EVENT}`);
  await page.getByLabel(t.quantity).selectOption("1");
  await page.getByRole("button", { name: t.continue }).click();
  await page.waitForURL(/\/checkout\?/);
  await page.getByLabel(t.name).fill("Greta Gustafsson");
  await page.getByLabel(t.email).fill(email);
  await page.getByLabel(t.emailAgain).fill(email);
  await page.getByLabel(t.cardNumber).fill("4242 4242 4242 4242");
  await page.getByLabel(t.expiry).fill("12/34");
  await page.getByLabel(t.cvc).fill("123");
  await page.getByLabel(t.terms).check();
  await page.getByRole("button", { name: t.buy }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);
}

async function signInWithLink(page: Page, t: Texts, email: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(t.email).fill(email);
  await page.getByRole("button", { name: t.sendLink }).click();
  await page.waitForURL(/\/login\/check-email/);
  await expectNoAxeViolations(page, "/login/check-email");
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  for (let tries = 0; (await page.getByRole("link", { name: LINK_SUBJECT }).count()) === 0 && tries < 30; tries++) {
    await page.waitForTimeout(500);
    await page.reload();
  }
  await page.getByRole("link", { name: LINK_SUBJECT }).first().click();
  const href = await page.frameLocator("iframe").getByRole("link", { name: EMAIL_SIGN_IN }).first().getAttribute("href");
  if (!href) throw new Error("no sign-in link in the email");
  await page.goto(href);
  await expectNoAxeViolations(page, "/login/confirm");
  await page.getByRole("button", { name: t.signIn }).click();
  await page.getByRole("button", { name: t.accountMenu }).first().waitFor();
}

// Tab order is checked in Swedish on a desktop and in English on a phone (it is the same markup
// in every language; the phone has the collapsed menus).
const combinations: Array<{ locale: "sv" | "en"; viewport: Viewport; keyboard: boolean }> = [
  { locale: "sv", viewport: "desktop", keyboard: true },
  { locale: "sv", viewport: "phone", keyboard: false },
  { locale: "en", viewport: "desktop", keyboard: false },
  { locale: "en", viewport: "phone", keyboard: true },
];

describe.each(combinations)("accessibility ($locale, $viewport)", ({ locale, viewport, keyboard }) => {
  const t = text[locale];
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const email = `ada.a11y.${locale}.${viewport}.${Date.now()}@example.se`;

  beforeAll(async () => {
    context = await newContext(browser, { locale, viewport });
    page = await context.newPage();
    errors = collectPageErrors(page);
  });
  afterAll(async () => {
    await context?.close();
  });

  it("has no axe violations on the public pages", async () => {
    await checkPages(page, publicPages, { keyboard });
  });

  it("has no axe violations on the checkout showing its errors", async () => {
    await page.goto(`/events/${EVENT}/checkout`);
    await page.getByRole("button", { name: t.buy }).click();
    await page.getByRole("alert").first().waitFor();
    await expectNoAxeViolations(page, "checkout with errors");
  });

  it("has no axe violations on the order confirmation after a purchase", async () => {
    await buyAsGuest(page, t, email);
    await page.waitForLoadState("networkidle");
    await expectNoAxeViolations(page, "order confirmation");
  });

  it("has no axe violations on the account pages once signed in", async () => {
    await signInWithLink(page, t, email);
    await checkPages(page, accountPages, { keyboard });
    expect(errors).toEqual([]);
  });

  it("has no axe violations on a ticket, in the normal and the door view", async () => {
    await page.goto("/account/tickets");
    const href = await page.getByRole("link", { name: t.showTicket }).first().getAttribute("href");
    expect(href).toMatch(/^\/account\/tickets\/[A-Z0-9]+$/);
    await checkPages(page, [href!, `${href}?view=door`]);
    expect(errors).toEqual([]);
  });
});

describe.each(combinations)("accessibility of the organizer area ($locale, $viewport)", ({ locale, viewport, keyboard }) => {
  const t = text[locale];

  it("has no axe violations on any organizer page", async () => {
    const context = await newContext(browser, { locale, viewport });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInWithLink(page, t, ORGANIZER_OWNER);
    await page.goto("/organizer");
    await page.waitForURL(/\/organizer\/[0-9a-f-]{36}$/);
    const dashboard = new URL(page.url()).pathname;

    // The first event of the dashboard, and from its attendee list the first order.
    const eventHref = await page.locator(`a[href^="${dashboard}/events/"]:not([href$="/new"])`).first().getAttribute("href");
    expect(eventHref).toMatch(/\/events\/[0-9a-f-]{36}$/);
    await page.goto(`${eventHref}/attendees`);
    const orderHref = await page.locator(`a[href^="${dashboard}/orders/"]`).first().getAttribute("href");
    expect(orderHref).toMatch(/\/orders\/[0-9a-f-]{36}$/);

    await checkPages(page, [
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
    ], { keyboard });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("a guest checkout with the keyboard alone (sv, desktop)", () => {
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

  it("chooses a ticket, fills the form, accepts the terms and buys, without a mouse", async () => {
    const context = await newContext(browser, { locale: "sv" });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const email = `keyboard.${Date.now()}@example.se`;

    await page.goto(`/events/${EVENT}`);
    // The quantity select of the first ticket type: one step down chooses 1.
    const quantityId = await page.getByLabel(text.sv.quantity).getAttribute("id");
    expect(quantityId).toBeTruthy();
    await tabTo(page, quantityId!);
    await page.keyboard.press("ArrowDown");
    expect(await page.getByLabel(text.sv.quantity).inputValue()).toBe("1");
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
    expect(await page.getByLabel(text.sv.terms).isChecked()).toBe(true);
    await tabToButton(page, "Köp biljetterna");
    await page.keyboard.press("Enter");

    await page.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);
    await page.getByRole("heading", { name: /Tack, Greta Gustafsson!/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
