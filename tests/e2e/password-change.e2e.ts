// Replacing a password, in Swedish and English, on a desktop and a phone. Right after signing
// in the new password is enough; once the sign-in is older (the session's creation time is moved
// back in the server's database), the page asks for the current one too: a wrong one gets its
// message next to that field, the right one saves. Run with TEST_DATABASE_URL.
import type { Page } from "@playwright/test";
import { collectPageErrors } from "./browser";
import { expect, test } from "./fixtures";
import { signInWithEmailLink } from "./journey";

const words = {
  sv: {
    current: "Nuvarande lösenord",
    next: "Nytt lösenord",
    again: "Skriv lösenordet igen",
    save: "Spara lösenordet",
    saved: /^Klart! Ditt lösenord är sparat/,
    wrong: "Det är inte ditt nuvarande lösenord. Försök igen, eller logga in med en länk via e-post.",
  },
  en: {
    current: "Current password",
    next: "New password",
    again: "Type the password again",
    save: "Save the password",
    saved: /^Done! Your password is saved/,
    wrong: "That is not your current password. Try again, or sign in with an emailed link.",
  },
} as const;

type Words = (typeof words)[keyof typeof words];

/** The input whose label starts so (a required field's label ends in "(required)"). */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}`)).and(page.locator("input"));

async function typeNewPassword(page: Page, w: Words, password: string) {
  await field(page, w.next).fill(password);
  await field(page, w.again).fill(password);
  await page.getByRole("button", { name: w.save }).click();
}

test.describe("replacing a password", () => {
  test("needs the current one once the sign-in is old", async ({ page, serverDatabase: database, lang: locale, device: viewport }) => {
    const w = words[locale];
    const errors = collectPageErrors(page);
    const email = `losen.${locale}.${viewport}.${Date.now()}@example.se`;

    await signInWithEmailLink(page, locale, email);
    await page.goto("/account/password");
    expect(await field(page, w.current).count()).toBe(0);
    await typeNewPassword(page, w, "första lösenordet i vintras");
    await page.getByText(w.saved).waitFor();

    // Twenty minutes later, by the session's clock.
    const aged = await database.query(
      `UPDATE "Session" SET "createdAt" = now() - interval '20 minutes'
        WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`,
      [email],
    );
    expect(aged.rowCount).toBe(1);

    await page.goto("/account/password");
    const current = field(page, w.current);
    await current.fill("fel gissning");
    await typeNewPassword(page, w, "andra lösenordet i våras");
    await page.getByText(w.wrong).waitFor();
    // The message belongs to the field, and the field has the focus to try again.
    expect(await current.getAttribute("aria-invalid")).toBe("true");
    expect(await current.evaluate((element) => element === document.activeElement)).toBe(true);

    await current.fill("första lösenordet i vintras");
    await typeNewPassword(page, w, "andra lösenordet i våras");
    await page.getByText(w.saved).waitFor();

    expect(errors).toEqual([]);
  });
});
