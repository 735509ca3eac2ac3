// The small things a first-time buyer stumbled on, in Swedish and English, one on a phone and one
// on a desktop:
//   - signing in lands on My tickets, or on the page asked for when it is on this site; signing
//     out lands on the sign-in page, which says so;
//   - a heart pressed while signed out says why signing in is needed, and a password sign-in
//     saves the like and comes back to the event;
//   - the account page keeps the developers' keys under a heading of their own, words the claim
//     tile as a buyer would, and every page of the account leads back with the same words;
//   - a claimed order leaves no form behind, only the way to the tickets;
//   - the help page explains a wrong address, and an emailed link's page says what its click does;
//   - the organizer's marketing CSV names the source as the page does, and the message composer
//     counts recipients, not orders.
import type { Page } from "@playwright/test";
import type pg from "pg";
import { localizePath } from "../../lib/i18n/paths";
import { collectPageErrors } from "./browser";
import { expect, signedInOwners, test, type SignedInOwner } from "./fixtures";
import { buyAsGuest, signInWithEmailLink } from "./journey";

const SLUG = "beethovens-nionde-symfoni";
const TITLE = "Beethovens nionde symfoni";

const words = {
  sv: {
    email: /^E-postadress/,
    signIn: "Logga in",
    accountMenu: /^Kontomeny för/,
    signOut: "Logga ut",
    signedOut: "Du är utloggad.",
    savePassword: "Spara lösenordet",
    passwordSaved: /^Klart! Ditt lösenord är sparat/,
    like: `Gilla ${TITLE}`,
    likeReason: /^Logga in för att gilla evenemanget\. Det du gillar sparas på ditt konto/,
    pagesHeading: "I ditt konto",
    developers: "För utvecklare",
    tokensTile: /^Nycklar för egna appar/,
    claimTile: /^Hittar du inte ett köp\? Det kan ha gått till en felstavad adress/,
    back: "Tillbaka till ditt konto",
    oldBack: /Tillbaka till kontot|^Till ditt konto$/,
    orderNumber: /^Ordernummer/,
    amount: /^Belopp som betalades/,
    last4: /^De fyra sista siffrorna i kortnumret/,
    claim: "Hämta beställningen",
    claimed: (number: string) => `Klart! Beställning ${number} finns nu på ditt konto och biljetterna är på väg till din e-post.`,
    toTickets: "Visa mina biljetter",
    helpHeading: "Fel adress?",
    helpRightAfter: /^På sidan som visas när du har betalat finns Fel adress\? Rätta den\./,
    helpClaim: "Hittar du inte ett köp?",
    helpNumber: /^Ordernumret är åtta tecken.*bredvid QR-koden/,
    confirm: {
      tickets: { heading: "Logga in och se dina biljetter", submit: "Logga in" },
      password: { heading: "Välj ett lösenord", submit: "Logga in och välj lösenord" },
      like: { heading: "Logga in och spara det du gillade", submit: "Logga in och spara" },
      signIn: { heading: "Logga in på Biljett", submit: "Logga in" },
    },
    sourceHeading: "Källa",
    sourceCheckout: "Vid köp",
    recipients: /^Går till (\d+) mottagare: en per e-postadress med giltiga biljetter/,
  },
  en: {
    email: /^Email address/,
    signIn: "Sign in",
    accountMenu: /^Account menu for/,
    signOut: "Sign out",
    signedOut: "You are signed out.",
    savePassword: "Save the password",
    passwordSaved: /^Done! Your password is saved/,
    like: `Like ${TITLE}`,
    likeReason: /^Sign in to like the event\. What you like is saved to your account/,
    pagesHeading: "In your account",
    developers: "For developers",
    tokensTile: /^Keys for your own apps/,
    claimTile: /^Can't find a purchase\? It may have gone to a misspelled address/,
    back: "Back to your account",
    oldBack: /← Back to your account/,
    orderNumber: /^Order number/,
    amount: /^Amount paid/,
    last4: /^Last four digits of the card number/,
    claim: "Claim the order",
    claimed: (number: string) => `Done! Order ${number} is now in your account and the tickets are on their way to your email.`,
    toTickets: "Show my tickets",
    helpHeading: "Wrong address?",
    helpRightAfter: /^The page you see after paying has Wrong address\? Correct it\./,
    helpClaim: "Can't find a purchase?",
    helpNumber: /^The order number is eight characters.*next to the QR code/,
    confirm: {
      tickets: { heading: "Sign in and see your tickets", submit: "Sign in" },
      password: { heading: "Choose a password", submit: "Sign in and choose a password" },
      like: { heading: "Sign in and save your like", submit: "Sign in and save" },
      signIn: { heading: "Sign in to Biljett", submit: "Sign in" },
    },
    sourceHeading: "Source",
    sourceCheckout: "At checkout",
    recipients: /^Goes to (\d+) recipients: one per email address with valid tickets/,
  },
} as const;

type Words = (typeof words)[keyof typeof words];

/** The pages of the account that lead back to it. */
const ACCOUNT_PAGES = [
  "/account/tickets",
  "/account/liked",
  "/account/profile",
  "/account/public-profile",
  "/account/password",
  "/account/sessions",
  "/account/privacy",
  "/account/claim",
  "/account/tokens",
];

async function signOut(page: Page, w: Words) {
  await page.getByRole("button", { name: w.accountMenu }).click();
  await page.getByRole("menuitem", { name: w.signOut }).click();
}

async function signInWithPassword(page: Page, w: Words, email: string, password: string) {
  await page.getByLabel(w.email).fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.getByRole("button", { name: w.signIn, exact: true }).click();
}

test.describe("the small things of a buyer's account", () => {
  test("signing in lands on My tickets or the page asked for, signing out on the sign-in page, and a like waits through a password sign-in", async ({
    page,
    lang: locale,
    device: viewport,
  }) => {
    const w = words[locale];
    const errors = collectPageErrors(page);
    const email = `small.things.${locale}.${viewport}.${Date.now()}@example.se`;
    const password = "tre små grisar bygger hus";

    // From the sign-in page with no page asked for: My tickets.
    await signInWithEmailLink(page, locale, email);
    await page.waitForURL(/\/account\/tickets$/);
    expect(new URL(page.url()).pathname).toBe(localizePath("/account/tickets", locale));

    // A password, chosen just after signing in (no current one is asked for).
    await page.goto("/account/password");
    await page.locator('input[type="password"]').nth(0).fill(password);
    await page.locator('input[type="password"]').nth(1).fill(password);
    await page.getByRole("button", { name: w.savePassword }).click();
    await page.getByText(w.passwordSaved).waitFor();

    // Signing out lands on the sign-in page, which says so (the pages before are the same for all).
    await signOut(page, w);
    await page.waitForURL(/\/login\?notice=signed-out$/);
    await expect(page.getByRole("status").filter({ hasText: w.signedOut })).toBeVisible();

    // A heart pressed while signed out: the sign-in page says why, and a password sign-in saves
    // the like and comes back to the event with the heart pressed.
    await page.goto(`/events/${SLUG}`);
    await page.getByRole("button", { name: w.like }).click();
    await page.waitForURL(/\/login\?callbackUrl=/);
    await expect(page.getByText(w.likeReason)).toBeVisible();
    await signInWithPassword(page, w, email, password);
    await page.waitForURL(new RegExp(`/events/${SLUG}(?:#like)?$`));
    expect(new URL(page.url()).pathname).toBe(localizePath(`/events/${SLUG}`, locale));
    await expect(page.getByRole("button", { name: w.like })).toHaveAttribute("aria-pressed", "true");
    await page.goto("/account/liked");
    await page.getByRole("link", { name: TITLE }).waitFor();

    // A way back to another site is not followed: My tickets instead.
    await signOut(page, w);
    await page.waitForURL(/\/login\?notice=signed-out$/);
    await page.goto(`/login?callbackUrl=${encodeURIComponent("https://evil.example/account")}`);
    await signInWithPassword(page, w, email, password);
    await page.waitForURL(/\/account\/tickets$/);

    // A page of this site that was asked for is where signing in lands.
    await signOut(page, w);
    await page.waitForURL(/\/login\?notice=signed-out$/);
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/account/profile")}`);
    await signInWithPassword(page, w, email, password);
    await page.waitForURL(new RegExp(`${localizePath("/account/profile", locale)}$`));

    expect(errors).toEqual([]);
  });

  test("the account page words things as a buyer would, every page leads back alike, and a claim leaves no form behind", async ({
    page,
    newContext,
    serverDatabase: database,
    lang: locale,
    device: viewport,
  }) => {
    const w = words[locale];
    const stamp = `${Date.now()}.${locale}.${viewport}`;
    const wrong = `sven.svenson.${stamp}@example.se`;
    const right = `sven.svensson.${stamp}@example.se`;
    const buying = await newContext();
    const { orderNumber } = await buyAsGuest(await buying.newPage(), locale, { email: wrong });
    await buying.close();
    const { rows } = await database.query<{ totalMinor: number }>(`SELECT "totalMinor" FROM "Order" WHERE number = $1`, [orderNumber]);
    const amount = String(rows[0].totalMinor / 100);

    const errors = collectPageErrors(page);
    await signInWithEmailLink(page, locale, right);

    // The developers' keys sit under their own heading, not among the buyer's pages.
    await page.goto("/account");
    const buyerPages = page.getByRole("navigation", { name: w.pagesHeading });
    await expect(buyerPages.getByRole("link", { name: w.claimTile })).toBeVisible();
    expect(await buyerPages.getByRole("link", { name: w.tokensTile }).count()).toBe(0);
    const developers = page.getByRole("region", { name: w.developers });
    await expect(developers.getByRole("heading", { name: w.developers, level: 2 })).toBeVisible();
    await expect(developers.getByRole("link", { name: w.tokensTile })).toHaveAttribute("href", localizePath("/account/tokens", locale));

    // Every page of the account leads back with the same words.
    for (const path of ACCOUNT_PAGES) {
      await page.goto(path);
      const back = page.getByRole("link", { name: w.back, exact: true });
      await expect(back, path).toHaveAttribute("href", localizePath("/account", locale));
      expect(await page.getByRole("link", { name: w.oldBack }).count(), path).toBe(0);
    }

    // The claim tile leads to the claim; once the order is claimed, the form is gone.
    await page.goto("/account");
    await buyerPages.getByRole("link", { name: w.claimTile }).click();
    await page.waitForURL(/\/account\/claim$/);
    await page.getByLabel(w.orderNumber).fill(orderNumber);
    await page.getByLabel(w.amount).fill(amount);
    await page.getByLabel(w.last4).fill("4242");
    await page.getByRole("button", { name: w.claim }).click();
    await page.getByText(w.claimed(orderNumber)).waitFor();
    expect(await page.getByLabel(w.orderNumber).count()).toBe(0);
    expect(await page.getByRole("button", { name: w.claim }).count()).toBe(0);
    await page.getByRole("link", { name: w.toTickets }).click();
    await page.waitForURL(/\/account\/tickets$/);
    await page.getByText(orderNumber).first().waitFor();

    expect(errors).toEqual([]);
  });

  test("the help page explains a wrong address, and an emailed link's page says what its click does", async ({ page, lang: locale }) => {
    const w = words[locale];
    const errors = collectPageErrors(page);

    await page.goto("/help");
    const section = page.getByRole("region", { name: w.helpHeading });
    await expect(section.getByRole("heading", { name: w.helpHeading, level: 2 })).toBeVisible();
    await expect(section.getByText(w.helpRightAfter)).toBeVisible();
    await expect(section.getByRole("link", { name: w.helpClaim })).toHaveAttribute("href", localizePath("/account/claim", locale));
    await expect(section.getByText(w.helpNumber)).toBeVisible();
    await page.getByRole("link", { name: w.helpHeading, exact: true }).click();
    await page.waitForURL(/#wrong-address$/);

    // Loading the page uses nothing up, so a made-up token shows the words without signing anyone in.
    const token = "t".repeat(40);
    const ways = [
      [null, w.confirm.tickets],
      ["/account/password", w.confirm.password],
      [`/likes/complete?event=${SLUG}`, w.confirm.like],
      [`/events/${SLUG}`, w.confirm.signIn],
    ] as const;
    for (const [way, expected] of ways) {
      const query = new URLSearchParams({ token, email: "greta@example.se" });
      if (way) query.set("callbackUrl", localizePath(way, locale));
      await page.goto(`/login/confirm?${query.toString()}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(expected.heading);
      await expect(page.getByRole("button", { name: expected.submit, exact: true })).toBeVisible();
    }

    expect(errors).toEqual([]);
  });

  test("the organizer's marketing CSV names the source as the page does, and the composer counts recipients", async ({
    page,
    newContext,
    serverDatabase: database,
    lang: locale,
    device: viewport,
  }) => {
    const w = words[locale];
    const event = await eventWithOwner(database, SLUG);
    // Two orders with one address: one recipient, two orders, and a consent given at checkout.
    const email = `two.orders.${locale}.${viewport}.${Date.now()}@example.se`;
    await buyAsGuest(page, locale, { email, optIn: true });
    await buyAsGuest(page, locale, { email });

    const organizer = await (await newContext({ signedInAs: event.owner })).newPage();
    const errors = collectPageErrors(organizer);
    await organizer.goto(`/organizer/${event.organizerId}/marketing`);
    const table = organizer.getByRole("table");
    const headings = (await table.getByRole("columnheader").allTextContents()).map((text) => text.trim());
    const sourceColumn = headings.indexOf(w.sourceHeading);
    expect(sourceColumn).toBeGreaterThanOrEqual(0);
    const row = table.getByRole("row").filter({ hasText: email });
    // The address is the row's header cell, so the columns are counted over both kinds of cell.
    await expect(row.locator("th, td").nth(sourceColumn)).toHaveText(w.sourceCheckout);
    const pageSources = new Set(
      (
        await table.locator("tbody tr").evaluateAll((rows, column) => rows.map((r) => r.children[column]?.textContent ?? ""), sourceColumn)
      ).map((text) => text.trim()),
    );

    const csv = await organizer.request.get(localizePath(`/organizer/${event.organizerId}/marketing/export`, locale));
    expect(csv.status()).toBe(200);
    const [header, ...lines] = (await csv.text())
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter(Boolean)
      .map((line) => line.split(";"));
    const csvColumn = header.indexOf(w.sourceHeading);
    expect(csvColumn).toBeGreaterThanOrEqual(0);
    expect(lines.find((cells) => cells.includes(email))?.[csvColumn]).toBe(w.sourceCheckout);
    for (const cells of lines) expect(pageSources).toContain(cells[csvColumn]);

    // Other journeys buy for this event meanwhile: compare with counts read before and after the page.
    await organizer.goto(`/organizer/${event.organizerId}/events/${event.eventId}/messages`);
    for (let tries = 0; ; tries++) {
      const before = await holderCounts(database, event.eventId);
      await organizer.reload();
      const text = await organizer.getByText(w.recipients).textContent();
      const after = await holderCounts(database, event.eventId);
      const shown = Number(w.recipients.exec(text ?? "")?.[1]);
      if ((before.addresses !== after.addresses || shown !== after.addresses) && tries < 5) continue;
      expect(shown).toBe(after.addresses);
      break;
    }
    // Our buyer's two orders are there, and count as one recipient in the figure above. (Orders
    // and recipients overall may come out equal: a ticket passed on in another journey adds a
    // recipient without an order.)
    const { rows: ours } = await database.query<{ orders: string }>(
      `SELECT count(*) AS orders FROM "Order" WHERE "eventId" = $1 AND status = 'PAID' AND lower("buyerEmail") = lower($2)`,
      [event.eventId, email],
    );
    expect(Number(ours[0].orders)).toBe(2);

    expect(errors).toEqual([]);
  });
});

/** The event's organizer, and an owner of it whom signed-in.setup.ts has signed in. */
async function eventWithOwner(database: pg.Client, slug: string): Promise<{ eventId: string; organizerId: string; owner: SignedInOwner }> {
  const { rows } = await database.query<{ eventId: string; organizerId: string; email: string }>(
    `SELECT e.id AS "eventId", e."organizerId", u.email
       FROM "Event" e
       JOIN "OrganizerMember" m ON m."organizerId" = e."organizerId" AND m.role = 'OWNER'
       JOIN "User" u ON u.id = m."userId"
      WHERE e.slug = $1`,
    [slug],
  );
  const row = rows.find((candidate) => Object.hasOwn(signedInOwners, candidate.email));
  if (!row) throw new Error(`no signed-in owner for ${slug}`);
  return { eventId: row.eventId, organizerId: row.organizerId, owner: row.email as SignedInOwner };
}

/** How many addresses hold a valid ticket of the event: the recipients of a message to its holders. */
async function holderCounts(database: pg.Client, eventId: string): Promise<{ addresses: number }> {
  // Recipients are the holders of valid tickets (lib/ownership/holdings.ts): the one a ticket was
  // passed on to (other journeys pass tickets of this event on), else the order's account or buyer.
  const { rows } = await database.query<{ addresses: string }>(
    `SELECT count(DISTINCT lower(CASE WHEN t."holderEmail" IS NULL THEN COALESCE(u.email, o."buyerEmail")
                                      ELSE COALESCE(h.email, t."holderEmail") END)) AS addresses
       FROM "Ticket" t
       JOIN "Order" o ON o.id = t."orderId"
       LEFT JOIN "User" u ON u.id = o."userId"
       LEFT JOIN "User" h ON h.id = t."holderUserId"
      WHERE o."eventId" = $1 AND o.status = 'PAID' AND t.status = 'VALID'`,
    [eventId],
  );
  return { addresses: Number(rows[0].addresses) };
}
