// A buyer who said yes to an organizer's news signs in with an emailed link, withdraws the
// consent, downloads their data and deletes the account: Swedish on a desktop, English on a phone.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations } from "./axe";
import { collectPageErrors, launchBrowser, newContext, type Viewport } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

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
    optIn: /får mejla mig om kommande evenemang/,
    buy: "Köp biljetterna",
    loginEmail: /^E-postadress/,
    askForLink: "Mejla mig en inloggningslänk i stället",
    linkSubject: /^Din inloggningslänk till Biljett/,
    linkButton: "Logga in",
    privacyLink: /^Integritet och samtycken/,
    source: /^Vid köpet av biljetter till Beethovens nionde symfoni, order [0-9A-Z]{8}$/,
    withdraw: "Återkalla samtycket för Nordljus Konserter",
    withdrawn: "Klart. Arrangören får inte längre mejla dig nyheter.",
    history: "Återkallade samtycken",
    download: "Ladda ner mina uppgifter",
    deleteLink: "Ta bort mitt konto",
    confirmEmail: /^Skriv din e-postadress för att bekräfta/,
    mismatch: /Det är inte adressen till ditt konto/,
    deleteButton: "Ta bort mitt konto för alltid",
    deleted: "Ditt konto är borttaget",
    kept: /bokföringslagen/,
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
    optIn: /may email me about coming events/,
    buy: "Buy the tickets",
    loginEmail: /^Email address/,
    askForLink: "Email me a sign-in link instead",
    linkSubject: /^Your sign-in link for Biljett/,
    linkButton: "Sign in",
    privacyLink: /^Privacy and consent/,
    source: /^When buying tickets for Beethovens nionde symfoni, order [0-9A-Z]{8}$/,
    withdraw: "Withdraw consent for Nordljus Konserter",
    withdrawn: "Done. The organizer may no longer email you news.",
    history: "Withdrawn consents",
    download: "Download my data",
    deleteLink: "Delete my account",
    confirmEmail: /^Type your email address to confirm/,
    mismatch: /That is not your account's address/,
    deleteButton: "Delete my account for good",
    deleted: "Your account is deleted",
    kept: /bookkeeping law/,
  },
} as const;

type Text = (typeof text)["sv" | "en"];

async function buyWithOptIn(page: Page, t: Text, email: string): Promise<string> {
  await page.goto("/events?q=Beethoven");
  await page.getByRole("link", { name: "Beethovens nionde symfoni" }).first().click();
  await page.getByLabel(t.quantity).selectOption("1");
  await page.getByRole("button", { name: t.continue }).click();
  await page.waitForURL(/\/checkout\?/);
  await page.getByLabel(t.name).fill("Greta Gustafsson");
  await page.getByLabel(t.email).fill(email);
  await page.getByLabel(t.emailAgain).fill(email);
  await page.getByLabel(t.cardNumber).fill("4242 4242 4242 4242");
  await page.getByLabel(t.expiry).fill("12/34");
  await page.getByLabel(t.cvc).fill("123");
  await page.getByLabel(t.optIn).check();
  await page.getByLabel(t.terms).check();
  await page.getByRole("button", { name: t.buy }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);
  return page.url();
}

/** Opens the newest email to `email` whose subject matches, and returns the href of a link in it. */
async function linkFromMailbox(page: Page, email: string, subject: RegExp, linkName: string): Promise<string> {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  for (let tries = 0; (await page.getByRole("link", { name: subject }).count()) === 0 && tries < 30; tries++) {
    await page.waitForTimeout(500);
    await page.reload();
  }
  await page.getByRole("link", { name: subject }).first().click();
  const href = await page.frameLocator("iframe").getByRole("link", { name: linkName, exact: true }).first().getAttribute("href");
  if (!href) throw new Error(`no "${linkName}" link in the email`);
  return href;
}

async function signInWithLink(page: Page, t: Text, email: string) {
  await page.goto("/login");
  await page.getByLabel(t.loginEmail).fill(email);
  await page.getByRole("button", { name: t.askForLink }).click();
  await page.waitForURL(/\/login\/check-email/);
  const link = await linkFromMailbox(page, email, t.linkSubject, t.linkButton);
  await page.goto(link);
  await page.getByRole("button", { name: t.linkButton }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

const journeys: Array<{ locale: "sv" | "en"; viewport: Viewport }> = [
  { locale: "sv", viewport: "desktop" },
  { locale: "en", viewport: "phone" },
];

describe.each(journeys)("privacy and deleting the account ($locale, $viewport)", ({ locale, viewport }) => {
  it("withdraws a consent, downloads the data and deletes the account", async () => {
    const t = text[locale];
    const context = await newContext(browser, { locale, viewport });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const email = `greta.privacy.${locale}.${Date.now()}@example.se`;

    const orderUrl = await buyWithOptIn(page, t, email);
    await signInWithLink(page, t, email);

    await page.goto("/account");
    await page.getByRole("link", { name: t.privacyLink }).click();
    await page.waitForURL(/\/account\/privacy$/);
    await page.getByText("Nordljus Konserter", { exact: true }).waitFor();
    await page.getByText(t.source).waitFor();

    // Withdrawing takes effect at once: the consent moves to the history.
    await page.getByRole("button", { name: t.withdraw }).click();
    await page.getByRole("status").filter({ hasText: t.withdrawn }).waitFor();
    expect(await page.getByRole("button", { name: t.withdraw }).count()).toBe(0);
    await page.getByRole("heading", { name: t.history }).waitFor();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t.download }).click()]);
    expect(download.suggestedFilename()).toMatch(/^biljett-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync((await download.path())!, "utf8"));
    expect(data.profile.email).toBe(email);
    expect(data.orders).toHaveLength(1);
    expect(data.orders[0].tickets).toHaveLength(1);
    expect(data.marketingConsents).toHaveLength(1);
    expect(data.marketingConsents[0].withdrawnAt).not.toBeNull();
    expect(data.sessions.active).toBe(1);
    const response = await page.request.get("/account/privacy/export");
    expect(response.headers()["cache-control"]).toBe("private, no-store");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="biljett-data-/);

    await page.getByRole("link", { name: t.deleteLink }).click();
    await page.waitForURL(/\/account\/privacy\/delete$/);
    await page.getByLabel(t.confirmEmail).fill("someone.else@example.se");
    await page.getByRole("button", { name: t.deleteButton }).click();
    await page.getByText(t.mismatch).waitFor();
    expect(await page.getByLabel(t.confirmEmail).inputValue()).toBe("someone.else@example.se");
    await page.getByLabel(t.confirmEmail).fill(email);
    await page.getByRole("button", { name: t.deleteButton }).click();
    await page.waitForURL(/\/account\/deleted$/);
    await page.getByRole("heading", { level: 1, name: t.deleted }).waitFor();
    await page.getByText(t.kept).first().waitFor();
    await expectNoAxeViolations(page, "/account/deleted");

    // Signed out: no session cookie, and the account pages ask for a sign-in.
    expect((await context.cookies()).filter((cookie) => cookie.name.endsWith("authjs.session-token"))).toEqual([]);
    await page.goto("/account/privacy");
    await page.waitForURL(/\/login/);
    // The order and its tickets are still there behind the confirmation's link.
    expect((await page.goto(orderUrl))?.status()).toBe(200);

    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("privacy without JavaScript (sv, desktop)", () => {
  it("withdraws with the plain form and deletes after a refused confirmation", async () => {
    const t = text.sv;
    const withScript = await newContext(browser, { locale: "sv" });
    const setup = await withScript.newPage();
    const email = `greta.nojs.${Date.now()}@example.se`;
    await buyWithOptIn(setup, t, email);
    await signInWithLink(setup, t, email);
    const cookies = await withScript.cookies();
    await withScript.close();

    const context = await newContext(browser, { locale: "sv", javaScript: false });
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto("/account/privacy");
    await page.getByRole("button", { name: t.withdraw }).click();
    await page.getByRole("status").filter({ hasText: t.withdrawn }).waitFor();

    await page.goto("/account/privacy/delete");
    await page.getByLabel(t.confirmEmail).fill("fel@example.se");
    await page.getByRole("button", { name: t.deleteButton }).click();
    await page.getByText(t.mismatch).waitFor();
    expect(await page.getByLabel(t.confirmEmail).inputValue()).toBe("fel@example.se");
    await page.getByLabel(t.confirmEmail).fill(email.toUpperCase());
    await page.getByRole("button", { name: t.deleteButton }).click();
    await page.getByRole("heading", { level: 1, name: t.deleted }).waitFor();
    expect((await context.cookies()).filter((cookie) => cookie.name.endsWith("authjs.session-token"))).toEqual([]);
    await context.close();
  });
});
