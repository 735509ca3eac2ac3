// The other language is offered by the browser, not the server: an English browser on a Swedish
// page is offered the English one, a Swedish browser on an English page the Swedish one, in the
// words of the language offered. The page itself, as served, is the same for everyone.
import { baseUrl, collectPageErrors } from "./browser";
import { expect, test } from "./fixtures";

const EVENT = "/events/beethovens-nionde-symfoni";

test.describe("the language the browser prefers", () => {
  test("offers English on a Swedish page, and goes to the same page in English", { tag: "@en-desktop" }, async ({ newContext }) => {
    // The page as served has no hint in it (its words travel only as the client's messages).
    const served = await (await fetch(`${baseUrl}${EVENT}`, { headers: { "accept-language": "en-GB,en;q=0.9" } })).text();
    expect(served).toContain('<html lang="sv"');
    expect(served).not.toContain('aria-label="Language"');

    const page = await (await newContext({ languageHint: true })).newPage();
    const errors = collectPageErrors(page);
    // An absolute address: the Swedish page as such, as a link shared by a Swedish friend opens it.
    await page.goto(`${baseUrl}${EVENT}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    const hint = page.getByRole("complementary", { name: "Language" });
    await expect(hint).toContainText("This page is also in English.");
    await hint.getByRole("link", { name: "Show in English" }).click();
    await page.waitForURL(`${baseUrl}/en${EVENT}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("complementary", { name: "Language" })).toHaveCount(0);

    // Once followed, it is not offered again in this browser, not even on a Swedish page.
    await page.goto(`${baseUrl}/`);
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("complementary", { name: "Language" })).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test("offers Swedish on an English page until it is dismissed", { tag: "@sv-phone" }, async ({ newContext }) => {
    const page = await (await newContext({ languageHint: true })).newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${baseUrl}/en`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const hint = page.getByRole("complementary", { name: "Språk" });
    await expect(hint).toContainText("Sidan finns också på svenska.");
    await expect(hint.getByRole("link", { name: "Visa på svenska" })).toHaveAttribute("href", "/");
    await hint.getByRole("button", { name: "Nej tack" }).click();
    await expect(page.getByRole("complementary", { name: "Språk" })).toHaveCount(0);

    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("complementary", { name: "Språk" })).toHaveCount(0);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect(errors).toEqual([]);
  });
});
