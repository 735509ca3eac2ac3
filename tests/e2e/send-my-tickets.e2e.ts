// "Skicka mina biljetter": a guest who lost the confirmation asks for the tickets on the help
// page and gets them by email, with the order's signed link; a malformed address is refused at
// its field, keeping what was typed; on the sign-in page, without JavaScript, an unknown address
// gets the same answer as a known one. In Swedish and English, each on a desktop and a phone.
import { collectPageErrors } from "./browser";
import { expect, test } from "./fixtures";
import { buyAsGuest, EVENT_TITLE, linkInNewestEmail } from "./journey";

const words = {
  sv: {
    heading: "Skicka mina biljetter",
    field: "Din e-postadress",
    submit: "Skicka mina biljetter",
    sent: (email: string) => `Om ${email} har biljetter till kommande evenemang kommer de till den adressen inom några minuter.`,
    invalid: "Det ser inte ut som en e-postadress. Kontrollera stavningen, till exempel namn@exempel.se.",
    notPlain: "Skriv bara en e-postadress, utan namn, mellanslag eller flera adresser.",
  },
  en: {
    heading: "Send my tickets",
    field: "Your email address",
    submit: "Send my tickets",
    sent: (email: string) => `If ${email} has tickets for upcoming events, they will reach that address within a few minutes.`,
    invalid: "That does not look like an email address. Check the spelling, for example name@example.com.",
    notPlain: "Enter just one email address, without a name, spaces or other addresses.",
  },
} as const;

// The email speaks the account's language, which a guest's checkout set.
const SUBJECT = /^(Dina biljetter på Biljett|Your tickets on Biljett)$/;
const OPEN = /^(Visa biljetterna|Show the tickets)$/;

test.describe("send my tickets", () => {
  test("a guest asks for the tickets on the help page and opens the order from the email", async ({ page, lang, device }) => {
    const w = words[lang];
    const errors = collectPageErrors(page);
    const email = `greta.lost.${lang}.${device}.${Date.now()}@example.se`;
    const { url: orderUrl, orderNumber } = await buyAsGuest(page, lang, { email, quantity: 2 });

    await page.goto("/help");
    const section = page.getByRole("region", { name: w.heading });
    const field = section.getByLabel(w.field);

    // A slip in the address: the message is at the field, and what was typed stays.
    await field.fill("greta.lost@example");
    await section.getByRole("button", { name: w.submit }).click();
    await expect(section.getByText(w.invalid)).toBeVisible();
    await expect(section.getByLabel(w.field)).toHaveValue("greta.lost@example");
    await expect(section.getByLabel(w.field)).toHaveAttribute("aria-invalid", "true");

    // Typed with capitals, as people do: the account is found all the same.
    const typed = email.toUpperCase();
    await section.getByLabel(w.field).fill(typed);
    await section.getByRole("button", { name: w.submit }).click();
    await expect(section.getByRole("status").filter({ hasText: w.sent(typed) })).toBeVisible();
    await expect(section.getByLabel(w.field)).not.toHaveAttribute("aria-invalid", "true");

    // The email's button opens the order by its signed link.
    const href = await linkInNewestEmail(page, email, SUBJECT, OPEN);
    const link = new URL(href);
    const bought = new URL(orderUrl);
    expect(link.pathname.replace(/^\/en(?=\/)/, "")).toBe(bought.pathname.replace(/^\/en(?=\/)/, ""));
    expect(link.searchParams.get("key")).toBe(bought.searchParams.get("key"));
    await page.goto(link.pathname + link.search);
    await expect(page.getByText(orderNumber).first()).toBeVisible();
    await expect(page.getByText(EVENT_TITLE).first()).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("on the sign-in page without JavaScript: the same answer for an unknown address, a field message for a bad one", async ({
    newContext,
    lang,
    device,
  }) => {
    const w = words[lang];
    const context = await newContext({ javaScript: false });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto("/login");
    const section = () => page.getByRole("region", { name: w.heading });

    await section().getByLabel(w.field).fill("Greta <greta@example.se>");
    await section().getByRole("button", { name: w.submit }).click();
    await expect(section().getByText(w.notPlain)).toBeVisible();
    await expect(section().getByLabel(w.field)).toHaveValue("Greta <greta@example.se>");

    const unknown = `nobody.${lang}.${device}.${Date.now()}@example.se`;
    await section().getByLabel(w.field).fill(unknown);
    await section().getByRole("button", { name: w.submit }).click();
    await expect(section().getByText(w.sent(unknown))).toBeVisible();
    await expect(section().getByLabel(w.field)).toHaveValue(unknown);
    expect(errors).toEqual([]);
  });
});
