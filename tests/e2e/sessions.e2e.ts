// Where the account is signed in, in Swedish and English, on a desktop and a phone: two
// browsers sign in to one account; the first lists both and signs the other out, which is then
// sent to the sign-in page on its next visit while the first stays signed in.
import { localizePath } from "../../lib/i18n/paths";
import { collectPageErrors } from "./browser";
import { expect, test } from "./fixtures";
import { signInWithEmailLink } from "./journey";

const words = {
  sv: {
    link: "Inloggade enheter",
    heading: "Var du är inloggad",
    two: "2 inloggningar",
    device: "Chrome på Linux",
    here: "Den här enheten",
    signOut: "Logga ut på alla andra enheter",
    done: "Klart. Du är nu bara inloggad här.",
    none: "Du är inte inloggad någon annanstans.",
  },
  en: {
    link: "Signed-in devices",
    heading: "Where you are signed in",
    two: "2 sign-ins",
    device: "Chrome on Linux",
    here: "This device",
    signOut: "Sign out on every other device",
    done: "Done. You are now signed in only here.",
    none: "You are not signed in anywhere else.",
  },
} as const;

test.describe("signed-in devices", () => {
  test("lists both sign-ins and signs the other one out", async ({ page, newContext, lang: locale, device: viewport }) => {
    const w = words[locale];
    const email = `enheter.${locale}.${viewport}.${Date.now()}@example.se`;
    const other = await (await newContext()).newPage();
    const errors = collectPageErrors(page);

    await signInWithEmailLink(page, locale, email);
    await signInWithEmailLink(other, locale, email);

    await page.goto("/account");
    await page.getByRole("link", { name: w.link }).click();
    await page.getByRole("heading", { level: 1, name: w.heading }).waitFor();
    await page.getByRole("heading", { name: w.two }).waitFor();
    expect(await page.getByText(w.device, { exact: true }).count()).toBe(2);
    expect(await page.getByText(w.here, { exact: true }).count()).toBe(1);

    await page.getByRole("button", { name: w.signOut }).click();
    await page.getByText(w.done).waitFor();
    await page.getByText(w.none).waitFor();
    expect(await page.getByText(w.device, { exact: true }).count()).toBe(1);

    // The other browser's cookie no longer opens the account; this one's still does.
    await other.goto("/account");
    await other.waitForURL(/\/login\?callbackUrl=/);
    await page.goto("/account");
    expect(new URL(page.url()).pathname).toBe(localizePath("/account", locale));

    expect(errors).toEqual([]);
  });
});
