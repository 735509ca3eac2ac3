// A visitor who has never been here buys two tickets as a guest: first with a card that is
// declined, then with one that works, its expiry typed as digits only ("0929"); then finds the
// confirmation and the welcome email in the demo mailbox, downloads the tickets as PDFs from the
// order's page and asks there, in one click, for a link to choose a password. On a desktop and
// on a phone, in Swedish and in English.
import type { Page } from "@playwright/test";
import { journeyEvent } from "./after-purchase";
import { collectPageErrors } from "./browser";
import { expect, test } from "./fixtures";
import { checkoutWords, fillCheckout, openNewestEmail } from "./journey";

const text = {
  sv: {
    allEvents: "Visa alla evenemang",
    declined: /nekades|nekas/i,
    thanks: /Tack, Greta Gustafsson! Dina biljetter är klara\./,
    confirmationSubject: /^Dina biljetter till Beethovens nionde symfoni/,
    welcomeSubject: /^Välkommen till Biljett/,
    noAccountNeeded: /Du behöver inget konto och inget lösenord/,
    organizerGetsEitherWay: /får ditt namn och din e-postadress för evenemanget i vilket fall som helst/,
    downloadAll: /^Ladda ner alla biljetter \(PDF\)/,
    downloadTicket: /^Ladda ner \(PDF\)/,
    choosePassword: "Välj ett lösenord",
    passwordLinkSent: /^Klart! Vi har skickat en länk till/,
    // The link's email: the forgot-password page's, whichever subject it has.
    passwordLinkSubject: /^(Välj ett lösenord på Biljett|Din inloggningslänk till Biljett)/,
  },
  en: {
    allEvents: "See all events",
    declined: /declined/i,
    thanks: /Thank you, Greta Gustafsson! Your tickets are ready\./,
    confirmationSubject: /^Your tickets for Beethovens nionde symfoni/,
    welcomeSubject: /^Welcome to Biljett/,
    noAccountNeeded: /You need no account and no password/,
    organizerGetsEitherWay: /gets your name and email address for the event either way/,
    downloadAll: /^Download all tickets \(PDF\)/,
    downloadTicket: /^Download \(PDF\)/,
    choosePassword: "Choose a password",
    passwordLinkSent: /^Done! We have sent a link to/,
    passwordLinkSubject: /^(Choose a password for Biljett|Your sign-in link for Biljett)/,
  },
} as const;

/** The checkout of a type that sells out while the buyer types. */
const soldOutWords = {
  sv: { standing: /^Ståplats, antal/, soldOut: "Slutsålt", typeSoldOut: "Den här biljetten är slutsåld." },
  en: { standing: /^Ståplats, quantity/, soldOut: "Sold out", typeSoldOut: "This ticket is sold out." },
} as const;

/** The tops of the expiry and CVC inputs, side by side on every screen. */
async function cardFieldTops(page: Page, locale: "sv" | "en"): Promise<[number, number]> {
  const w = checkoutWords[locale];
  const expiry = await page.getByLabel(w.expiry).boundingBox();
  const cvc = await page.getByLabel(w.cvc).boundingBox();
  if (!expiry || !cvc) throw new Error("the card fields are not on the page");
  return [expiry.y, cvc.y];
}

test.describe("guest checkout", () => {
  test("buys two tickets without an account and finds both emails in the mailbox", async ({
    page,
    newContext,
    lang: locale,
    device: viewport,
  }) => {
    const t = { ...checkoutWords[locale], ...text[locale] };
    const errors = collectPageErrors(page);
    const email = `greta.${locale}.${viewport}.${Date.now()}@example.se`;

    await page.goto("/");
    await page.getByRole("link", { name: t.allEvents }).first().click();
    await page.waitForURL("**/events");
    await page.getByRole("searchbox").fill("Beethoven");
    await page.getByRole("searchbox").press("Enter");
    await page.waitForURL(/[?&]q=Beethoven/);
    await page.getByRole("link", { name: "Beethovens nionde symfoni" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Beethovens nionde symfoni" }).waitFor();

    await page.getByLabel(t.quantity).selectOption("2");
    await page.getByRole("button", { name: t.continue }).click();
    await page.waitForURL(/\/events\/[^/]+\/checkout\?/);

    // The opt-in names the organizer and is not ticked for the buyer; beside it, what the
    // organizer gets either way. By the email: no account is needed.
    expect(await page.getByLabel(t.optIn).isChecked()).toBe(false);
    await expect(page.getByText(t.organizerGetsEitherWay)).toBeVisible();
    await expect(page.getByText(t.noAccountNeeded)).toBeVisible();
    // On a 390 px phone the expiry and the CVC stand side by side, their inputs level.
    const [expiryTop, cvcTop] = await cardFieldTops(page, locale);
    expect(Math.abs(expiryTop - cvcTop)).toBeLessThanOrEqual(2);

    await fillCheckout(page, locale, { email, card: "4000 0000 0000 0002" });
    await page.getByRole("button", { name: t.buy }).click();
    await page.getByRole("alert").filter({ hasText: t.declined }).first().waitFor();
    // What was typed is kept, except the card.
    expect(await page.getByLabel(t.name).inputValue()).toBe("Greta Gustafsson");
    expect(await page.getByLabel(t.cardNumber).inputValue()).toBe("");

    await fillCheckout(page, locale, { email });
    // A phone's numeric keypad has no "/": the digits alone do, and the slash goes in as typed.
    await page.getByLabel(t.expiry).clear();
    await page.getByLabel(t.expiry).pressSequentially("0929");
    expect(await page.getByLabel(t.expiry).inputValue()).toBe("09/29");
    const [expiryTopAfter, cvcTopAfter] = await cardFieldTops(page, locale);
    expect(Math.abs(expiryTopAfter - cvcTopAfter)).toBeLessThanOrEqual(2);
    await page.getByRole("button", { name: t.buy }).click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);
    const orderUrl = page.url();
    await page.getByRole("heading", { name: t.thanks }).waitFor();
    const orderNumber = (
      await page
        .getByText(/^(Ordernummer|Order number):?\s/)
        .first()
        .textContent()
    )?.match(/[0-9A-Z]{8}/)?.[0];
    expect(orderNumber).toBeTruthy();
    expect(await page.getByRole("img", { name: /QR/ }).count()).toBe(2);

    await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    // The in-app sender delivers within moments; both emails are listed (and a header row).
    for (let tries = 0; (await page.getByRole("row").count()) < 3 && tries < 30; tries++) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    expect(await page.getByRole("row").count()).toBe(3);
    await page.getByRole("link", { name: t.welcomeSubject }).waitFor();
    await page.getByRole("link", { name: t.confirmationSubject }).click();
    const frame = page.frameLocator("iframe");
    await frame.getByText(orderNumber!).first().waitFor();
    expect(await frame.getByRole("img", { name: /QR/ }).count()).toBe(2);
    await page.getByRole("link", { name: /\.pdf$/ }).waitFor();

    // The order's page offers the whole order and each ticket as a PDF, under the order's key.
    await page.goto(orderUrl);
    const wholeHref = await page.getByRole("link", { name: t.downloadAll }).getAttribute("href");
    expect(await page.getByRole("link", { name: t.downloadTicket }).count()).toBe(2);
    const ticketHref = await page.getByRole("link", { name: t.downloadTicket }).first().getAttribute("href");
    for (const href of [wholeHref!, ticketHref!]) {
      const pdf = await page.request.get(href);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect((await page.request.get(href.replace(/key=[^&]+/, "key=wrong"))).status()).toBe(404);
    }

    // "Choose a password" sends its link in one click: no sign-in form, no password field.
    await page.getByRole("button", { name: t.choosePassword }).click();
    await page.getByText(t.passwordLinkSent).waitFor();
    expect(await page.locator('input[type="password"]').count()).toBe(0);
    await openNewestEmail(page, email, t.passwordLinkSubject);
    const link = await page.frameLocator("iframe").locator('a[href*="/login/confirm?token="]').first().getAttribute("href");
    expect(new URL(link!).searchParams.get("email")).toBe(email.toLowerCase());

    // Without JavaScript the button is a plain form and gives the same answer.
    const plain = await (await newContext({ javaScript: false })).newPage();
    await plain.goto(orderUrl);
    await plain.getByRole("button", { name: t.choosePassword }).click();
    await plain.getByText(t.passwordLinkSent).waitFor();

    expect(errors).toEqual([]);
  });

  test("the last tickets go to someone else while the buyer types: the form says so and keeps what was typed", async ({
    page,
    serverDatabase: database,
    lang: locale,
    device,
  }) => {
    const t = { ...checkoutWords[locale], ...soldOutWords[locale] };
    const errors = collectPageErrors(page);
    const stamp = `${locale}-${device}-${Date.now()}`;
    const email = `last.${stamp}@example.se`;
    // Two places left, Ståplats at 150 kr, at most four per order.
    const { slug, typeId } = await journeyEvent(database, { stamp: `sista-${stamp}`, capacity: 2, sold: 0, refundable: false });

    await page.goto(`/events/${slug}/checkout?q_${typeId}=2`);
    await expect(page.getByLabel(t.standing)).toHaveValue("2");
    await fillCheckout(page, locale, { name: "Sista Köparen", email });
    // Someone else buys both while this buyer types.
    await database.query(`UPDATE "TicketType" SET "sold" = "capacity" WHERE "id" = $1`, [typeId]);
    await page.getByRole("button", { name: t.buy }).click();

    // The answer shows the type sold out, without the page being loaded again, and says why
    // (in the summary, whose link leads to the type, and beside it).
    const summary = page.locator('[aria-labelledby="checkout-error-heading"]');
    await expect(summary).toContainText(t.typeSoldOut);
    await expect(page.getByLabel(t.standing)).toHaveCount(0);
    await expect(page.getByRole("listitem").filter({ hasText: "Ståplats" })).toContainText(t.soldOut);
    await summary.getByRole("link", { name: t.typeSoldOut }).click();
    await expect(page.locator(`#checkout-q_${typeId}`)).toBeFocused();
    await expect(page.getByLabel(checkoutWords[locale].name)).toHaveValue("Sista Köparen");
    await expect(page.getByLabel(checkoutWords[locale].email)).toHaveValue(email);
    expect(page.url()).toContain(`/events/${slug}/checkout`);
    expect((await database.query(`SELECT count(*)::int AS n FROM "Order" WHERE "buyerEmail" = $1`, [email])).rows[0].n).toBe(0);
    expect(errors).toEqual([]);
  });
});
