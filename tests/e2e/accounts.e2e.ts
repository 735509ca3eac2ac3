// The account behind a guest purchase, in Swedish and English, each on a desktop and a phone:
//   - claiming it from the welcome email: set a password, sign out, sign in with the password,
//     sign out, sign in with an emailed link;
//   - "Forgot your password?" on the login page for a guest who never chose one: the link it
//     emails signs them in on the set-password page, and the new password then works.
import type { Page } from "@playwright/test";
import { collectPageErrors } from "./browser";
import { expect, test } from "./fixtures";
import { buyAsGuest, checkoutWords, linkInNewestEmail, openNewestEmail, signInWords } from "./journey";

const words = {
  sv: {
    welcomeSubject: /^Välkommen till Biljett/,
    choosePassword: "Välj ett lösenord",
    emailSignIn: "Logga in",
    confirmSignIn: "Logga in",
    savePassword: "Spara lösenordet",
    passwordSaved: /^Klart! Ditt lösenord är sparat/,
    menuFor: (name: string) => new RegExp(`^Kontomeny för ${name}`),
    signOut: "Logga ut",
    signInLink: "Logga in",
    submitSignIn: "Logga in",
    forgot: "Glömt lösenordet?",
    forgotSubmit: "Skicka länken",
    forgotSent: /^Om det finns ett konto för adressen/,
    // A guest's account has no password yet: the email is about choosing one, and its confirmation is no alarm.
    passwordLinkSubject: /^Välj ett lösenord på Biljett/,
    passwordLinkButton: "Välj lösenord",
    passwordChosenSubject: /^Du har valt ett lösenord på Biljett/,
    passwordChosenText: "Du har valt ett lösenord",
    supportLine: /^Frågor om ditt konto, inloggningen eller en betalning: skriv till Biljetts support på /,
  },
  en: {
    welcomeSubject: /^Welcome to Biljett/,
    choosePassword: "Choose a password",
    emailSignIn: "Sign in",
    confirmSignIn: "Sign in",
    savePassword: "Save the password",
    passwordSaved: /^Done! Your password is saved/,
    menuFor: (name: string) => new RegExp(`^Account menu for ${name}`),
    signOut: "Sign out",
    signInLink: "Sign in",
    submitSignIn: "Sign in",
    forgot: "Forgot your password?",
    forgotSubmit: "Send the link",
    forgotSent: /^If there is an account for this address/,
    passwordLinkSubject: /^Choose a password for Biljett/,
    passwordLinkButton: "Choose a password",
    passwordChosenSubject: /^You have chosen a password for Biljett/,
    passwordChosenText: "You have chosen a password",
    supportLine: /^Questions about your account, signing in or a payment: write to Biljett's support at /,
  },
} as const;

const wordsFor = (locale: "sv" | "en") => ({ ...checkoutWords[locale], ...signInWords[locale], ...words[locale] });
type Words = ReturnType<typeof wordsFor>;

async function signOut(page: Page, w: Words, name: string) {
  await page.getByRole("button", { name: w.menuFor(name) }).click();
  await page.getByRole("menuitem", { name: w.signOut }).click();
  await page.getByRole("link", { name: w.signInLink }).first().waitFor();
}

/** Types a new password twice on the set-password page and saves it. */
async function choosePassword(page: Page, w: Words, password: string) {
  await page.waitForURL(/\/account\/password/);
  await page.locator('input[type="password"]').nth(0).fill(password);
  await page.locator('input[type="password"]').nth(1).fill(password);
  await page.getByRole("button", { name: w.savePassword }).click();
  await page.getByText(w.passwordSaved).waitFor();
}

async function signInWithPassword(page: Page, w: Words, email: string, password: string, name: string) {
  await page.goto("/login");
  await page.getByLabel(w.email).fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.getByRole("button", { name: w.submitSignIn, exact: true }).click();
  await page.getByRole("button", { name: w.menuFor(name) }).waitFor();
}

test.describe("the account behind a guest purchase", () => {
  test("claims it from the welcome email, then signs in with the password and with a link", async ({
    page,
    lang: locale,
    device: viewport,
  }) => {
    const w = wordsFor(locale);
    const errors = collectPageErrors(page);
    const name = "Greta Gustafsson";
    const email = `greta.claim.${locale}.${viewport}.${Date.now()}@example.se`;
    const password = "vintern i Umeå är lång";

    await buyAsGuest(page, locale, { name, email });

    // The welcome email speaks the language the buyer bought in. Its link opens a page with a
    // button: loading (or reloading) it uses nothing up.
    const welcome = await linkInNewestEmail(page, email, w.welcomeSubject, w.choosePassword);
    expect(welcome).toMatch(/\/login\/confirm\?token=/);
    await page.goto(welcome);
    await page.reload();
    await page.getByRole("button", { name: w.confirmSignIn }).click();
    await choosePassword(page, w, password);
    await signOut(page, w, name);

    await signInWithPassword(page, w, email, password, name);
    await signOut(page, w, name);

    await page.goto("/login");
    await page.getByLabel(w.email).fill(email);
    await page.getByRole("button", { name: w.sendLink }).click();
    await page.waitForURL(/\/login\/check-email/);
    const signInLink = await linkInNewestEmail(page, email, w.linkSubject, w.emailSignIn);
    await page.goto(signInLink);
    await page.getByRole("button", { name: w.confirmSignIn }).click();
    await page.getByRole("button", { name: w.menuFor(name) }).waitFor();

    expect(errors).toEqual([]);
  });

  test("sets a password through “Forgot your password?” with the purchase email", async ({ page, lang: locale, device: viewport }) => {
    const w = wordsFor(locale);
    const errors = collectPageErrors(page);
    const name = "Sven Svensson";
    const email = `sven.forgot.${locale}.${viewport}.${Date.now()}@example.se`;
    const password = "sju sorters kakor till kaffet";

    await buyAsGuest(page, locale, { name, email });

    await page.goto("/login");
    await page.getByRole("link", { name: w.forgot }).click();
    await page.waitForURL(/\/login\/forgot/);
    await page.getByLabel(w.email).fill(email);
    await page.getByRole("button", { name: w.forgotSubmit }).click();
    // The same answer as for an address without an account: nothing is revealed here.
    await page.getByText(w.forgotSent).waitFor();

    const link = await linkInNewestEmail(page, email, w.passwordLinkSubject, w.passwordLinkButton);
    await page.goto(link);
    await page.getByRole("button", { name: w.confirmSignIn }).click();
    await choosePassword(page, w, password);
    // A first password: "you have chosen a password", not "your password was changed", with where support is.
    await openNewestEmail(page, email, w.passwordChosenSubject);
    const chosen = page.frameLocator("iframe");
    await chosen.getByText(w.passwordChosenText, { exact: true }).waitFor();
    await chosen.getByText(w.supportLine).waitFor();
    await page.goto(locale === "en" ? "/en/account" : "/account");
    await signOut(page, w, name);

    await signInWithPassword(page, w, email, password, name);
    expect(errors).toEqual([]);
  });
});
