// A sold-out ticket type's waiting list, end to end: two visitors join from the event page (the
// form works without JavaScript too, its message next to the field), tickets come back (as a
// cancellation returns them), the first in line gets an email whose link opens the checkout with
// the tickets held, and buys them; the other leaves the list from their email (a button: the
// link alone changes nothing). The journey makes its own sold-out event in the server's database.
import { journeyEvent, JOURNEY_TYPE_NAME as TYPE_NAME } from "./after-purchase";
import { expectNoAxeViolations } from "./axe";
import { collectPageErrors } from "./browser";
import { expect, test } from "./fixtures";
import { checkoutWords, fillCheckout, linkInNewestEmail } from "./journey";

const text = {
  sv: {
    joinLink: /^Ställ dig i kön/,
    email: /^E-postadress/,
    quantity: "Antal biljetter",
    join: "Ställ mig i kön",
    joined: /^Tack! Adressen står i kön till Ståplats/,
    invalidEmail: "Skriv en e-postadress, till exempel namn@exempel.se.",
    joinedSubject: /^Du står i kön till /,
    offerSubject: /^Biljetter till .* är reserverade för dig/,
    offerLink: "Köp biljetterna",
    offerHeading: "Dina reserverade biljetter",
    leaveLink: "Lämna kön",
    left: /^Du har lämnat kön/,
    signedInAs: (email: string) => `Du ställer dig i kön som ${email}.`,
  },
  en: {
    joinLink: /^Join the waiting list/,
    email: /^Email address/,
    quantity: "Number of tickets",
    join: "Join the waiting list",
    joined: /^Thank you! The address is on the waiting list for Ståplats/,
    invalidEmail: "Enter an email address, such as name@example.com.",
    joinedSubject: /^You are on the waiting list for /,
    offerSubject: /^Tickets for .* are held for you/,
    offerLink: "Buy the tickets",
    offerHeading: "Your held tickets",
    leaveLink: "Leave the waiting list",
    left: /^You have left the waiting list/,
    signedInAs: (email: string) => `You join the list as ${email}.`,
  },
} as const;

/** A published event next month whose one ticket type is sold out; returns its slug and type id. */
test.describe("the waiting list", () => {
  test("join while sold out, tickets come back, the offer's link buys them, and another leaves from the email", async ({
    page,
    newContext,
    serverDatabase: database,
    lang: locale,
    device,
  }) => {
    const t = text[locale];
    const errors = collectPageErrors(page);
    const stamp = `${locale}-${device}-${Date.now()}`;
    const first = `first.${stamp}@example.se`;
    const second = `second.${stamp}@example.se`;
    // Sold out: both places of its one type are sold.
    const { slug, typeId } = await journeyEvent(database, { stamp: `vantelista-${stamp}`, capacity: 2, sold: 2, refundable: false });

    // The event page offers the list under the sold-out type.
    await page.goto(`/events/${slug}`);
    await expectNoAxeViolations(page, "event page, sold out");
    await page.getByRole("link", { name: t.joinLink }).click();
    await page.waitForURL(/\/waiting-list\?type=/);
    await expectNoAxeViolations(page, "waiting-list page");
    await page.getByLabel(t.email).fill(first);
    await page.getByLabel(t.quantity).selectOption("2");
    await page.getByRole("button", { name: t.join }).click();
    await expect(page.getByRole("status")).toHaveText(t.joined);

    // Without JavaScript: a wrong address gets its message next to the field, then joins.
    const noScript = await newContext({ javaScript: false });
    const plain = await noScript.newPage();
    await plain.goto(`/events/${slug}/waiting-list?type=${typeId}`);
    await plain.getByLabel(t.email).fill("not an address");
    await plain.getByRole("button", { name: t.join }).click();
    await expect(plain.getByLabel(t.email)).toHaveAccessibleDescription(new RegExp(t.invalidEmail.replace(/[.]/g, "\\.")));
    await expect(plain.getByLabel(t.email)).toHaveAttribute("aria-invalid", "true");
    await plain.getByLabel(t.email).fill(second);
    await plain.getByRole("button", { name: t.join }).click();
    await expect(plain.getByRole("status")).toHaveText(t.joined);
    await noScript.close();

    // Signed in: one click, with the account's own address (no address field).
    const owner = "karin.sjoberg@example.se";
    const signedIn = await newContext({ signedInAs: owner });
    const ownerPage = await signedIn.newPage();
    await ownerPage.goto(`/events/${slug}/waiting-list?type=${typeId}`);
    await expect(ownerPage.getByText(t.signedInAs(owner))).toBeVisible();
    expect(await ownerPage.getByLabel(t.email).count()).toBe(0);
    await ownerPage.getByRole("button", { name: t.join }).click();
    await expect(ownerPage.getByRole("status")).toHaveText(t.joined);
    await signedIn.close();

    // Two tickets come back (a cancellation): they are held for the first in line at once.
    await database.query(`UPDATE "TicketType" SET "sold" = "sold" - 2 WHERE "id" = $1`, [typeId]);
    const held = await database.query<{ sold: number; held: number }>(`SELECT "sold", "held" FROM "TicketType" WHERE "id" = $1`, [typeId]);
    expect(held.rows[0]).toEqual({ sold: 0, held: 2 });

    // The offer's link opens the checkout of the two held tickets; buying them works.
    const offerUrl = await linkInNewestEmail(page, first, t.offerSubject, t.offerLink);
    await page.goto(offerUrl);
    await expect(page.getByRole("heading", { name: t.offerHeading, level: 1 })).toBeVisible();
    await expectNoAxeViolations(page, "offer checkout");
    await expect(page.getByRole("combobox", { name: new RegExp(`^${TYPE_NAME}\\b`) })).toHaveValue("2");
    await fillCheckout(page, locale, { email: first });
    await page.getByRole("button", { name: checkoutWords[locale].buy }).click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);
    const sold = await database.query<{ sold: number; held: number }>(`SELECT "sold", "held" FROM "TicketType" WHERE "id" = $1`, [typeId]);
    expect(sold.rows[0]).toEqual({ sold: 2, held: 0 });

    // The second leaves from their email: the link shows a button, and only the button leaves.
    const leaveUrl = await linkInNewestEmail(page, second, t.joinedSubject, t.leaveLink);
    await page.goto(leaveUrl);
    const status = () => database.query<{ status: string }>(`SELECT "status"::text FROM "WaitingListEntry" WHERE "email" = $1`, [second]);
    expect((await status()).rows[0].status).toBe("WAITING");
    await expectNoAxeViolations(page, "leave page");
    await page.getByRole("button", { name: t.leaveLink }).click();
    await expect(page.getByRole("status")).toHaveText(t.left);
    await expectNoAxeViolations(page, "leave page, after leaving");
    expect((await status()).rows[0].status).toBe("LEFT");
    const line = await database.query<{ email: string; status: string }>(
      `SELECT w."email", w."status"::text FROM "WaitingListEntry" w WHERE w."ticketTypeId" = $1 ORDER BY w."joinedAt"`,
      [typeId],
    );
    expect(line.rows).toEqual([
      { email: first, status: "CLAIMED" },
      { email: second, status: "LEFT" },
      { email: owner, status: "WAITING" },
    ]);

    expect(errors).toEqual([]);
  });
});
