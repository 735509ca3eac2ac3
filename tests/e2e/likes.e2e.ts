// Liking events: a signed-out visitor's heart survives signing in by email link (without
// JavaScript), and a signed-in visitor's heart changes at once (with it); both end up under
// /account/liked. In Swedish and English, each on a desktop and a phone.
import type { BrowserContext, Page } from "@playwright/test";
import { localizePath } from "../../lib/i18n/paths";
import { collectPageErrors } from "./browser";
import { expect, test } from "./fixtures";

const SLUG = "beethovens-nionde-symfoni";
const TITLE = "Beethovens nionde symfoni";

const words = {
  sv: {
    like: `Gilla ${TITLE}`,
    unlike: `Sluta gilla ${TITLE}`,
    submitLink: "Mejla mig en inloggningslänk i stället",
    email: /^E-postadress/,
    subject: /^Din inloggningslänk till Biljett/,
    signIn: "Logga in",
    accountMenu: /^Kontomeny för/,
    empty: "Inga gillade evenemang att visa",
  },
  en: {
    like: `Like ${TITLE}`,
    unlike: `Unlike ${TITLE}`,
    submitLink: "Email me a sign-in link instead",
    email: /^Email address/,
    subject: /^Your sign-in link for Biljett/,
    signIn: "Sign in",
    accountMenu: /^Account menu for/,
    empty: "No liked events to show",
  },
} as const;

type Locale = keyof typeof words;

/** The sign-in link of the newest email to `email`, read in a page of its own (the mailbox needs JavaScript). */
async function signInLinkFor(mailboxContext: BrowserContext, email: string, locale: Locale): Promise<string> {
  const page = await mailboxContext.newPage();
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  for (let tries = 0; (await page.getByRole("link", { name: words[locale].subject }).count()) === 0 && tries < 30; tries++) {
    await page.waitForTimeout(500);
    await page.reload();
  }
  await page.getByRole("link", { name: words[locale].subject }).first().click();
  const href = await page
    .frameLocator("iframe")
    .getByRole("link", { name: words[locale].signIn, exact: true })
    .first()
    .getAttribute("href");
  await page.close();
  if (!href) throw new Error("no sign-in link in the email");
  return href;
}

/** From the login page: ask for a link, follow it and press the confirmation button. */
async function signInByLink(page: Page, mailboxContext: BrowserContext, email: string, locale: Locale) {
  await page.getByLabel(words[locale].email).fill(email);
  await page.getByRole("button", { name: words[locale].submitLink }).click();
  await page.waitForURL(/\/login\/check-email/);
  await page.goto(await signInLinkFor(mailboxContext, email, locale));
  await page.getByRole("button", { name: words[locale].signIn }).click();
}

test.describe("liking events", () => {
  test("keeps a signed-out visitor's like through signing in by email link, without JavaScript", async ({
    newContext,
    lang: locale,
    device: viewport,
  }) => {
    const w = words[locale];
    const context = await newContext({ javaScript: false });
    const mailbox = await newContext();
    const page = await context.newPage();
    const email = `likes.nojs.${locale}.${viewport}.${Date.now()}@example.se`;

    await page.goto(`/events/${SLUG}`);
    const heart = page.getByRole("button", { name: w.like });
    expect(await heart.getAttribute("aria-pressed")).toBe("false");
    await heart.click();
    await page.waitForURL(/\/login\?callbackUrl=/);
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(localizePath(`/likes/complete?event=${SLUG}`, locale));

    await signInByLink(page, mailbox, email, locale);
    await page.waitForURL(new RegExp(`/events/${SLUG}#like$`));
    // The event page is the same for everybody (and cached); without JavaScript it cannot show
    // this visitor's heart pressed. The list of liked events shows the like was kept.

    await page.goto("/account/liked");
    await page.getByRole("link", { name: TITLE }).waitFor();

    // Unliking there without JavaScript posts the form and comes back without the row.
    await page.getByRole("button", { name: w.unlike }).click();
    await page.waitForURL(/\/account\/liked$/);
    await page.getByText(w.empty).waitFor();
    expect(await page.getByRole("link", { name: TITLE }).count()).toBe(0);
  });

  test("likes from the event list at once for a signed-in visitor, with JavaScript", async ({ page, lang: locale, device: viewport }) => {
    const w = words[locale];
    const errors = collectPageErrors(page);
    const email = `likes.js.${locale}.${viewport}.${Date.now()}@example.se`;

    await page.goto("/login?callbackUrl=/events");
    await signInByLink(page, page.context(), email, locale);
    await page.getByRole("button", { name: w.accountMenu }).waitFor();

    await page.goto(`/events?q=${encodeURIComponent("Beethoven")}`);
    const heart = page.getByRole("button", { name: w.like });
    expect(await heart.getAttribute("aria-pressed")).toBe("false");
    // A 44 px touch target on the card.
    const box = await heart.boundingBox();
    expect(box && Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    const saved = page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/events"));
    await heart.click();
    // Pressed at once, and still on the same page (no round trip through a redirect).
    expect(await heart.getAttribute("aria-pressed")).toBe("true");
    await saved;
    expect(new URL(page.url()).pathname).toBe(localizePath("/events", locale));
    expect(await heart.getAttribute("aria-pressed")).toBe("true");

    await page.goto("/account/liked");
    await page.getByRole("link", { name: TITLE }).waitFor();
    const removed = page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/account/liked"));
    await page.getByRole("button", { name: w.unlike }).click();
    // The row goes at once; after the server has answered, a fresh page agrees.
    expect(await page.getByRole("link", { name: TITLE }).count()).toBe(0);
    await removed;
    await page.reload();
    await page.getByText(w.empty).waitFor();

    expect(errors).toEqual([]);
  });
});
