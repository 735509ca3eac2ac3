// A guest buys tickets and adds the event to a calendar from the order page; later, signed in,
// does the same from a ticket page. The calendar file carries the event's zone and the way back
// (the order's signed link, or the ticket page); a wrong key or another account gets a 404, as
// for the PDFs. This build has no wallet settings, so no wallet button is offered. Plain links:
// the same works in a browser that runs no JavaScript.
import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { collectPageErrors } from "./browser";
import { expect, test } from "./fixtures";
import { buyAsGuest, EVENT_TITLE, signInWithEmailLink } from "./journey";

const text = {
  sv: {
    calendar: /^Lägg till i kalendern \(\.ics\) för /,
    appleWallet: /Apple Wallet/,
    googleWallet: /Google Wallet/,
    showTicket: /^Visa biljetten \w/,
    filename: /^evenemang-[0-9A-Z]{8}\.ics$/,
    yourTickets: "Dina biljetter: ",
  },
  en: {
    calendar: /^Add to calendar \(\.ics\) for /,
    appleWallet: /Apple Wallet/,
    googleWallet: /Google Wallet/,
    showTicket: /^Show ticket \w/,
    filename: /^event-[0-9A-Z]{8}\.ics$/,
    yourTickets: "Your tickets: ",
  },
} as const;

/** One property of the calendar's event, unfolded and unescaped as a calendar reads it. */
function calendarProperty(ics: string, name: string): { params: string; value: string } {
  const unfolded = ics.replace(/\r\n[ \t]/g, "");
  const event = unfolded.slice(unfolded.indexOf("BEGIN:VEVENT"), unfolded.indexOf("END:VEVENT"));
  const line = event.split("\r\n").find((candidate) => candidate.startsWith(`${name}:`) || candidate.startsWith(`${name};`));
  if (!line) throw new Error(`no ${name} in the calendar file`);
  const colon = line.indexOf(":");
  return {
    params: line.slice(name.length, colon),
    value: line
      .slice(colon + 1)
      .replace(/\\n/g, "\n")
      .replace(/\\([,;\\])/g, "$1"),
  };
}

/** Clicks the link as a person would and reads the file the browser saved. */
async function download(page: Page, link: ReturnType<Page["getByRole"]>): Promise<{ file: Download; ics: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return { file, ics: await readFile((await file.path())!, "utf8") };
}

function expectEventInItsZone(ics: string) {
  expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  const zone = ics.match(/BEGIN:VTIMEZONE\r\nTZID:([^\r\n]+)/)?.[1];
  expect(zone).toMatch(/^[A-Za-z_]+\/[A-Za-z_]+$/);
  expect(calendarProperty(ics, "SUMMARY").value).toBe(EVENT_TITLE);
  expect(calendarProperty(ics, "DTSTART").params).toBe(`;TZID=${zone}`);
  expect(calendarProperty(ics, "DTSTART").value).toMatch(/^\d{8}T\d{6}$/);
  expect(calendarProperty(ics, "DTEND").params).toBe(`;TZID=${zone}`);
}

test.describe("keeping the tickets", () => {
  test("adds the event to a calendar from the order page and from a ticket page; others get a 404", async ({
    page,
    context,
    newContext,
    lang: locale,
    device,
  }) => {
    const t = text[locale];
    const errors = collectPageErrors(page);
    const email = `greta.keeps.${locale}.${device}.${Date.now()}@example.se`;
    const { url: orderUrl } = await buyAsGuest(page, locale, { email, quantity: 2 });
    const orderPath = new URL(orderUrl).pathname + new URL(orderUrl).search;

    // The order page: one calendar link, named for the event; no wallet without its settings.
    const calendarLink = page.getByRole("link", { name: t.calendar });
    await expect(calendarLink).toHaveCount(1);
    await expect(calendarLink).toHaveAccessibleName(new RegExp(EVENT_TITLE));
    await expect(page.getByRole("link", { name: t.appleWallet })).toHaveCount(0);
    await expect(page.getByRole("link", { name: t.googleWallet })).toHaveCount(0);

    const fromOrder = await download(page, calendarLink);
    expect(fromOrder.file.suggestedFilename()).toMatch(t.filename);
    expectEventInItsZone(fromOrder.ics);
    // The entry leads back to this order's page, by its signed link, in the page's language.
    const back = new URL(calendarProperty(fromOrder.ics, "URL").value);
    expect(back.pathname + back.search).toBe(orderPath);
    expect(calendarProperty(fromOrder.ics, "DESCRIPTION").value).toContain(`${t.yourTickets}${back.href}`);

    // Without the order's key, or with a wrong one, there is no calendar file.
    const calendarHref = (await calendarLink.getAttribute("href"))!;
    const key = new URL(calendarHref, orderUrl).searchParams.get("key")!;
    const wrongKey = calendarHref.replace(`key=${key}`, `key=${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`);
    for (const href of [calendarHref.replace(/\?.*$/, ""), wrongKey]) {
      expect([href, (await context.request.get(href)).status()]).toEqual([href, 404]);
    }

    // Without JavaScript the order page offers the same plain link, and it downloads.
    const noScript = await newContext({ javaScript: false });
    const plain = await noScript.newPage();
    await plain.goto(orderPath);
    const plainDownload = await download(plain, plain.getByRole("link", { name: t.calendar }));
    expectEventInItsZone(plainDownload.ics);
    await noScript.close();

    // Signed in as the buyer: each ticket page offers the event too, linking to that ticket.
    await signInWithEmailLink(page, locale, email);
    await page.goto("/account/tickets");
    await page.getByRole("link", { name: t.showTicket }).first().click();
    await page.waitForURL(/\/account\/tickets\/[0-9A-Z]{16}$/);
    const code = page.url().split("/").pop()!;
    await expect(page.getByRole("link", { name: t.appleWallet })).toHaveCount(0);
    const fromTicket = await download(page, page.getByRole("link", { name: t.calendar }));
    expectEventInItsZone(fromTicket.ics);
    expect(new URL(calendarProperty(fromTicket.ics, "URL").value).pathname).toMatch(new RegExp(`^(/en)?/account/tickets/${code}$`));
    // One entry per order, whichever page it came from: a second import updates the first.
    expect(calendarProperty(fromTicket.ics, "UID").value).toBe(calendarProperty(fromOrder.ics, "UID").value);
    const ticketCalendarHref = (await page.getByRole("link", { name: t.calendar }).getAttribute("href"))!;

    // Somebody else, signed in: the ticket's calendar is not found, as its PDF is not.
    const stranger = await newContext();
    const strangerPage = await stranger.newPage();
    await signInWithEmailLink(strangerPage, locale, `stranger.keeps.${locale}.${device}.${Date.now()}@example.se`);
    for (const href of [ticketCalendarHref, `/account/tickets/${code}/pdf`, "/account/tickets/0000000000000000/calendar"]) {
      expect([href, (await stranger.request.get(href, { maxRedirects: 0 })).status()]).toEqual([href, 404]);
    }
    await stranger.close();

    expect(errors).toEqual([]);
  });
});
