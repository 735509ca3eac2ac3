// A buyer who misspelled their address at checkout, in Swedish and English, on a desktop and a
// phone:
//   - right after paying, the confirmation page in the same browser offers "Wrong address?
//     Correct it": a link goes to the right address, and following it moves the order there;
//   - later, from an account whose address is the spelling they meant, they claim the order
//     with its number, the amount and the card's last four digits.
import { collectPageErrors } from "./browser";
import { expect, test } from "./fixtures";
import { buyAsGuest, linkInNewestEmail, openNewestEmail, signInWithEmailLink } from "./journey";

const words = {
  sv: {
    correctHeading: "Fel adress? Rätta den",
    rightAddress: /^Rätt e-postadress/,
    sendLink: "Skicka länken",
    sent: (email: string) =>
      `Vi har skickat en länk till ${email}. Öppna den inom en timme så flyttas beställningen dit. Hittar du den inte? Titta i skräpposten.`,
    linkSubject: (number: string) => new RegExp(`^Bekräfta adressen för beställning ${number}`),
    linkButton: "Ja, flytta beställningen hit",
    confirm: "Ja, flytta beställningen",
    moved: (email: string) => `Klart! Beställningen hör nu till ${email}, och de nya biljetterna är på väg dit med e-post.`,
    confirmationSubject: (number: string) => new RegExp(`\\(order ${number}\\)`),
    usedLink: "Länken fungerar inte",
    orderNumber: /^Ordernummer/,
    amount: /^Belopp som betalades/,
    last4: /^De fyra sista siffrorna i kortnumret/,
    claim: "Hämta beställningen",
    noMatch: /^Vi kan inte flytta någon beställning med de uppgifterna/,
    claimed: (number: string) => `Klart! Beställning ${number} finns nu på ditt konto och biljetterna är på väg till din e-post.`,
  },
  en: {
    correctHeading: "Wrong address? Correct it",
    rightAddress: /^The right email address/,
    sendLink: "Send the link",
    sent: (email: string) =>
      `We have sent a link to ${email}. Open it within an hour and the order moves there. Can't find it? Look in the spam folder.`,
    linkSubject: (number: string) => new RegExp(`^Confirm the address for order ${number}`),
    linkButton: "Yes, move the order here",
    confirm: "Yes, move the order",
    moved: (email: string) => `Done! The order now belongs to ${email}, and the new tickets are on their way there by email.`,
    confirmationSubject: (number: string) => new RegExp(`\\(order ${number}\\)`),
    usedLink: "The link does not work",
    orderNumber: /^Order number/,
    amount: /^Amount paid/,
    last4: /^Last four digits of the card number/,
    claim: "Claim the order",
    noMatch: /^We cannot move an order with those details/,
    claimed: (number: string) => `Done! Order ${number} is now in your account and the tickets are on their way to your email.`,
  },
} as const;

test.describe("a misspelled address", () => {
  test("is corrected from the confirmation page of the browser that bought the order", async ({ page, lang: locale, device: viewport }) => {
    const w = words[locale];
    const errors = collectPageErrors(page);
    const stamp = `${Date.now()}.${locale}.${viewport}`;
    const wrong = `gretta.${stamp}@example.se`;
    const right = `greta.${stamp}@example.se`;
    const { url, orderNumber } = await buyAsGuest(page, locale, { email: wrong });

    await page.getByRole("heading", { name: w.correctHeading }).waitFor();
    await page.getByLabel(w.rightAddress).fill(wrong);
    await page.getByRole("button", { name: w.sendLink }).click();
    await page
      .getByText(
        locale === "sv"
          ? "Det är samma adress som i köpet. Skriv den adress du menade."
          : "That is the address on the order. Type the address you meant.",
      )
      .waitFor();
    await page.getByLabel(w.rightAddress).fill(right);
    await page.getByRole("button", { name: w.sendLink }).click();
    await page.getByText(w.sent(right)).waitFor();

    const link = await linkInNewestEmail(page, right, w.linkSubject(orderNumber), w.linkButton);
    await page.goto(link);
    await page.getByRole("button", { name: w.confirm }).click();
    await page.getByText(w.moved(right)).waitFor();
    expect(page.url()).toMatch(/\/orders\/[0-9a-f-]{36}\?key=.*&moved=1$/);

    // The tickets went to the right address; the old page's link (also in the wrong mailbox) is dead.
    await openNewestEmail(page, right, w.confirmationSubject(orderNumber));
    const old = await page.goto(url);
    expect(old?.status()).toBe(404);
    // The link works once.
    await page.goto(link);
    await page.getByRole("heading", { name: w.usedLink }).waitFor();
    expect(errors).toEqual([]);
  });

  test("is corrected without JavaScript too", async ({ newContext, lang: locale, device: viewport }) => {
    const w = words[locale];
    const stamp = `${Date.now()}.${locale}.${viewport}.nojs`;
    const wrong = `gretta.${stamp}@example.se`;
    const right = `greta.${stamp}@example.se`;
    // Bought with JavaScript (the checkout has its own no-JavaScript journey); corrected without.
    const buying = await newContext();
    const { url, orderNumber } = await buyAsGuest(await buying.newPage(), locale, { email: wrong });
    const context = await newContext({ javaScript: false });
    await context.addCookies(await buying.cookies());
    await buying.close();
    const page = await context.newPage();

    await page.goto(url);
    await page.getByLabel(w.rightAddress).fill(right);
    await page.getByRole("button", { name: w.sendLink }).click();
    await page.getByText(w.sent(right)).waitFor();
    const link = await linkInNewestEmail(page, right, w.linkSubject(orderNumber), w.linkButton);
    await page.goto(link);
    await page.getByRole("button", { name: w.confirm }).click();
    await page.getByText(w.moved(right)).waitFor();
  });

  test("is claimed later from the account of the address the buyer meant", async ({
    page,
    newContext,
    serverDatabase: database,
    lang: locale,
    device: viewport,
  }) => {
    const w = words[locale];
    const stamp = `${Date.now()}.${locale}.${viewport}`;
    const wrong = `greta.gustafson.${stamp}@example.se`;
    const right = `greta.gustafsson.${stamp}@example.se`;
    const buying = await newContext();
    const { orderNumber } = await buyAsGuest(await buying.newPage(), locale, { email: wrong });
    await buying.close();
    const { rows } = await database.query<{ totalMinor: number }>(`SELECT "totalMinor" FROM "Order" WHERE number = $1`, [orderNumber]);
    const amount = String(rows[0].totalMinor / 100);

    // Another browser: the claim needs no cookie, only the account and the proofs.
    const errors = collectPageErrors(page);
    await signInWithEmailLink(page, locale, right);
    await page.goto("/account/claim");
    await page.getByLabel(w.orderNumber).fill(orderNumber);
    await page.getByLabel(w.amount).fill(amount);
    await page.getByLabel(w.last4).fill("1111");
    await page.getByRole("button", { name: w.claim }).click();
    await page.getByText(w.noMatch).waitFor();
    // What was typed stays, except the card digits.
    expect(await page.getByLabel(w.amount).inputValue()).toBe(amount);
    await page.getByLabel(w.last4).fill("4242");
    await page.getByRole("button", { name: w.claim }).click();
    await page.getByText(w.claimed(orderNumber)).waitFor();

    await openNewestEmail(page, right, w.confirmationSubject(orderNumber));
    expect(errors).toEqual([]);
  });
});
