// A guest buys a ticket, later signs in with an emailed link from "My tickets", finds the
// order there, downloads a ticket as PDF, asks for the tickets again and opens the door view.
// In Swedish and English, each on a desktop and a phone.
import type { Page } from "@playwright/test";
import { collectPageErrors } from "./browser";
import { expect, test } from "./fixtures";
import { buyAsGuest, linkInNewestEmail, signInWithEmailLink } from "./journey";

const text = {
  sv: {
    loginEmail: /^E-postadress/,
    sendLink: "Mejla mig en inloggningslänk i stället",
    linkSubject: /^Din inloggningslänk till Biljett/,
    signIn: "Logga in",
    heading: "Mina biljetter",
    upcoming: "Kommande",
    showTicket: /^Visa biljetten \w/,
    downloadTicket: /^PDF för biljett /,
    downloadAll: /^Ladda ner alla biljetter \(PDF\) i order/,
    resend: "Skicka mina biljetter igen",
    resent: /Klart! Biljetterna är på väg till/,
    doorMode: "Visa i dörrläge",
    closeDoor: "Stäng dörrläget",
    confirmationSubject: /^Dina biljetter till Beethovens nionde symfoni/,
  },
  en: {
    loginEmail: /^Email address/,
    sendLink: "Email me a sign-in link instead",
    linkSubject: /^Your sign-in link for Biljett/,
    signIn: "Sign in",
    heading: "My tickets",
    upcoming: "Upcoming",
    showTicket: /^Show ticket \w/,
    downloadTicket: /^PDF of ticket /,
    downloadAll: /^Download all tickets \(PDF\) of order/,
    resend: "Send my tickets again",
    resent: /Done! Your tickets are on their way to/,
    doorMode: "Show at the door",
    closeDoor: "Close door view",
    confirmationSubject: /^Your tickets for Beethovens nionde symfoni/,
  },
} as const;

/** The number of emails to `email` whose subject matches, as the demo mailbox lists them. */
async function mailCount(page: Page, email: string, subject: RegExp): Promise<number> {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  return page.getByRole("link", { name: subject }).count();
}

async function waitForMail(page: Page, email: string, subject: RegExp, atLeast: number) {
  for (let tries = 0; (await mailCount(page, email, subject)) < atLeast && tries < 30; tries++) await page.waitForTimeout(500);
  expect(await mailCount(page, email, subject)).toBeGreaterThanOrEqual(atLeast);
}

test.describe("my tickets", () => {
  test("signs in from My tickets, downloads a ticket, resends the order and opens the door view", async ({
    page,
    context,
    newContext,
    lang: locale,
    device: viewport,
  }) => {
    const t = text[locale];
    const errors = collectPageErrors(page);
    const email = `greta.tickets.${locale}.${viewport}.${Date.now()}@example.se`;

    const { orderNumber } = await buyAsGuest(page, locale, { email, quantity: 2 });
    expect(orderNumber).toMatch(/^[0-9A-Z]{8}$/);

    // Signed out, My tickets sends the visitor to sign in and back again.
    await page.goto("/account/tickets");
    await page.waitForURL(/\/login\?callbackUrl=(?:%2Fen)?%2Faccount%2Ftickets|\/login\?callbackUrl=(?:\/en)?\/account\/tickets/);
    await page.getByLabel(t.loginEmail).first().fill(email);
    await page.getByRole("button", { name: t.sendLink }).click();
    await page.waitForURL(/\/login\/check-email/);
    await page.goto(await linkInNewestEmail(page, email, t.linkSubject, t.signIn));
    await page.getByRole("button", { name: t.signIn }).click();
    await page.waitForURL(/\/account\/tickets$/);

    await page.getByRole("heading", { level: 1, name: t.heading }).waitFor();
    const upcoming = page.getByRole("region", { name: t.upcoming });
    await upcoming.getByText(orderNumber).first().waitFor();
    expect(await upcoming.getByRole("link", { name: t.showTicket }).count()).toBe(2);

    // The PDFs are downloads of the signed-in session: fetched with the browser's cookies.
    const ticketPdfHref = await page.getByRole("link", { name: t.downloadTicket }).first().getAttribute("href");
    const ticketPdf = await context.request.get(ticketPdfHref!);
    expect(ticketPdf.status()).toBe(200);
    expect(ticketPdf.headers()["content-type"]).toBe("application/pdf");
    expect(ticketPdf.headers()["cache-control"]).toContain("no-store");
    expect(ticketPdf.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.pdf"/);
    expect((await ticketPdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const orderPdf = await context.request.get((await page.getByRole("link", { name: t.downloadAll }).getAttribute("href"))!);
    expect(orderPdf.headers()["content-type"]).toBe("application/pdf");
    expect((await orderPdf.body()).length).toBeGreaterThan((await ticketPdf.body()).length);
    // Another code, or none, is not found.
    expect((await context.request.get("/account/tickets/0000000000000000/pdf")).status()).toBe(404);

    await page.getByRole("button", { name: t.resend }).click();
    await page.getByRole("status").filter({ hasText: t.resent }).waitFor();

    await page.goto("/account/tickets");
    await page.getByRole("link", { name: t.showTicket }).first().click();
    await page.waitForURL(/\/account\/tickets\/[0-9A-Z]{16}$/);
    const code = page.url().split("/").pop()!;
    expect(await page.getByRole("img", { name: new RegExp(code) }).count()).toBe(1);

    await page.getByRole("link", { name: t.doorMode }).click();
    await page.waitForURL(/\?view=door$/);
    await page.getByText(code, { exact: true }).waitFor();
    const qr = page.getByRole("img", { name: new RegExp(code) });
    const box = await qr.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    await page.getByRole("link", { name: t.closeDoor }).click();
    await page.waitForURL(new RegExp(`/account/tickets/${code}$`));

    // The door view is whole without JavaScript: the same session in a browser that runs none.
    const noScript = await newContext({ javaScript: false });
    await noScript.addCookies(await context.cookies());
    const plain = await noScript.newPage();
    await plain.goto(`/account/tickets/${code}?view=door`);
    await plain.getByText(code, { exact: true }).waitFor();
    expect(await plain.getByRole("img", { name: new RegExp(code) }).count()).toBe(1);
    await noScript.close();

    // The resend went to the account: the order confirmation is in the mailbox twice now.
    await waitForMail(page, email, t.confirmationSubject, 2);

    // Somebody else, signed in, who has every address of it: nothing is there for them (404,
    // the same as for a code that does not exist).
    const orderPdfHref = (await orderPdf.url()).replace(/^https?:\/\/[^/]+/, "");
    const stranger = await newContext();
    const strangerPage = await stranger.newPage();
    await signInWithEmailLink(strangerPage, locale, `stranger.${locale}.${viewport}.${Date.now()}@example.se`);
    for (const href of [
      `/account/tickets/${code}`,
      `/account/tickets/${code}?view=door`,
      ticketPdfHref!,
      orderPdfHref,
      `/api/v1/me/tickets/${code}`,
    ]) {
      expect([href, (await stranger.request.get(href, { maxRedirects: 0 })).status()]).toEqual([href, 404]);
    }
    await stranger.close();

    expect(errors).toEqual([]);
  });
});
