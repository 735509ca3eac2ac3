// A guest claims the account behind their purchase: opens the welcome email in the mailbox,
// sets a password, signs out, signs in with the password, signs out, and signs in with a link.
import type { Browser, Page } from "playwright-core";
import { collectPageErrors, launchBrowser, newContext } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function buyAsGuest(page: Page, email: string) {
  await page.goto("/events?q=Beethoven");
  await page.getByRole("link", { name: "Beethovens nionde symfoni" }).first().click();
  await page.getByLabel(/^Antal, Parkett/).selectOption("1");
  await page.getByRole("button", { name: "Fortsätt" }).click();
  await page.waitForURL(/\/checkout\?/);
  await page.getByLabel(/^Namn\b/).fill("Greta Gustafsson");
  await page.getByLabel(/^E-postadress(?!en)/).fill(email);
  await page.getByLabel(/^E-postadressen en gång till/).fill(email);
  await page.getByLabel("Kortnummer").fill("4242 4242 4242 4242");
  await page.getByLabel("Giltigt till").fill("12/34");
  await page.getByLabel("CVC").fill("123");
  await page.getByLabel(/Jag godkänner/).check();
  await page.getByRole("button", { name: "Köp biljetterna" }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);
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

async function signOut(page: Page) {
  await page.getByRole("button", { name: /^Kontomeny för/ }).click();
  await page.getByRole("menuitem", { name: "Logga ut" }).click();
  await page.getByRole("link", { name: "Logga in" }).first().waitFor();
}

describe("claiming the account behind a guest purchase (sv, desktop)", () => {
  it("sets a password from the welcome email, then signs in with it and with a link", async () => {
    const context = await newContext(browser, { locale: "sv" });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const email = `greta.claim.${Date.now()}@example.se`;
    const password = "vintern i Umeå är lång";

    await buyAsGuest(page, email);

    // The welcome link opens a page with a button: loading it uses nothing up.
    const welcome = await linkFromMailbox(page, email, /^Välkommen till Biljett/, "Välj ett lösenord");
    expect(welcome).toMatch(/\/login\/confirm\?token=/);
    await page.goto(welcome);
    await page.reload();
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL(/\/account\/password/);

    await page.locator('input[type="password"]').nth(0).fill(password);
    await page.locator('input[type="password"]').nth(1).fill(password);
    await page.getByRole("button", { name: "Spara lösenordet" }).click();
    await page.getByText("Klart! Ditt lösenord är sparat.").waitFor();
    await signOut(page);

    await page.goto("/login");
    await page.getByLabel(/^E-postadress/).fill(email);
    await page.locator('input[type="password"]').fill(password);
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await page.getByRole("button", { name: /^Kontomeny för Greta Gustafsson/ }).waitFor();
    await signOut(page);

    await page.goto("/login");
    await page.getByLabel(/^E-postadress/).fill(email);
    await page.getByRole("button", { name: "Mejla mig en inloggningslänk i stället" }).click();
    await page.waitForURL(/\/login\/check-email/);
    const signInLink = await linkFromMailbox(page, email, /^Din inloggningslänk till Biljett/, "Logga in");
    await page.goto(signInLink);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByRole("button", { name: /^Kontomeny för Greta Gustafsson/ }).waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });
});
