// A visitor who has never been here buys two tickets as a guest: first with a card that is
// declined, then with one that works; then finds the confirmation and the welcome email in
// the demo mailbox. On a desktop and on a phone, in Swedish and in English.
import { collectPageErrors } from "./browser";
import { expect, test } from "./fixtures";
import { checkoutWords, fillCheckout } from "./journey";

const text = {
  sv: {
    allEvents: "Visa alla evenemang",
    declined: /nekades|nekas/i,
    thanks: /Tack, Greta Gustafsson! Dina biljetter är klara\./,
    confirmationSubject: /^Dina biljetter till Beethovens nionde symfoni/,
    welcomeSubject: /^Välkommen till Biljett/,
  },
  en: {
    allEvents: "See all events",
    declined: /declined/i,
    thanks: /Thank you, Greta Gustafsson! Your tickets are ready\./,
    confirmationSubject: /^Your tickets for Beethovens nionde symfoni/,
    welcomeSubject: /^Welcome to Biljett/,
  },
} as const;

test.describe("guest checkout", () => {
  test("buys two tickets without an account and finds both emails in the mailbox", async ({ page, lang: locale, device: viewport }) => {
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

    // The opt-in names the organizer and is not ticked for the buyer.
    expect(await page.getByLabel(t.optIn).isChecked()).toBe(false);

    await fillCheckout(page, locale, { email, card: "4000 0000 0000 0002" });
    await page.getByRole("button", { name: t.buy }).click();
    await page.getByRole("alert").filter({ hasText: t.declined }).first().waitFor();
    // What was typed is kept, except the card.
    expect(await page.getByLabel(t.name).inputValue()).toBe("Greta Gustafsson");
    expect(await page.getByLabel(t.cardNumber).inputValue()).toBe("");

    await fillCheckout(page, locale, { email });
    await page.getByRole("button", { name: t.buy }).click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);
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

    expect(errors).toEqual([]);
  });
});
