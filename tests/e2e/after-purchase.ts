// The buyer's pages after a purchase, visited in one tour that the no-JavaScript and the
// accessibility journeys share: the order page's cancellation (refused with nothing chosen, then
// one ticket of two cancelled), passing the other on and the friend's ticket page (its files, and
// passing it on again, after which the old link shows no ticket), and a sold-out ticket type's
// waiting list (the join form, the offer's checkout, the leave page). `check` runs on every page
// and state on the way; the tour itself asserts what a person sees. It makes its own events in
// the server's database: one that refunds until a day before, one sold out.
import type { Page } from "@playwright/test";
import type pg from "pg";
import { expect } from "./fixtures";
import { checkoutWords, fillCheckout, linkInNewestEmail, type Locale } from "./journey";

/** The one ticket type of a journeyEvent. */
export const JOURNEY_TYPE_NAME = "Ståplats";

export const afterPurchaseWords = {
  sv: {
    quantity: /^Antal, Ståplats/,
    cancelHeading: "Avboka biljetter",
    ticketOption: /^Biljett \d: /,
    cancelSubmit: "Avboka valda biljetter",
    chooseNone: "Välj minst en biljett att avboka.",
    cancelled: "Biljetterna är avbokade. Pengarna betalas tillbaka till kortet du betalade med.",
    history: /^1 biljett avbokad .+ – återbetald$/,
    passOn: "Lämna över en biljett",
    recipientName: /^Mottagarens namn/,
    recipientEmail: /^Mottagarens e-postadress/,
    passOnSubmit: "Lämna över biljetten",
    passedOnList: "Överlämnade biljetter",
    passedToLine: (name: string) => new RegExp(`till ${name}`),
    ticketSubject: /har gett dig en biljett till/,
    showTicket: "Visa biljetten",
    ticketHeading: (name: string) => new RegExp(`^${name}, här är din biljett`),
    keepHeading: "Spara biljetten",
    pdf: /^Ladda ner biljetten \(PDF\)/,
    calendar: /^Lägg till i kalendern \(\.ics\)/,
    passedOnAgain: (name: string) => `Du har lämnat över den här biljetten till ${name}. Den är inte din längre.`,
    joinLink: /^Ställ dig i kön/,
    email: /^E-postadress/,
    listQuantity: "Antal biljetter",
    join: "Ställ mig i kön",
    joined: /^Tack! Adressen står i kön till Ståplats/,
    invalidEmail: /Skriv en e-postadress, till exempel namn@exempel\.se\./,
    joinedSubject: /^Du står i kön till /,
    offerSubject: /^Biljetter till .* är reserverade för dig/,
    offerLink: "Köp biljetterna",
    offerHeading: "Dina reserverade biljetter",
    leave: "Lämna kön",
    left: /^Du har lämnat kön/,
  },
  en: {
    quantity: /^Quantity, Ståplats/,
    cancelHeading: "Cancel tickets",
    ticketOption: /^Ticket \d: /,
    cancelSubmit: "Cancel the chosen tickets",
    chooseNone: "Choose at least one ticket to cancel.",
    cancelled: "The tickets are cancelled. The money goes back to the card you paid with.",
    history: /^1 ticket cancelled .+ – refunded$/,
    passOn: "Pass a ticket on",
    recipientName: /^Recipient's name/,
    recipientEmail: /^Recipient's email address/,
    passOnSubmit: "Pass the ticket on",
    passedOnList: "Tickets passed on",
    passedToLine: (name: string) => new RegExp(`to ${name}`),
    ticketSubject: /has given you a ticket for/,
    showTicket: "Show the ticket",
    ticketHeading: (name: string) => new RegExp(`^${name}, here is your ticket`),
    keepHeading: "Keep the ticket",
    pdf: /^Download the ticket \(PDF\)/,
    calendar: /^Add to calendar \(\.ics\)/,
    passedOnAgain: (name: string) => `You passed this ticket on to ${name}. It is no longer yours.`,
    joinLink: /^Join the waiting list/,
    email: /^Email address/,
    listQuantity: "Number of tickets",
    join: "Join the waiting list",
    joined: /^Thank you! The address is on the waiting list for Ståplats/,
    invalidEmail: /Enter an email address, such as name@example\.com\./,
    joinedSubject: /^You are on the waiting list for /,
    offerSubject: /^Tickets for .* are held for you/,
    offerLink: "Buy the tickets",
    offerHeading: "Your held tickets",
    leave: "Leave the waiting list",
    left: /^You have left the waiting list/,
  },
} as const;

/**
 * A published event next month with one ticket type of `capacity` places, `sold` of them sold;
 * `refundable` gives it a policy of full refunds until a day before the start.
 */
export async function journeyEvent(
  database: pg.Client,
  { stamp, capacity, sold, refundable }: { stamp: string; capacity: number; sold: number; refundable: boolean },
): Promise<{ slug: string; typeId: string }> {
  const slug = `efter-kopet-${stamp}`.toLowerCase().replace(/[^a-z0-9-]/g, "-");
  const { rows } = await database.query<{ eventId: string; typeId: string }>(
    `WITH "organizer" AS (SELECT "id" FROM "Organizer" ORDER BY "createdAt" LIMIT 1),
          "event" AS (
            INSERT INTO "Event" ("id", "organizerId", "slug", "title", "description", "venue", "city", "startsAt", "endsAt",
                                 "status", "publishedAt", "updatedAt")
            SELECT gen_random_uuid(), "organizer"."id", $1, $2, 'En kväll efter köpet.', 'Lilla salen', 'Uppsala',
                   now() + interval '30 days', now() + interval '30 days 3 hours', 'PUBLISHED', now(), now()
              FROM "organizer"
            RETURNING "id")
     INSERT INTO "TicketType" ("id", "eventId", "name", "priceMinor", "capacity", "sold", "maxPerOrder", "updatedAt")
     SELECT gen_random_uuid(), "event"."id", $3, 15000, $4, $5, 4, now() FROM "event"
     RETURNING "eventId", "id" AS "typeId"`,
    [slug, `Efter köpet ${stamp}`, JOURNEY_TYPE_NAME, capacity, sold],
  );
  const [{ eventId, typeId }] = rows;
  if (refundable) {
    await database.query(
      `INSERT INTO "EventRefundPolicy" ("eventId", "refundable", "daysBefore", "updatedAt") VALUES ($1, true, 1, now())`,
      [eventId],
    );
  }
  return { slug, typeId };
}

export type TourCheck = (label: string) => Promise<void>;

/**
 * The tour. `page` fills in the forms (with or without JavaScript); `mail` (with JavaScript)
 * reads the demo mailbox.
 */
export async function tourAfterPurchase({
  page,
  mail,
  database,
  locale,
  stamp,
  check,
}: {
  page: Page;
  mail: Page;
  database: pg.Client;
  locale: Locale;
  stamp: string;
  check: TourCheck;
}): Promise<void> {
  const w = afterPurchaseWords[locale];
  const buyer = `greta.after.${stamp}@example.se`;
  const friend = `tove.after.${stamp}@example.se`;
  const third = `sam.after.${stamp}@example.se`;

  // Two tickets of an event that refunds until a day before.
  const refundable = await journeyEvent(database, { stamp: `${stamp}-r`, capacity: 10, sold: 0, refundable: true });
  await page.goto(`/events/${refundable.slug}`);
  await page.getByLabel(w.quantity).selectOption("2");
  await page.getByRole("button", { name: checkoutWords[locale].continue }).click();
  await page.waitForURL(/\/checkout\?/);
  await fillCheckout(page, locale, { email: buyer });
  await page.getByRole("button", { name: checkoutWords[locale].buy }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);
  const orderUrl = page.url();

  // The order page's cancellation: nothing chosen is refused at the list, then one ticket goes.
  const section = page.getByRole("region", { name: w.cancelHeading });
  await expect(section.getByRole("checkbox", { name: w.ticketOption })).toHaveCount(2);
  await check("order page with its cancellation form");
  await section.getByRole("button", { name: w.cancelSubmit }).click();
  await expect(page.getByRole("region", { name: w.cancelHeading }).getByText(w.chooseNone)).toBeVisible();
  await check("order cancellation, refused with nothing chosen");
  await page.getByRole("region", { name: w.cancelHeading }).getByRole("checkbox", { name: w.ticketOption }).first().check();
  await page.getByRole("region", { name: w.cancelHeading }).getByRole("button", { name: w.cancelSubmit }).click();
  await expect(page.getByText(w.cancelled)).toBeVisible();
  const after = page.getByRole("region", { name: w.cancelHeading });
  await expect(after.getByText(w.history)).toBeVisible();
  await expect(after.getByRole("checkbox", { name: w.ticketOption })).toHaveCount(1);
  await check("order page after cancelling one ticket");

  // The other ticket is passed on; the friend opens it from the email.
  await page.goto(orderUrl);
  const passOn = page.getByRole("region", { name: w.passOn });
  await passOn.getByLabel(w.recipientName).fill("Tove Vän");
  await passOn.getByLabel(w.recipientEmail).fill(friend);
  await passOn.getByRole("button", { name: w.passOnSubmit }).click();
  // It was the last ticket to pass on: the form gives way to the list of those passed on.
  await expect(page.getByRole("region", { name: w.passedOnList }).getByText(w.passedToLine("Tove Vän"))).toBeVisible({ timeout: 20_000 });
  const ticketUrl = await linkInNewestEmail(mail, friend, w.ticketSubject, w.showTicket);
  await page.goto(ticketUrl);
  await expect(page.getByRole("heading", { level: 1, name: w.ticketHeading("Tove Vän") })).toBeVisible();
  const keep = page.getByRole("region", { name: w.keepHeading });
  const pdfHref = (await keep.getByRole("link", { name: w.pdf }).getAttribute("href")) ?? "";
  const calendarHref = (await keep.getByRole("link", { name: w.calendar }).getAttribute("href")) ?? "";
  expect(pdfHref).toMatch(/\/tickets\/[0-9a-f-]{36}\/pdf\?key=/);
  expect(calendarHref).toMatch(/\/tickets\/[0-9a-f-]{36}\/calendar\?key=/);
  await check("passed-on ticket page");
  // Plain links: each file comes from its own route, which checks the link's key itself.
  const pdf = await page.request.get(pdfHref);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const ics = await page.request.get(calendarHref);
  expect(ics.status()).toBe(200);
  expect(ics.headers()["content-type"]).toMatch(/^text\/calendar/);

  // Passed on again from its page: the friend's link then shows no ticket and no files.
  const again = page.getByRole("region", { name: w.passOn });
  await again.getByLabel(w.recipientName).fill("Sam Tredje");
  await again.getByLabel(w.recipientEmail).fill(third);
  await again.getByRole("button", { name: w.passOnSubmit }).click();
  await expect(page.getByText(w.passedOnAgain("Sam Tredje"))).toBeVisible({ timeout: 20_000 });
  await page.goto(ticketUrl);
  await expect(page.getByText(w.passedOnAgain("Sam Tredje"))).toBeVisible();
  await expect(page.getByRole("link", { name: w.pdf })).toHaveCount(0);
  expect((await page.request.get(pdfHref)).status()).toBe(404);
  expect((await page.request.get(calendarHref)).status()).toBe(404);
  await check("passed-on ticket page, passed on again");

  // A sold-out type's waiting list: a wrong address refused at its field, then two join.
  const soldOut = await journeyEvent(database, { stamp: `${stamp}-w`, capacity: 2, sold: 2, refundable: false });
  const first = `first.after.${stamp}@example.se`;
  const second = `second.after.${stamp}@example.se`;
  await page.goto(`/events/${soldOut.slug}`);
  await check("event page, sold out");
  await page.getByRole("link", { name: w.joinLink }).click();
  await page.waitForURL(/\/waiting-list\?type=/);
  await check("waiting-list join form");
  await page.getByLabel(w.email).fill("not an address");
  await page.getByRole("button", { name: w.join }).click();
  await expect(page.getByLabel(w.email)).toHaveAccessibleDescription(w.invalidEmail);
  await check("waiting-list join form, refused");
  await page.getByLabel(w.email).fill(first);
  await page.getByLabel(w.listQuantity).selectOption("2");
  await page.getByRole("button", { name: w.join }).click();
  await expect(page.getByRole("status")).toHaveText(w.joined);
  await check("waiting-list join form, joined");
  await page.goto(`/events/${soldOut.slug}/waiting-list?type=${soldOut.typeId}`);
  await page.getByLabel(w.email).fill(second);
  await page.getByRole("button", { name: w.join }).click();
  await expect(page.getByRole("status")).toHaveText(w.joined);

  // Two tickets come back: the first in line gets the offer, and buys from its checkout.
  await database.query(`UPDATE "TicketType" SET "sold" = "sold" - 2 WHERE "id" = $1`, [soldOut.typeId]);
  await page.goto(await linkInNewestEmail(mail, first, w.offerSubject, w.offerLink));
  await expect(page.getByRole("heading", { name: w.offerHeading, level: 1 })).toBeVisible();
  await check("waiting-list offer checkout");
  await fillCheckout(page, locale, { email: first });
  await page.getByRole("button", { name: checkoutWords[locale].buy }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);

  // The second leaves from their email's link: a page with a button.
  await page.goto(await linkInNewestEmail(mail, second, w.joinedSubject, w.leave));
  await check("waiting-list leave page");
  await page.getByRole("button", { name: w.leave }).click();
  await expect(page.getByRole("status")).toHaveText(w.left);
  await check("waiting-list leave page, after leaving");
  const { rows } = await database.query<{ status: string }>(`SELECT "status"::text FROM "WaitingListEntry" WHERE "email" = $1`, [second]);
  expect(rows[0]?.status).toBe("LEFT");
}
