// An organizer's owner signs in with an emailed link, creates an event with a ticket type,
// publishes it and finds it among the public events; then opens the attendees of a seeded
// event with sales and downloads them as CSV. Swedish on a desktop, English on a phone.
import type { Browser, Page } from "playwright-core";
import { collectPageErrors, launchBrowser, newContext } from "./browser";
import { signInWithEmailLink } from "./journey";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Signs in with a link from the demo mailbox (the seeded owners have no password) and lands on their organizer. */
async function signInAsOwner(page: Page, email: string, locale: "sv" | "en") {
  await signInWithEmailLink(page, locale, email, { from: "/login?callbackUrl=/organizer" });
  await page.waitForURL(/\/organizer\/[0-9a-f-]{36}$/);
}

async function expectCsv(page: Page, href: string, heading: string) {
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="[a-z0-9-]+\.csv"$/);
  expect(response.headers()["cache-control"]).toMatch(/no-store/);
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = body.toString("utf8").slice(1);
  expect(text.split("\r\n")[0]).toBe(heading);
  expect(text.split("\r\n").length).toBeGreaterThan(2);
}

describe("the organizer's pages (sv, desktop)", () => {
  it("creates and publishes an event, then exports a seeded event's attendees", async () => {
    const context = await newContext(browser, { locale: "sv" });
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    // A signed-out visitor is sent to sign in.
    await page.goto("/organizer");
    await page.waitForURL(/\/login\?callbackUrl=%2Forganizer/);

    await signInAsOwner(page, "karin.sjoberg@example.se", "sv");
    const dashboard = page.url();
    await page.getByRole("heading", { name: "Evenemang", level: 1 }).waitFor();

    // Another organizer's or a made-up id answers 404.
    const missing = await page.goto("/organizer/0193aaaa-0000-7000-8000-000000000000");
    expect(missing?.status()).toBe(404);
    await page.goto(dashboard);

    const title = `Höstkonsert ${Date.now()}`;
    await page.getByRole("link", { name: "Skapa evenemang" }).click();
    await page.getByLabel(/^Namn/).first().fill(title);
    await page.getByLabel(/^Beskrivning/).fill("Stråkar och körsång i Västerås domkyrka.");
    await page.getByLabel(/^Lokal/).fill("Västerås domkyrka");
    await page.getByLabel(/^Ort/).fill("Västerås");
    await page.getByLabel(/^Börjar/).fill("2030-10-04T19:00");
    await page.getByLabel(/^Slutar/).fill("2030-10-04T17:00");
    await page.locator('input[name="ticketTypes.0.name"]').fill("Ordinarie");
    await page.locator('input[name="ticketTypes.0.price"]').fill("295");
    await page.locator('input[name="ticketTypes.0.capacity"]').fill("120");
    await page.getByRole("button", { name: "Skapa utkast" }).click();
    // A refused form keeps what was typed and names the field.
    await page.getByText("Slutet måste vara efter starten.").waitFor();
    expect(await page.getByLabel(/^Beskrivning/).inputValue()).toBe("Stråkar och körsång i Västerås domkyrka.");
    await page.getByLabel(/^Slutar/).fill("2030-10-04T21:00");
    await page.getByRole("button", { name: "Skapa utkast" }).click();
    await page.getByText("Evenemanget är skapat som utkast.").waitFor();

    await page.getByRole("button", { name: "Publicera" }).click();
    await page.getByText("Evenemanget är publicerat.").waitFor();
    await page.goto(`/events?q=${encodeURIComponent(title)}`);
    await page.getByRole("link", { name: title }).first().click();
    await page.getByRole("heading", { name: title, level: 1 }).waitFor();

    // A seeded event with sales: its attendees and their CSV.
    await page.goto(dashboard);
    await page.getByRole("link", { name: "Beethovens nionde symfoni" }).first().click();
    await page.getByRole("cell", { name: /kr$/ }).first().waitFor();
    await page.getByRole("link", { name: "Deltagare" }).click();
    await page.waitForURL(/\/attendees$/);
    await page.getByRole("columnheader", { name: "Incheckad" }).waitFor();
    expect(await page.getByRole("row").count()).toBeGreaterThan(1);
    const href = await page.getByRole("link", { name: "Ladda ner som CSV" }).getAttribute("href");
    if (!href) throw new Error("no export link");
    await expectCsv(page, href, "Namn;E-post;Biljettyp;Ordernummer;Beställd;Biljettkod;Incheckad");

    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("the organizer's pages (en, phone)", () => {
  it("searches a seeded event's attendees and exports them", async () => {
    const context = await newContext(browser, { locale: "en", viewport: "phone" });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInAsOwner(page, "jonas.bergstrom@example.se", "en");
    await page.getByRole("heading", { name: "Events", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Marketing list" }).click();
    await page.getByRole("heading", { name: "Marketing list", level: 1 }).waitFor();
    await page.goBack();

    // The first event with sales on the dashboard.
    const soldEvent = page
      .locator("main li")
      .filter({ has: page.getByText(/^\d+ of \d+ sold$/) })
      .filter({ hasNot: page.getByText(/^0 of \d+ sold$/) })
      .getByRole("link")
      .first();
    await soldEvent.click();
    await page.getByRole("link", { name: "Attendees" }).click();
    await page.waitForURL(/\/attendees$/);
    await page.getByRole("columnheader", { name: "Checked in" }).waitFor();
    const firstEmail = (await page.getByRole("row").nth(1).getByRole("cell").first().textContent())?.trim() ?? "";
    expect(firstEmail).toContain("@");
    await page.getByLabel(/^Search by name/).fill(firstEmail);
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/[?&]q=/);
    const rows = page.getByRole("row");
    expect(await rows.count()).toBeGreaterThan(1);
    for (let index = 1; index < (await rows.count()); index++) {
      expect(await rows.nth(index).textContent()).toContain(firstEmail);
    }
    const href = await page.getByRole("link", { name: "Download as CSV" }).getAttribute("href");
    if (!href) throw new Error("no export link");
    expect(href).toContain("q=");
    await expectCsv(page, href, "Name;Email;Ticket type;Order number;Ordered;Ticket code;Checked in");

    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("the event form without JavaScript (sv, desktop)", () => {
  it("refuses a sale window after the event with the field's message and keeps what was typed", async () => {
    const signIn = await newContext(browser, { locale: "sv" });
    const page = await signIn.newPage();
    await signInAsOwner(page, "amira.haddad@example.com", "sv");
    const dashboard = page.url();
    const cookies = await signIn.cookies();
    await signIn.close();

    const context = await newContext(browser, { locale: "sv", javaScript: false });
    await context.addCookies(cookies);
    const plain = await context.newPage();
    await plain.goto(`${dashboard}/events/new`);
    await plain.getByLabel(/^Namn/).first().fill("Utan skript");
    await plain.getByLabel(/^Beskrivning/).fill("Ett formulär som fungerar ändå.");
    await plain.getByLabel(/^Lokal/).fill("Majornas teater");
    await plain.getByLabel(/^Ort/).fill("Göteborg");
    await plain.getByLabel(/^Börjar/).fill("2030-03-01T19:00");
    await plain.getByLabel(/^Slutar/).fill("2030-03-01T21:00");
    await plain.locator('input[name="ticketTypes.0.name"]').fill("Parkett");
    await plain.locator('input[name="ticketTypes.0.price"]').fill("150");
    await plain.locator('input[name="ticketTypes.0.capacity"]').fill("40");
    await plain.locator('input[name="ticketTypes.0.salesEndAt"]').fill("2030-03-02T12:00");
    await plain.getByRole("button", { name: "Skapa utkast" }).click();
    await plain.getByText("Försäljningen kan inte pågå efter att evenemanget har slutat.").waitFor();
    expect(await plain.getByLabel(/^Ort/).inputValue()).toBe("Göteborg");
    expect(await plain.locator('input[name="ticketTypes.0.name"]').inputValue()).toBe("Parkett");
    await plain.locator('input[name="ticketTypes.0.salesEndAt"]').fill("2030-03-01T20:00");
    await plain.getByRole("button", { name: "Skapa utkast" }).click();
    await plain.getByText("Evenemanget är skapat som utkast.").waitFor();
    await context.close();
  });
});
