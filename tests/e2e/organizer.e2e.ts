// An organizer's owner signs in with an emailed link, creates an event with a ticket type,
// publishes it and finds it among the public events; then opens the attendees of an event with
// sales, searches them and downloads them as CSV. In Swedish and English, each on a desktop and
// a phone. Then the event form without JavaScript. The owners are signed in once for every
// journey, with a link from the demo mailbox and the organizer as the place to return to
// (signed-in.setup.ts); here /organizer takes them to theirs.
import type { BrowserContext, Page } from "@playwright/test";
import { collectPageErrors } from "./browser";
import { expect, test, type SignedInOwner } from "./fixtures";

/** Opens /organizer in the owner's signed-in browser and lands on their organizer. */
async function openAsOwner(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto("/organizer");
  await page.waitForURL(/\/organizer\/[0-9a-f-]{36}$/);
  return page;
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

const words = {
  sv: {
    owner: "karin.sjoberg@example.se",
    dashboard: "Evenemang",
    createEvent: "Skapa evenemang",
    title: /^Namn/,
    description: /^Beskrivning/,
    venue: /^Lokal/,
    city: /^Ort/,
    startsAt: /^Börjar/,
    endsAt: /^Slutar/,
    createDraft: "Skapa utkast",
    endsBeforeStart: "Slutet måste vara efter starten.",
    created: "Evenemanget är skapat som utkast.",
    publish: "Publicera",
    published: "Evenemanget är publicerat.",
    marketing: "Marknadsföringslista",
    sold: /^\d+ av \d+ sålda$/,
    noneSold: /^0 av \d+ sålda$/,
    revenue: /kr$/,
    attendees: "Deltagare",
    checkedIn: "Incheckad",
    search: /^Sök på namn/,
    searchButton: "Sök",
    download: "Ladda ner som CSV",
    csvHeading: "Namn;E-post;Biljettyp;Ordernummer;Beställd;Biljettkod;Incheckad",
    marketingCsvHeading: "E-post;Namn;Samtycke givet;Källa",
  },
  en: {
    owner: "jonas.bergstrom@example.se",
    dashboard: "Events",
    createEvent: "Create event",
    title: /^Title/,
    description: /^Description/,
    venue: /^Venue/,
    city: /^City/,
    startsAt: /^Starts/,
    endsAt: /^Ends/,
    createDraft: "Create draft",
    endsBeforeStart: "The end must be after the start.",
    created: "The event was created as a draft.",
    publish: "Publish",
    published: "The event is published.",
    marketing: "Marketing list",
    sold: /^\d+ of \d+ sold$/,
    noneSold: /^0 of \d+ sold$/,
    revenue: /^SEK\s/,
    attendees: "Attendees",
    checkedIn: "Checked in",
    search: /^Search by name/,
    searchButton: "Search",
    download: "Download as CSV",
    csvHeading: "Name;Email;Ticket type;Order number;Ordered;Ticket code;Checked in",
    marketingCsvHeading: "Email;Name;Consent given;Source",
  },
} as const;

test.describe("the organizer's pages", () => {
  test("creates and publishes an event, then finds, searches and exports the attendees of one with sales", async ({
    page: signedOut,
    newContext,
    lang: locale,
    device: viewport,
  }) => {
    const w = words[locale];

    // A signed-out visitor is sent to sign in.
    const signedOutErrors = collectPageErrors(signedOut);
    await signedOut.goto("/organizer");
    await signedOut.waitForURL(/\/login\?callbackUrl=(?:%2Fen)?%2Forganizer/);

    const page = await openAsOwner(await newContext({ signedInAs: w.owner }));
    const errors = collectPageErrors(page);
    const dashboard = page.url();
    await page.getByRole("heading", { name: w.dashboard, level: 1 }).waitFor();

    // Another organizer's or a made-up id answers 404.
    const missing = await page.goto("/organizer/0193aaaa-0000-7000-8000-000000000000");
    expect(missing?.status()).toBe(404);
    await page.goto(dashboard);

    const title = `Höstkonsert ${locale} ${viewport} ${Date.now()}`;
    await page.getByRole("link", { name: w.createEvent }).click();
    await page.getByLabel(w.title).first().fill(title);
    await page.getByLabel(w.description).fill("Stråkar och körsång i Västerås domkyrka.");
    await page.getByLabel(w.venue).fill("Västerås domkyrka");
    await page.getByLabel(w.city).fill("Västerås");
    await page.getByLabel(w.startsAt).fill("2030-10-04T19:00");
    await page.getByLabel(w.endsAt).fill("2030-10-04T17:00");
    await page.locator('input[name="ticketTypes.0.name"]').fill("Ordinarie");
    await page.locator('input[name="ticketTypes.0.price"]').fill("295");
    await page.locator('input[name="ticketTypes.0.capacity"]').fill("120");
    await page.getByRole("button", { name: w.createDraft }).click();
    // A refused form keeps what was typed and names the field.
    await page.getByText(w.endsBeforeStart).waitFor();
    expect(await page.getByLabel(w.description).inputValue()).toBe("Stråkar och körsång i Västerås domkyrka.");
    await page.getByLabel(w.endsAt).fill("2030-10-04T21:00");
    await page.getByRole("button", { name: w.createDraft }).click();
    await page.getByText(w.created).waitFor();

    await page.getByRole("button", { name: w.publish }).click();
    await page.getByText(w.published).waitFor();
    await page.goto(`/events?q=${encodeURIComponent(title)}`);
    await page.getByRole("link", { name: title }).first().click();
    await page.getByRole("heading", { name: title, level: 1 }).waitFor();

    await page.goto(dashboard);
    await page.getByRole("link", { name: w.marketing }).click();
    await page.getByRole("heading", { name: w.marketing, level: 1 }).waitFor();
    expect(await page.getByRole("row").count()).toBeGreaterThan(1);
    const marketingCsv = await page.getByRole("link", { name: w.download }).getAttribute("href");
    if (!marketingCsv) throw new Error("no export link on the marketing list");
    await expectCsv(page, marketingCsv, w.marketingCsvHeading);
    await page.goBack();

    // The first event with sales on the dashboard: its sales, then its attendees.
    const soldEvent = page
      .locator("main li")
      .filter({ has: page.getByText(w.sold) })
      .filter({ hasNot: page.getByText(w.noneSold) })
      .getByRole("link")
      .first();
    await soldEvent.click();
    await page.getByRole("cell", { name: w.revenue }).first().waitFor();
    await page.getByRole("link", { name: w.attendees }).click();
    await page.waitForURL(/\/attendees$/);
    await page.getByRole("columnheader", { name: w.checkedIn }).waitFor();
    expect(await page.getByRole("row").count()).toBeGreaterThan(1);
    const all = await page.getByRole("link", { name: w.download }).getAttribute("href");
    if (!all) throw new Error("no export link");
    await expectCsv(page, all, w.csvHeading);

    const firstEmail = (await page.getByRole("row").nth(1).getByRole("cell").first().textContent())?.trim() ?? "";
    expect(firstEmail).toContain("@");
    await page.getByLabel(w.search).fill(firstEmail);
    await page.getByRole("button", { name: w.searchButton }).click();
    await page.waitForURL(/[?&]q=/);
    const rows = page.getByRole("row");
    expect(await rows.count()).toBeGreaterThan(1);
    for (let index = 1; index < (await rows.count()); index++) {
      expect(await rows.nth(index).textContent()).toContain(firstEmail);
    }
    const found = await page.getByRole("link", { name: w.download }).getAttribute("href");
    if (!found) throw new Error("no export link");
    expect(found).toContain("q=");
    await expectCsv(page, found, w.csvHeading);

    expect([...signedOutErrors, ...errors]).toEqual([]);
  });
});

test.describe("the event form without JavaScript", { tag: "@sv-desktop" }, () => {
  test("refuses a sale window after the event with the field's message and keeps what was typed", async ({ newContext }) => {
    const owner: SignedInOwner = "amira.haddad@example.com";
    const dashboard = (await openAsOwner(await newContext({ signedInAs: owner }))).url();

    const plain = await (await newContext({ signedInAs: owner, javaScript: false })).newPage();
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
  });
});
