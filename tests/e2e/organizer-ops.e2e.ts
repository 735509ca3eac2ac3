// An organizer's owner at work, in Swedish and English, each on a desktop and a phone: signs in
// with an emailed link, sends "important information" to an event's ticket holders after
// previewing it, finds it in the demo mailbox, checks a ticket in twice at the door, and finds
// nothing of another organizer. Then an order sent to a misspelled address is corrected.
// Looks the seeded ids up in the database the server uses (run with TEST_DATABASE_URL). The
// owners are signed in once for every journey (signed-in.setup.ts).
import type pg from "pg";
import { collectPageErrors } from "./browser";
import { expect, test } from "./fixtures";
import { openNewestEmail, signInWithEmailLink } from "./journey";

type Target = { organizerId: string; eventId: string; title: string; buyerEmail: string; codes: string[] };

/**
 * An upcoming event of the organizer whose owner has `ownerEmail`, with unused valid tickets;
 * `skip` passes over the first ones, so that the desktop and the phone, which may run at the
 * same time, count the check-ins of different events.
 */
async function eventOf(database: pg.Client, ownerEmail: string, skip = 0): Promise<Target> {
  const { rows } = await database.query<{ organizerId: string; eventId: string; title: string }>(
    `SELECT e."organizerId", e.id AS "eventId", e.title
       FROM "Event" e
       JOIN "OrganizerMember" m ON m."organizerId" = e."organizerId"
       JOIN "User" u ON u.id = m."userId"
      WHERE u.email = $1 AND e."startsAt" > now()
        AND EXISTS (SELECT 1 FROM "Ticket" t JOIN "Order" o ON o.id = t."orderId"
                     WHERE t."eventId" = e.id AND t.status = 'VALID' AND t."checkedInAt" IS NULL AND o.status = 'PAID')
      ORDER BY e."startsAt" OFFSET $2 LIMIT 1`,
    [ownerEmail, skip],
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

const words = {
  sv: {
    owner: "karin.sjoberg@example.se",
    otherOwner: "jonas.bergstrom@example.se",
    heading: "Viktig information",
    subject: /^Ämne/,
    body: /^Meddelande/,
    text: "Konserten börjar en halvtimme senare, kl. 19.30.",
    preview: "Förhandsgranska",
    previewHeading: "Förhandsgranskning",
    send: /^Skicka till \d+ mottagare$/,
    sent: /^Meddelandet är skickat till \d+ mottagare/,
    counts: (checkedIn: number | string) => new RegExp(`^${checkedIn} av \\d+ insläppta$`),
    code: /^Biljettkod/,
    checkIn: "Släpp in",
    welcome: /^Välkommen in!/,
    already: /^Redan insläppt .*\d{2}[:.]\d{2}/,
    unknown: /^Ingen biljett till det här evenemanget har den koden/,
    notFound: "Sidan finns inte",
  },
  en: {
    owner: "jonas.bergstrom@example.se",
    otherOwner: "karin.sjoberg@example.se",
    heading: "Important information",
    subject: /^Subject/,
    body: /^Message/,
    text: "The doors open half an hour earlier than planned.",
    preview: "Preview",
    previewHeading: "Preview",
    send: /^Send to \d+ recipients?$/,
    sent: /^The message was sent to \d+ recipients?/,
    counts: (checkedIn: number | string) => new RegExp(`^${checkedIn} of \\d+ checked in$`),
    code: /^Ticket code/,
    checkIn: "Check in",
    welcome: /^Welcome in!/,
    already: /^Already checked in at /,
    unknown: /^No ticket for this event has that code/,
    notFound: "This page does not exist",
  },
} as const;

test.describe("an organizer owner at work", () => {
  test("previews and sends important information, admits a ticket once, and finds nothing of another organizer", async ({
    newContext,
    serverDatabase: database,
    lang: locale,
    device: viewport,
  }) => {
    const w = words[locale];
    const page = await (await newContext({ signedInAs: w.owner })).newPage();
    const errors = collectPageErrors(page);
    const own = await eventOf(database, w.owner, viewport === "phone" ? 1 : 0);
    const other = await eventOf(database, w.otherOwner);
    const otherOrder = await cardOrderOf(database, w.otherOwner);

    const subject = `${w.heading} ${viewport} ${Date.now()}`;
    await page.goto(`/organizer/${own.organizerId}/events/${own.eventId}/messages`);
    await page.getByRole("heading", { name: w.heading, level: 1 }).waitFor();
    await page.getByLabel(w.subject).fill(subject);
    await page.getByLabel(w.body).fill(`${w.text}\n\nVälkomna! Welcome!`);
    await page.getByRole("button", { name: w.preview }).click();
    await page.getByRole("heading", { name: w.previewHeading }).waitFor();
    await page.frameLocator("iframe").getByText(w.text).waitFor();
    await page.getByRole("button", { name: w.send }).click();
    await page.getByText(w.sent).waitFor();
    await page.getByText(subject, { exact: true }).waitFor();
    await openNewestEmail(page, own.buyerEmail, new RegExp(subject));
    await page.frameLocator("iframe").getByText(w.text).waitFor();

    await page.goto(`/organizer/${own.organizerId}/events/${own.eventId}/check-in`);
    const counts = await page.getByText(w.counts("\\d+")).textContent();
    const before = Number(/^(\d+)/.exec(counts ?? "")?.[1]);
    // Codes are read however they are typed: lower case here.
    await page.getByLabel(w.code).fill(own.codes[0].toLowerCase());
    await page.getByRole("button", { name: w.checkIn, exact: true }).click();
    await page.getByText(w.welcome).waitFor();
    await page.getByText(w.counts(before + 1)).waitFor();
    await page.getByLabel(w.code).fill(own.codes[0]);
    await page.getByRole("button", { name: w.checkIn, exact: true }).click();
    await page.getByText(w.already).waitFor();
    await page.getByLabel(w.code).fill("0000000000000000");
    await page.getByRole("button", { name: w.checkIn, exact: true }).click();
    await page.getByText(w.unknown).waitFor();
    // A code of another organizer's event is unknown here, and says nothing about that event.
    await page.getByLabel(w.code).fill(other.codes[1]);
    await page.getByRole("button", { name: w.checkIn, exact: true }).click();
    await page.getByText(w.unknown).waitFor();

    for (const path of [
      `/organizer/${other.organizerId}`,
      `/organizer/${other.organizerId}/marketing`,
      `/organizer/${other.organizerId}/events/new`,
      `/organizer/${other.organizerId}/events/${other.eventId}`,
      `/organizer/${other.organizerId}/events/${other.eventId}/edit`,
      `/organizer/${other.organizerId}/events/${other.eventId}/attendees`,
      `/organizer/${other.organizerId}/events/${other.eventId}/check-in`,
      `/organizer/${other.organizerId}/events/${other.eventId}/messages`,
      `/organizer/${other.organizerId}/orders/${otherOrder.orderId}`,
      // Their own organizer id with the other organizer's event or order.
      `/organizer/${own.organizerId}/events/${other.eventId}`,
      `/organizer/${own.organizerId}/events/${other.eventId}/edit`,
      `/organizer/${own.organizerId}/events/${other.eventId}/attendees`,
      `/organizer/${own.organizerId}/events/${other.eventId}/check-in`,
      `/organizer/${own.organizerId}/events/${other.eventId}/messages`,
      `/organizer/${own.organizerId}/orders/${otherOrder.orderId}`,
    ]) {
      const response = await page.goto(path);
      expect([path, response?.status()]).toEqual([path, 404]);
      await page.getByRole("heading", { name: w.notFound }).waitFor();
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
  });
});

/** A paid order with a card payment of an event of the organizer whose owner has `ownerEmail`. */
async function cardOrderOf(database: pg.Client, ownerEmail: string, skip = 0) {
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

test.describe("a buyer in the organizer area", { tag: "@sv-phone" }, () => {
  test("is told they belong to no organizer, and every organizer page and download is not found", async ({
    page,
    serverDatabase: database,
  }) => {
    const errors = collectPageErrors(page);
    const target = await eventOf(database, "karin.sjoberg@example.se");
    const order = await cardOrderOf(database, "karin.sjoberg@example.se");
    await signInWithEmailLink(page, "sv", `kopare.utan.arrangor.${Date.now()}@example.se`);

    await page.goto("/organizer");
    await page.getByRole("heading", { level: 1, name: "Du är inte arrangör" }).waitFor();
    const base = `/organizer/${target.organizerId}`;
    for (const path of [
      base,
      `${base}/marketing`,
      `${base}/events/new`,
      `${base}/events/${target.eventId}`,
      `${base}/events/${target.eventId}/attendees`,
      `${base}/orders/${order.orderId}`,
    ]) {
      expect([path, (await page.goto(path))?.status()]).toEqual([path, 404]);
    }
    for (const path of [`${base}/marketing/export`, `${base}/events/${target.eventId}/attendees/export`]) {
      expect([path, (await page.request.get(path, { maxRedirects: 0 })).status()]).toEqual([path, 404]);
    }
    expect(errors).toEqual([]);
  });
});

// The buyer's own ways (correcting from the buying browser, claiming later) are in misspelled-order.e2e.ts.
test.describe("correcting a misspelled order", { tag: "@sv-desktop" }, () => {
  test("an owner corrects the buyer's address and the tickets go to the new one", async ({ newContext, serverDatabase: database }) => {
    const page = await (await newContext({ signedInAs: "amira.haddad@example.com" })).newPage();
    const errors = collectPageErrors(page);
    const order = await cardOrderOf(database, "amira.haddad@example.com");
    const right = `ratt.adress.${Date.now()}@example.se`;

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
  });
});
