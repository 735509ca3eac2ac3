// A buyer who said yes to an organizer's news signs in with an emailed link, withdraws the
// consent, downloads their data and deletes the account: in Swedish and English, each on a desktop
// and a phone.
import { readFileSync } from "node:fs";
import { expectNoAxeViolations } from "./axe";
import { collectPageErrors } from "./browser";
import { expect, test } from "./fixtures";
import { buyAsGuest, signInWithEmailLink } from "./journey";

const text = {
  sv: {
    privacyLink: /^Integritet och samtycken/,
    source: /^Vid köpet av biljetter till Beethovens nionde symfoni, order [0-9A-Z]{8}$/,
    withdraw: "Återkalla samtycket för Nordljus Konserter",
    withdrawn: "Klart. Arrangören får inte längre mejla dig nyheter.",
    history: "Återkallade samtycken",
    download: "Ladda ner mina uppgifter",
    deleteLink: "Ta bort mitt konto",
    confirmEmail: /^Skriv din e-postadress för att bekräfta/,
    mismatch: /Det är inte adressen till ditt konto/,
    deleteButton: "Ta bort mitt konto för alltid",
    deleted: "Ditt konto är borttaget",
    kept: /bokföringslagen/,
  },
  en: {
    privacyLink: /^Privacy and consent/,
    source: /^When buying tickets for Beethovens nionde symfoni, order [0-9A-Z]{8}$/,
    withdraw: "Withdraw consent for Nordljus Konserter",
    withdrawn: "Done. The organizer may no longer email you news.",
    history: "Withdrawn consents",
    download: "Download my data",
    deleteLink: "Delete my account",
    confirmEmail: /^Type your email address to confirm/,
    mismatch: /That is not your account's address/,
    deleteButton: "Delete my account for good",
    deleted: "Your account is deleted",
    kept: /bookkeeping law/,
  },
} as const;

test.describe("privacy and deleting the account", () => {
  test("withdraws a consent, downloads the data and deletes the account", async ({ page, context, lang: locale, device: viewport }) => {
    const t = text[locale];
    const errors = collectPageErrors(page);
    const email = `greta.privacy.${locale}.${viewport}.${Date.now()}@example.se`;

    const { url: orderUrl } = await buyAsGuest(page, locale, { email, optIn: true });
    await signInWithEmailLink(page, locale, email);

    await page.goto("/account");
    await page.getByRole("link", { name: t.privacyLink }).click();
    await page.waitForURL(/\/account\/privacy$/);
    await page.getByText("Nordljus Konserter", { exact: true }).waitFor();
    await page.getByText(t.source).waitFor();

    // Withdrawing takes effect at once: the consent moves to the history.
    await page.getByRole("button", { name: t.withdraw }).click();
    await page.getByRole("status").filter({ hasText: t.withdrawn }).waitFor();
    expect(await page.getByRole("button", { name: t.withdraw }).count()).toBe(0);
    await page.getByRole("heading", { name: t.history }).waitFor();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t.download }).click()]);
    expect(download.suggestedFilename()).toMatch(/^biljett-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync((await download.path())!, "utf8"));
    expect(data.profile.email).toBe(email);
    expect(data.orders).toHaveLength(1);
    expect(data.orders[0].tickets).toHaveLength(1);
    expect(data.marketingConsents).toHaveLength(1);
    expect(data.marketingConsents[0].withdrawnAt).not.toBeNull();
    expect(data.sessions.active).toBe(1);
    const response = await page.request.get("/account/privacy/export");
    expect(response.headers()["cache-control"]).toBe("private, no-store");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="biljett-data-/);

    await page.getByRole("link", { name: t.deleteLink }).click();
    await page.waitForURL(/\/account\/privacy\/delete$/);
    await page.getByLabel(t.confirmEmail).fill("someone.else@example.se");
    await page.getByRole("button", { name: t.deleteButton }).click();
    await page.getByText(t.mismatch).waitFor();
    expect(await page.getByLabel(t.confirmEmail).inputValue()).toBe("someone.else@example.se");
    await page.getByLabel(t.confirmEmail).fill(email);
    await page.getByRole("button", { name: t.deleteButton }).click();
    await page.waitForURL(/\/account\/deleted$/);
    await page.getByRole("heading", { level: 1, name: t.deleted }).waitFor();
    await page.getByText(t.kept).first().waitFor();
    await expectNoAxeViolations(page, "/account/deleted");

    // Signed out: no session cookie, and the account pages ask for a sign-in.
    expect((await context.cookies()).filter((cookie) => cookie.name.endsWith("authjs.session-token"))).toEqual([]);
    await page.goto("/account/privacy");
    await page.waitForURL(/\/login/);
    // The order and its tickets are still there behind the confirmation's link.
    expect((await page.goto(orderUrl))?.status()).toBe(200);

    expect(errors).toEqual([]);
  });
});

test.describe("privacy without JavaScript", { tag: "@sv-desktop" }, () => {
  test("withdraws with the plain form and deletes after a refused confirmation", async ({ newContext }) => {
    const t = text.sv;
    const withScript = await newContext();
    const setup = await withScript.newPage();
    const email = `greta.nojs.${Date.now()}@example.se`;
    await buyAsGuest(setup, "sv", { email, optIn: true });
    await signInWithEmailLink(setup, "sv", email);
    const cookies = await withScript.cookies();
    await withScript.close();

    const context = await newContext({ javaScript: false });
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto("/account/privacy");
    await page.getByRole("button", { name: t.withdraw }).click();
    await page.getByRole("status").filter({ hasText: t.withdrawn }).waitFor();

    await page.goto("/account/privacy/delete");
    await page.getByLabel(t.confirmEmail).fill("fel@example.se");
    await page.getByRole("button", { name: t.deleteButton }).click();
    await page.getByText(t.mismatch).waitFor();
    expect(await page.getByLabel(t.confirmEmail).inputValue()).toBe("fel@example.se");
    await page.getByLabel(t.confirmEmail).fill(email.toUpperCase());
    await page.getByRole("button", { name: t.deleteButton }).click();
    await page.getByRole("heading", { level: 1, name: t.deleted }).waitFor();
    expect((await context.cookies()).filter((cookie) => cookie.name.endsWith("authjs.session-token"))).toEqual([]);
  });
});
