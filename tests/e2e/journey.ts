// Steps many journeys share, in both languages: buying as a guest, reading the demo mailbox and
// signing in with an emailed link. Each journey file keeps only its own steps and words.
import type { Page } from "@playwright/test";
import type { Locale } from "./browser";

export type { Locale };

export const EVENT_TITLE = "Beethovens nionde symfoni";
export const EVENT_SLUG = "beethovens-nionde-symfoni";

/** The checkout's labels and buttons. Required fields read "Namn (obligatoriskt)", so labels match from the start. */
export const checkoutWords = {
  sv: {
    quantity: /^Antal, Parkett/,
    continue: "Fortsätt",
    name: /^Namn\b/,
    email: /^E-postadress(?!en)/,
    emailAgain: /^E-postadressen en gång till/,
    cardNumber: "Kortnummer",
    expiry: "Giltigt till",
    cvc: "CVC",
    terms: /Jag godkänner/,
    optIn: /får mejla mig om kommande evenemang/,
    buy: "Köp biljetterna",
  },
  en: {
    quantity: /^Quantity, Parkett/,
    continue: "Continue",
    name: /^Name\b/,
    email: /^Email address(?! again)/,
    emailAgain: /^Email address again/,
    cardNumber: "Card number",
    expiry: "Expiry date",
    cvc: "CVC",
    terms: /I accept/,
    optIn: /may email me about coming events/,
    buy: "Buy the tickets",
  },
} as const;

/** The login page, the sign-in email and the header once signed in. */
export const signInWords = {
  sv: {
    loginEmail: /^E-postadress/,
    sendLink: "Mejla mig en inloggningslänk i stället",
    linkSubject: /^Din inloggningslänk till Biljett/,
    signIn: "Logga in",
    accountMenu: /^Kontomeny för/,
  },
  en: {
    loginEmail: /^Email address/,
    sendLink: "Email me a sign-in link instead",
    linkSubject: /^Your sign-in link for Biljett/,
    signIn: "Sign in",
    accountMenu: /^Account menu for/,
  },
} as const;

// An email speaks its account's language, which need not be the browser's (a seeded owner's is
// Swedish): where that does not matter, the sign-in email is found in either.
export const ANY_LINK_SUBJECT = /^(Din inloggningslänk till Biljett|Your sign-in link for Biljett)/;
export const ANY_EMAIL_SIGN_IN = /^(Logga in|Sign in)$/;

export type Buyer = { name?: string; email: string; quantity?: number; card?: string; optIn?: boolean };

/** Fills the checkout form: buyer, card (a test card that is paid unless told otherwise) and terms. */
export async function fillCheckout(
  page: Page,
  locale: Locale,
  { name = "Greta Gustafsson", email, card = "4242 4242 4242 4242", optIn = false }: Buyer,
) {
  const w = checkoutWords[locale];
  await page.getByLabel(w.name).fill(name);
  await page.getByLabel(w.email).fill(email);
  await page.getByLabel(w.emailAgain).fill(email);
  await page.getByLabel(w.cardNumber).fill(card);
  await page.getByLabel(w.expiry).fill("12/34");
  await page.getByLabel(w.cvc).fill("123");
  if (optIn) await page.getByLabel(w.optIn).check();
  await page.getByLabel(w.terms).check();
}

/** Finds the event by searching, chooses Parkett tickets, pays and waits for the confirmation. */
export async function buyAsGuest(page: Page, locale: Locale, buyer: Buyer): Promise<{ url: string; orderNumber: string }> {
  const w = checkoutWords[locale];
  await page.goto("/events?q=Beethoven");
  await page.getByRole("link", { name: EVENT_TITLE }).first().click();
  await page.getByLabel(w.quantity).selectOption(String(buyer.quantity ?? 1));
  await page.getByRole("button", { name: w.continue }).click();
  await page.waitForURL(/\/checkout\?/);
  await fillCheckout(page, locale, buyer);
  await page.getByRole("button", { name: w.buy }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);
  const number = await page
    .getByText(/^(Ordernummer|Order number):?\s/)
    .first()
    .textContent();
  return { url: page.url(), orderNumber: number?.match(/[0-9A-Z]{8}/)?.[0] ?? "" };
}

/** Opens the newest email to `to` whose subject matches in the demo mailbox, waiting for it to arrive. */
export async function openNewestEmail(page: Page, to: string, subject: RegExp): Promise<void> {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`);
  for (let tries = 0; (await page.getByRole("link", { name: subject }).count()) === 0 && tries < 30; tries++) {
    await page.waitForTimeout(500);
    await page.reload();
  }
  await page.getByRole("link", { name: subject }).first().click();
}

/** The href of a link in the newest matching email; a string name must match exactly. */
export async function linkInNewestEmail(page: Page, to: string, subject: RegExp, linkName: string | RegExp): Promise<string> {
  await openNewestEmail(page, to, subject);
  const link = page
    .frameLocator("iframe")
    .getByRole("link", typeof linkName === "string" ? { name: linkName, exact: true } : { name: linkName });
  const href = await link.first().getAttribute("href");
  if (!href) throw new Error(`no ${String(linkName)} link in the email`);
  return href;
}

/**
 * From the login page: asks for a link, follows it from the mailbox and confirms; ends signed in.
 * `onPage` runs on the two pages in between (the accessibility journey checks them).
 */
export async function signInWithEmailLink(
  page: Page,
  locale: Locale,
  email: string,
  { from = "/login", onPage }: { from?: string; onPage?: (label: "/login/check-email" | "/login/confirm") => Promise<void> } = {},
): Promise<void> {
  const w = signInWords[locale];
  await page.goto(from);
  await page.getByLabel(w.loginEmail).fill(email);
  await page.getByRole("button", { name: w.sendLink }).click();
  await page.waitForURL(/\/login\/check-email/);
  await onPage?.("/login/check-email");
  await page.goto(await linkInNewestEmail(page, email, ANY_LINK_SUBJECT, ANY_EMAIL_SIGN_IN));
  await onPage?.("/login/confirm");
  // The link opens in the language of the email, which is the account's (a seeded owner's is
  // Swedish); the way back after it is in the language of the page that asked.
  const confirm = [signInWords.sv.signIn, signInWords.en.signIn].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  await page.getByRole("button", { name: new RegExp(`^(?:${confirm.join("|")})$`) }).click();
  await page.getByRole("button", { name: w.accountMenu }).first().waitFor();
}
