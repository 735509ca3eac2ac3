// One support route: an organizer sets the contact address that order emails reply to (the
// field refuses what is not one plain address with its message, keeping what was typed), and
// the help page says whom to ask in the words of every email footer. In Swedish and English,
// each on a desktop and a phone.
import { collectPageErrors } from "./browser";
import { expect, test, type SignedInOwner } from "./fixtures";

const words = {
  sv: {
    owner: "karin.sjoberg@example.se" as SignedInOwner,
    settings: "Inställningar",
    heading: "Inställningar",
    field: "Kontaktadress",
    save: "Spara",
    notPlain: "Skriv bara en e-postadress, utan namn, mellanslag eller flera adresser.",
    saved: /^Kontaktadressen är sparad/,
    supportHeading: "Frågor och support",
    organizerLine: /^Frågor om ett evenemang eller en beställning: svara på orderbekräftelsen, så når du arrangören/,
  },
  en: {
    owner: "jonas.bergstrom@example.se" as SignedInOwner,
    settings: "Settings",
    heading: "Settings",
    field: "Contact address",
    save: "Save",
    notPlain: "Enter just one email address, without a name, spaces or other addresses.",
    saved: /^The contact address is saved/,
    supportHeading: "Questions and support",
    organizerLine: /^Questions about an event or an order: reply to the order confirmation to reach the organizer/,
  },
} as const;

test.describe("support routes", () => {
  test("an owner sets the contact address buyers' replies go to, and a bad one is refused at the field", async ({ newContext, lang }) => {
    const w = words[lang];
    const context = await newContext({ signedInAs: w.owner });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto("/organizer");
    await page.waitForURL(/\/organizer\/[0-9a-f-]{36}$/);
    await page.getByRole("link", { name: w.settings }).click();
    await page.getByRole("heading", { level: 1, name: w.heading }).waitFor();

    const field = page.getByLabel(w.field, { exact: true });
    const typed = "Publik <publik@arrangor.example.se>";
    await field.fill(typed);
    await page.getByRole("button", { name: w.save }).click();
    await expect(page.getByText(w.notPlain)).toBeVisible();
    await expect(page.getByLabel(w.field, { exact: true })).toHaveValue(typed);
    await expect(page.getByLabel(w.field, { exact: true })).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel(w.field, { exact: true }).fill("Publik@Arrangor.example.se");
    await page.getByRole("button", { name: w.save }).click();
    await expect(page.getByText(w.saved)).toBeVisible();
    await expect(page.getByLabel(w.field, { exact: true })).toHaveValue("publik@arrangor.example.se");

    // Emptied, replies go back to the organizer's own address.
    await page.getByLabel(w.field, { exact: true }).fill("");
    await page.getByRole("button", { name: w.save }).click();
    await expect(page.getByText(w.saved)).toBeVisible();
    await expect(page.getByLabel(w.field, { exact: true })).toHaveValue("");
    expect(errors).toEqual([]);
  });

  test("the help page says whom to ask, with the site's support address as a link", async ({ page, lang }) => {
    const w = words[lang];
    const errors = collectPageErrors(page);
    await page.goto("/help");
    const section = page.getByRole("region", { name: w.supportHeading });
    await expect(section.getByText(w.organizerLine)).toBeVisible();
    await expect(section.getByRole("link", { name: "support@localhost" })).toHaveAttribute("href", "mailto:support@localhost");
    expect(errors).toEqual([]);
  });
});
