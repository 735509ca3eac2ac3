// An organizer's owner at work: signs in with an emailed link, sends "important information"
// to an event's ticket holders after previewing it, finds it in the demo mailbox, and checks a
// ticket in twice at the door. Then an owner of another organizer finds none of it.
// Looks the seeded ids up in the database the server uses (run with TEST_DATABASE_URL).
import pg from "pg";
import type { Browser } from "playwright-core";
import { collectPageErrors, launchBrowser, newContext } from "./browser";
import { openNewestEmail, signInWithEmailLink } from "./journey";

let browser: Browser;
let database: pg.Client;

beforeAll(async () => {
  browser = await launchBrowser();
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("organizer-ops.e2e.ts needs the PostgreSQL database (run with TEST_DATABASE_URL)");
  database = new pg.Client({ connectionString: url });
  await database.connect();
});
afterAll(async () => {
  await browser?.close();
  await database?.end();
});

type Target = { organizerId: string; eventId: string; title: string; buyerEmail: string; codes: string[] };

/** An upcoming event of the organizer whose owner has `ownerEmail`, with unused valid tickets. */
async function eventOf(ownerEmail: string): Promise<Target> {
  const { rows } = await database.query<{ organizerId: string; eventId: string; title: string }>(
    `SELECT e."organizerId", e.id AS "eventId", e.title
       FROM "Event" e
       JOIN "OrganizerMember" m ON m."organizerId" = e."organizerId"
       JOIN "User" u ON u.id = m."userId"
      WHERE u.email = $1 AND e."startsAt" > now()
        AND EXISTS (SELECT 1 FROM "Ticket" t JOIN "Order" o ON o.id = t."orderId"
                     WHERE t."eventId" = e.id AND t.status = 'VALID' AND t."checkedInAt" IS NULL AND o.status = 'PAID')
      ORDER BY e."startsAt" LIMIT 1`,
    [ownerEmail],
  );
  if (!rows[0]) throw new Error(`no event with tickets for ${ownerEmail}`);
  const tickets = await database.query<{ code: string; buyerEmail: string }>(
    `SELECT t.code, o."buyerEmail" FROM "Ticket" t JOIN "Order" o ON o.id = t."orderId"
      WHERE t."eventId" = $1 AND t.status = 'VALID' AND t."checkedInAt" IS NULL AND o.status = 'PAID'
      ORDER BY t."createdAt" LIMIT 2`,
    [rows[0].eventId],
  );
  return { ...rows[0], buyerEmail: tickets.rows[0].buyerEmail, codes: tickets.rows.map((row) => row.code) };
}


describe("an organizer owner informs ticket holders and checks tickets in (sv, desktop)", () => {
  it("previews and sends a message, which reaches the mailbox, and admits a ticket once", async () => {
    const context = await newContext(browser, { locale: "sv" });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const target = await eventOf("karin.sjoberg@example.se");
    await signInWithEmailLink(page, "sv", "karin.sjoberg@example.se");

    const subject = `Ändrad starttid ${Date.now()}`;
    await page.goto(`/organizer/${target.organizerId}/events/${target.eventId}/messages`);
    await page.getByRole("heading", { name: "Viktig information", level: 1 }).waitFor();
    await page.getByLabel(/^Ämne/).fill(subject);
    await page.getByLabel(/^Meddelande/).fill("Konserten börjar en halvtimme senare, kl. 19.30.\n\nVälkomna!");
    await page.getByRole("button", { name: "Förhandsgranska" }).click();
    await page.getByRole("heading", { name: "Förhandsgranskning" }).waitFor();
    await page.frameLocator("iframe").getByText("Konserten börjar en halvtimme senare, kl. 19.30.").waitFor();
    await page.getByRole("button", { name: /^Skicka till \d+ mottagare$/ }).click();
    await page.getByText(/^Meddelandet är skickat till \d+ mottagare/).waitFor();
    await page.getByText(subject, { exact: true }).waitFor();

    await openNewestEmail(page, target.buyerEmail, new RegExp(`${subject}`));
    await page.frameLocator("iframe").getByText("Konserten börjar en halvtimme senare, kl. 19.30.").waitFor();

    await page.goto(`/organizer/${target.organizerId}/events/${target.eventId}/check-in`);
    const counts = await page.getByText(/^\d+ av \d+ insläppta$/).textContent();
    const before = Number(/^(\d+)/.exec(counts ?? "")?.[1]);
    await page.getByLabel(/^Biljettkod/).fill(target.codes[0].toLowerCase());
    await page.getByRole("button", { name: "Släpp in" }).click();
    await page.getByText(/^Välkommen in!/).waitFor();
    await page.getByText(new RegExp(`^${before + 1} av \\d+ insläppta$`)).waitFor();
    await page.getByLabel(/^Biljettkod/).fill(target.codes[0]);
    await page.getByRole("button", { name: "Släpp in" }).click();
    await page.getByText(/^Redan insläppt .*\d{2}:\d{2}/).waitFor();
    await page.getByLabel(/^Biljettkod/).fill("0000000000000000");
    await page.getByRole("button", { name: "Släpp in" }).click();
    await page.getByText(/^Ingen biljett till det här evenemanget har den koden/).waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("an organizer owner on a phone (en)", () => {
  it("sends important information, checks a ticket in twice, and cannot reach another organizer's pages", async () => {
    const context = await newContext(browser, { locale: "en", viewport: "phone" });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const own = await eventOf("jonas.bergstrom@example.se");
    const other = await eventOf("karin.sjoberg@example.se");
    await signInWithEmailLink(page, "en", "jonas.bergstrom@example.se");

    // Important information, written and sent from the phone.
    const subject = `Doors open at 18.30 ${Date.now()}`;
    await page.goto(`/organizer/${own.organizerId}/events/${own.eventId}/messages`);
    await page.getByRole("heading", { name: "Important information", level: 1 }).waitFor();
    await page.getByLabel(/^Subject/).fill(subject);
    await page.getByLabel(/^Message/).fill("The doors open half an hour earlier than planned.\n\nWelcome!");
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("heading", { name: "Preview" }).waitFor();
    await page.frameLocator("iframe").getByText("The doors open half an hour earlier than planned.").waitFor();
    await page.getByRole("button", { name: /^Send to \d+ recipients?$/ }).click();
    await page.getByText(/^The message was sent to \d+ recipients?/).waitFor();
    await page.getByText(subject, { exact: true }).waitFor();
    await openNewestEmail(page, own.buyerEmail, new RegExp(subject));
    await page.frameLocator("iframe").getByText("The doors open half an hour earlier than planned.").waitFor();

    await page.goto(`/organizer/${own.organizerId}/events/${own.eventId}/check-in`);
    await page.getByLabel(/^Ticket code/).fill(own.codes[0]);
    await page.getByRole("button", { name: "Check in", exact: true }).click();
    await page.getByText(/^Welcome in!/).waitFor();
    await page.getByLabel(/^Ticket code/).fill(own.codes[0]);
    await page.getByRole("button", { name: "Check in", exact: true }).click();
    await page.getByText(/^Already checked in at /).waitFor();
    // A code of another organizer's event is unknown here, and says nothing about that event.
    await page.getByLabel(/^Ticket code/).fill(other.codes[1]);
    await page.getByRole("button", { name: "Check in", exact: true }).click();
    await page.getByText(/^No ticket for this event has that code/).waitFor();

    for (const path of [
      `/organizer/${other.organizerId}`,
      `/organizer/${other.organizerId}/marketing`,
      `/organizer/${other.organizerId}/events/new`,
      `/organizer/${other.organizerId}/events/${other.eventId}`,
      `/organizer/${other.organizerId}/events/${other.eventId}/edit`,
      `/organizer/${other.organizerId}/events/${other.eventId}/attendees`,
      `/organizer/${other.organizerId}/events/${other.eventId}/check-in`,
      `/organizer/${other.organizerId}/events/${other.eventId}/messages`,
      // Their own organizer id with the other organizer's event.
      `/organizer/${own.organizerId}/events/${other.eventId}`,
      `/organizer/${own.organizerId}/events/${other.eventId}/attendees`,
      `/organizer/${own.organizerId}/events/${other.eventId}/check-in`,
    ]) {
      const response = await page.goto(path);
      expect([path, response?.status()]).toEqual([path, 404]);
      await page.getByRole("heading", { name: "This page does not exist" }).waitFor();
    }
    // The CSV downloads answer the same, with the signed-in session's cookies.
    for (const path of [
      `/organizer/${other.organizerId}/marketing/export`,
      `/organizer/${other.organizerId}/events/${other.eventId}/attendees/export`,
      `/organizer/${own.organizerId}/events/${other.eventId}/attendees/export`,
    ]) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect([path, response.status()]).toEqual([path, 404]);
    }

    expect(errors).toEqual([]);
    await context.close();
  });
});

/** A paid order with a card payment of an event of the organizer whose owner has `ownerEmail`. */
async function cardOrderOf(ownerEmail: string, skip = 0) {
  const { rows } = await database.query<{ organizerId: string; orderId: string; number: string; cardLast4: string; buyerEmail: string }>(
    `SELECT e."organizerId", o.id AS "orderId", o.number, o."cardLast4", o."buyerEmail"
       FROM "Order" o
       JOIN "Event" e ON e.id = o."eventId"
       JOIN "OrganizerMember" m ON m."organizerId" = e."organizerId"
       JOIN "User" u ON u.id = m."userId"
      WHERE u.email = $1 AND o.status = 'PAID' AND o."cardLast4" IS NOT NULL
      ORDER BY o."createdAt" OFFSET $2 LIMIT 1`,
    [ownerEmail, skip],
  );
  if (!rows[0]) throw new Error(`no card order for ${ownerEmail}`);
  return rows[0];
}

describe("correcting and claiming a misspelled order", () => {
  it("an owner corrects the buyer's address and the tickets go to the new one (sv, desktop)", async () => {
    const context = await newContext(browser, { locale: "sv" });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const order = await cardOrderOf("amira.haddad@example.com");
    const right = `ratt.adress.${Date.now()}@example.se`;
    await signInWithEmailLink(page, "sv", "amira.haddad@example.com");

    await page.goto(`/organizer/${order.organizerId}/orders/${order.orderId}`);
    await page.getByRole("heading", { name: `Beställning ${order.number}` }).waitFor();
    await page.getByLabel(/^Rätt e-postadress(?! en gång)/).fill(right);
    await page.getByLabel(/^Rätt e-postadress en gång till/).fill("annan@example.se");
    await page.getByRole("button", { name: "Rätta och skicka biljetterna" }).click();
    await page.getByText("Adresserna är inte likadana. Skriv samma adress i båda fälten.").waitFor();
    await page.getByLabel(/^Rätt e-postadress en gång till/).fill(right);
    await page.getByRole("button", { name: "Rätta och skicka biljetterna" }).click();
    await page.getByText(`Klart! Beställningen hör nu till ${right} och biljetterna är på väg dit.`).waitFor();
    await page.getByText(new RegExp(`${order.buyerEmail.replace(/[.+]/g, "\\$&")} → ${right.replace(/\./g, "\\.")}`)).waitFor();

    await openNewestEmail(page, right, new RegExp(`\\(order ${order.number}\\)`));
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a buyer claims an order with the card's last four digits (en, phone)", async () => {
    const context = await newContext(browser, { locale: "en", viewport: "phone" });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const order = await cardOrderOf("erik.lundmark@example.com");
    const buyer = `claimer.${Date.now()}@example.se`;
    await signInWithEmailLink(page, "en", buyer);

    await page.goto("/account/claim");
    await page.getByLabel(/^Order number/).fill(order.number);
    await page.getByLabel("The last four digits of the card number").check();
    await page.getByLabel(/^Answer/).fill(order.cardLast4 === "0000" ? "1111" : "0000");
    await page.getByRole("button", { name: "Claim the order" }).click();
    await page.getByText(/^We could not find an order matching those details/).waitFor();
    await page.getByLabel(/^Answer/).fill(order.cardLast4);
    await page.getByRole("button", { name: "Claim the order" }).click();
    await page.getByText(`Done! Order ${order.number} is now in your account and the tickets are on their way to your email.`).waitFor();

    await openNewestEmail(page, buyer, new RegExp(`\\(order ${order.number}\\)`));
    expect(errors).toEqual([]);
    await context.close();
  });
});
