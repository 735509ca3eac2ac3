// A guest buys two tickets and passes one on from the order page to a friend. The friend opens
// it from the email in the demo mailbox (its own signed link, with a new code); at the door the
// old code is refused and the new one admitted; the order page shows the ticket as passed on,
// without its code. The form is a plain one: the same works in a browser without JavaScript.
import type pg from "pg";
import { collectPageErrors } from "./browser";
import { expect, test } from "./fixtures";
import { buyAsGuest, EVENT_SLUG, linkInNewestEmail, openNewestEmail, signInWithEmailLink } from "./journey";

const words = {
  sv: {
    section: "Lämna över en biljett",
    ticket: /^Biljett/,
    name: /^Mottagarens namn/,
    email: /^Mottagarens e-postadress/,
    submit: "Lämna över biljetten",
    sent: /^Biljetten är överlämnad till Tove Vän/,
    sentToSam: /^Biljetten är överlämnad till Sam Tredje/,
    passedOn: "Överlämnad",
    to: /till Tove Vän/,
    subject: /har gett dig en biljett till/,
    show: "Visa biljetten",
    heading: /^Tove Vän, här är din biljett/,
    from: /lämnade över biljetten till dig/,
    qr: /^QR-kod för biljett/,
    code: /^Biljettkod/,
    checkIn: "Släpp in",
    welcome: /^Välkommen in!/,
    unknown: /^Ingen biljett till det här evenemanget har den koden/,
    invalidEmail: /Skriv en enda e-postadress/,
    showTicket: /^Visa biljetten/,
    passedOnNotice: "Biljetten är överlämnad. Mottagaren har fått den med e-post, och den gamla koden gäller inte längre.",
    passedOnList: "Överlämnade biljetter",
  },
  en: {
    section: "Pass a ticket on",
    ticket: /^Ticket/,
    name: /^Recipient's name/,
    email: /^Recipient's email address/,
    submit: "Pass the ticket on",
    sent: /^The ticket was passed on to Tove Vän/,
    sentToSam: /^The ticket was passed on to Sam Tredje/,
    passedOn: "Passed on",
    to: /to Tove Vän/,
    subject: /has given you a ticket for/,
    show: "Show the ticket",
    heading: /^Tove Vän, here is your ticket/,
    from: /passed this ticket on to you/,
    qr: /^QR code for ticket/,
    code: /^Ticket code/,
    checkIn: "Check in",
    welcome: /^Welcome in!/,
    unknown: /^No ticket for this event has that code/,
    invalidEmail: /Enter a single email address/,
    showTicket: /^Show ticket/,
    passedOnNotice: "The ticket was passed on. The recipient has it by email, and the old code no longer works.",
    passedOnList: "Tickets passed on",
  },
} as const;

/** The event the journeys buy for, and its organizer (Nordljus Konserter, Karin Sjöberg's). */
async function journeyEvent(database: pg.Client): Promise<{ organizerId: string; eventId: string }> {
  const { rows } = await database.query<{ organizerId: string; eventId: string }>(
    `SELECT "organizerId", id AS "eventId" FROM "Event" WHERE slug = $1`,
    [EVENT_SLUG],
  );
  if (!rows[0]) throw new Error("the journeys' event is missing");
  return rows[0];
}

test.describe("passing a ticket on", () => {
  test("a guest passes one ticket on; the friend opens it from the email; the old code is refused at the door", async ({
    page,
    newContext,
    serverDatabase,
    lang: locale,
    device,
  }) => {
    const w = words[locale];
    const errors = collectPageErrors(page);
    const stamp = `${locale}.${device}.${Date.now()}`;
    const friend = `tove.gets.${stamp}@example.se`;
    const { url: orderUrl } = await buyAsGuest(page, locale, { email: `greta.passes.${stamp}@example.se`, quantity: 2 });

    const section = page.getByRole("region", { name: w.section });
    await expect(section).toBeVisible();
    const oldCode = await section.getByLabel(w.ticket).inputValue();
    expect(oldCode).toMatch(/^[0-9A-Z]{16,}$/);
    await expect(page.getByText(oldCode).first()).toBeVisible();

    // A refusal is shown next to its field, with what was typed kept.
    await section.getByLabel(w.name).fill("Tove Vän");
    await section.getByLabel(w.email).fill(`Tove <${friend}>`);
    await section.getByRole("button", { name: w.submit }).click();
    // The server answers the post; on a busy machine that can take a while.
    await expect(section.getByText(w.invalidEmail)).toBeVisible({ timeout: 20_000 });
    await expect(section.getByLabel(w.name)).toHaveValue("Tove Vän");

    await section.getByLabel(w.email).fill(friend);
    await section.getByRole("button", { name: w.submit }).click();
    await expect(page.getByText(w.sent)).toBeVisible({ timeout: 20_000 });

    // The sender sees it as passed on, and no longer sees its code.
    await page.goto(orderUrl);
    const passed = page.getByRole("region", { name: w.section });
    await expect(passed.getByText(w.passedOn, { exact: true })).toBeVisible();
    await expect(passed.getByText(w.to)).toBeVisible();
    await expect(page.getByText(oldCode)).toHaveCount(0);

    // The friend, in a browser of their own, opens the ticket from the email.
    const friendPage = await (await newContext()).newPage();
    await friendPage.goto(await linkInNewestEmail(friendPage, friend, w.subject, w.show));
    await expect(friendPage.getByRole("heading", { level: 1, name: w.heading })).toBeVisible();
    await expect(friendPage.getByText(w.from)).toBeVisible();
    // The QR code is named for the code it holds, which the page also shows in words.
    const qrName = (await friendPage.getByRole("img", { name: w.qr }).getAttribute("aria-label")) ?? "";
    const newCode = /([0-9A-Z]{16,})/.exec(qrName)?.[1] ?? "";
    expect(newCode).not.toBe("");
    expect(newCode).not.toBe(oldCode);
    await expect(friendPage.getByText(newCode, { exact: true })).toBeVisible();

    // At the door: the old code is no ticket any more, the new one gets in.
    const { organizerId, eventId } = await journeyEvent(serverDatabase);
    const door = await (await newContext({ signedInAs: "karin.sjoberg@example.se" })).newPage();
    await door.goto(`/organizer/${organizerId}/events/${eventId}/check-in`);
    await door.getByLabel(w.code).fill(oldCode);
    await door.getByRole("button", { name: w.checkIn, exact: true }).click();
    await expect(door.getByText(w.unknown)).toBeVisible();
    await door.getByLabel(w.code).fill(newCode);
    await door.getByRole("button", { name: w.checkIn, exact: true }).click();
    await expect(door.getByText(w.welcome)).toBeVisible();

    expect(errors).toEqual([]);
  });

  test("passes a ticket on from the order page in a browser without JavaScript", async ({ page, newContext, lang: locale, device }) => {
    const w = words[locale];
    const stamp = `${locale}.${device}.${Date.now()}`;
    const friend = `sam.gets.${stamp}@example.se`;
    const { url: orderUrl } = await buyAsGuest(page, locale, { email: `bo.passes.${stamp}@example.se`, quantity: 2 });

    const plain = await (await newContext({ javaScript: false })).newPage();
    await plain.goto(orderUrl);
    const section = plain.getByRole("region", { name: w.section });
    await section.getByLabel(w.name).fill("Sam Tredje");
    await section.getByLabel(w.email).fill(friend);
    await section.getByRole("button", { name: w.submit }).click();
    await expect(plain.getByText(w.sentToSam)).toBeVisible({ timeout: 20_000 });
    await plain.goto(orderUrl);
    await expect(plain.getByRole("region", { name: w.section }).getByText(w.passedOn, { exact: true })).toBeVisible();
    await openNewestEmail(plain, friend, w.subject);
  });

  test("passes a ticket on from the account's ticket page, and My tickets says it went", async ({ page, lang: locale, device }) => {
    const w = words[locale];
    const errors = collectPageErrors(page);
    const stamp = `${locale}.${device}.${Date.now()}`;
    const buyer = `ida.passes.${stamp}@example.se`;
    const friend = `tove.from.account.${stamp}@example.se`;
    await buyAsGuest(page, locale, { email: buyer, quantity: 2 });
    // The guest's purchase made the account: a link to the address signs it in.
    await signInWithEmailLink(page, locale, buyer);

    await page.goto("/account/tickets");
    await page.getByRole("link", { name: w.showTicket }).first().click();
    await page.waitForURL(/\/account\/tickets\/[0-9A-Z]{16,}$/);
    const section = page.getByRole("region", { name: w.section });
    await section.getByLabel(w.name).fill("Tove Vän");
    await section.getByLabel(w.email).fill(friend);
    await section.getByRole("button", { name: w.submit }).click();

    // The ticket's page is the friend's now: back on My tickets, which says the ticket went.
    await page.waitForURL(/\/account\/tickets\?notice=passed-on$/, { timeout: 20_000 });
    await expect(page.getByRole("status").filter({ hasText: w.passedOnNotice })).toBeVisible();
    await expect(page.getByRole("heading", { name: w.passedOnList })).toBeVisible();
    await expect(page.getByText(w.to).first()).toBeVisible();
    await openNewestEmail(page, friend, w.subject);

    expect(errors).toEqual([]);
  });
});
