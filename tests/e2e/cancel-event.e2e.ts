// An organizer cancels an event: a guest has bought a ticket; the owner's form refuses an empty
// message and a wrong name at their fields, keeping what was typed (also without JavaScript),
// then cancels; the page shows
// the worker's progress; the buyer's email brings the organizer's message and says the money
// goes back, and someone in line gets the message and that the list is closed; the order page says refunded, and the event's page says cancelled (JSON-LD too).
// In Swedish on a desktop and in English on a phone.
import { randomBytes } from "node:crypto";
import { expectNoAxeViolations } from "./axe";
import { collectPageErrors } from "./browser";
import { expect, test, type SignedInOwner } from "./fixtures";
import { checkoutWords, fillCheckout, openNewestEmail } from "./journey";

const words = {
  sv: {
    owner: "karin.sjoberg@example.se" as SignedInOwner,
    quantity: /^Antal, Ordinarie/,
    heading: "Ställ in evenemanget",
    message: /^Meddelande till biljettinnehavarna/,
    confirmation: /^Skriv evenemangets namn för att bekräfta/,
    submit: "Ställ in evenemanget och betala tillbaka",
    required: "Fyll i fältet.",
    mismatch: "Namnet stämmer inte. Skriv evenemangets namn precis som det står.",
    notice:
      "Evenemanget är inställt. Beställningarna avbokas och betalas tillbaka nu, och alla som har biljetter eller står i kön får ett mejl.",
    cancelledHeading: "Evenemanget är inställt",
    progress: "1 av 1 beställningar avbokade",
    done: "Alla beställningar är avbokade.",
    refunded: "1 återbetalning klar",
    subject: /^Inställt: /,
    refund: /^Du får tillbaka hela beloppet, 150\skr, till kortet du betalade med\./,
    orderRefunded: "Beställningen är återbetald.",
    orderNotice: /^Arrangören har ställt in evenemanget\./,
    badge: "Inställt",
    pageHeading: "Evenemanget är inställt",
    tabs: "Evenemangets sidor",
    editTab: "Redigera",
    noEdit: "Evenemanget är inställt, så det går inte att ändra längre.",
    waitingSubject: /^Inställt: /,
    waitingClosed: /^Kön är stängd, så inga biljetter blir lediga för dig\./,
  },
  en: {
    owner: "jonas.bergstrom@example.se" as SignedInOwner,
    quantity: /^Quantity, Ordinarie/,
    heading: "Cancel the event",
    message: /^Message to the ticket holders/,
    confirmation: /^Type the event's name to confirm/,
    submit: "Cancel the event and refund everyone",
    required: "Fill in this field.",
    mismatch: "The name does not match. Type the event's name as it is written.",
    notice:
      "The event is cancelled. The orders are being cancelled and refunded now, and everyone holding tickets or on the waiting list gets an email.",
    cancelledHeading: "The event is cancelled",
    progress: "1 of 1 orders cancelled",
    done: "Every order is cancelled.",
    refunded: "1 refund done",
    // The email speaks the buyer's account's language, which the English checkout chose; either is right.
    subject: /^(Event cancelled|Inställt): /,
    refund:
      /^(You get the whole amount, SEK\s150, back to the card you paid with|Du får tillbaka hela beloppet, 150\skr, till kortet du betalade med)\./,
    orderRefunded: "This order has been refunded.",
    orderNotice: /^The organizer has cancelled the event\./,
    badge: "Cancelled",
    pageHeading: "This event is cancelled",
    tabs: "Event pages",
    editTab: "Edit",
    noEdit: "The event is cancelled, so it can no longer be changed.",
    waitingSubject: /^Event cancelled: /,
    waitingClosed: /^The waiting list is closed, so no tickets will come back to you\./,
  },
} as const;

test.describe("cancelling an event", () => {
  test("the owner cancels an event with a sold ticket; the buyer is emailed and refunded, and the pages say cancelled", async ({
    page,
    newContext,
    serverDatabase,
    lang,
    device,
  }) => {
    const w = words[lang];
    const errors = collectPageErrors(page);

    // An event of the owner's organizer, made for this journey alone, on sale for 150 kr.
    const suffix = randomBytes(4).toString("hex");
    const title = `Inställd konsert ${suffix}`;
    const slug = `installd-konsert-${lang}-${device}-${suffix}`;
    const { rows } = await serverDatabase.query<{ eventId: string; organizerId: string }>(
      `WITH "organizer" AS (
         SELECT m."organizerId" FROM "OrganizerMember" m JOIN "User" u ON u."id" = m."userId"
          WHERE u."email" = $1 AND m."role" = 'OWNER' LIMIT 1),
       "event" AS (
         INSERT INTO "Event" ("id", "organizerId", "slug", "title", "description", "venue", "city", "startsAt", "endsAt",
                              "status", "publishedAt", "updatedAt")
         SELECT "new_uuid_v7"(), "organizerId", $2, $3, 'En kväll med musik.', 'Stora salen', 'Uppsala',
                now() + interval '30 days', now() + interval '30 days 3 hours', 'PUBLISHED', now(), now()
           FROM "organizer"
         RETURNING "id", "organizerId"),
       "type" AS (
         INSERT INTO "TicketType" ("id", "eventId", "name", "priceMinor", "capacity", "updatedAt")
         SELECT "new_uuid_v7"(), "id", 'Ordinarie', 15000, 50, now() FROM "event")
       SELECT "id"::text AS "eventId", "organizerId"::text AS "organizerId" FROM "event"`,
      [w.owner, slug, title],
    );
    const [{ eventId, organizerId }] = rows;

    // A guest buys one ticket.
    const email = `greta.cancelled.${lang}.${device}.${Date.now()}@example.se`;
    await page.goto(`/events/${slug}`);
    await page.getByLabel(w.quantity).selectOption("1");
    await page.getByRole("button", { name: checkoutWords[lang].continue }).click();
    await page.waitForURL(/\/checkout\?/);
    await fillCheckout(page, lang, { email });
    await page.getByRole("button", { name: checkoutWords[lang].buy }).click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);
    const orderUrl = page.url();
    // Someone waits in line for more (as the waiting list leaves an entry, in this journey's language).
    const waiting = `vera.waiting.${lang}.${device}.${Date.now()}@example.se`;
    await serverDatabase.query(
      `INSERT INTO "WaitingListEntry" ("id", "ticketTypeId", "email", "quantity", "locale", "updatedAt")
       SELECT "new_uuid_v7"(), "id", $2, 2, $3::"Locale", now() FROM "TicketType" WHERE "eventId" = $1::uuid`,
      [eventId, waiting, lang],
    );

    // Without JavaScript the form posts all the same, and a wrong name comes back at its field.
    const plain = await (await newContext({ signedInAs: w.owner, javaScript: false })).newPage();
    await plain.goto(`/organizer/${organizerId}/events/${eventId}`);
    const plainForm = plain.getByRole("region", { name: w.heading });
    await plainForm.getByLabel(w.message).fill("Utan skript.");
    await plainForm.getByLabel(w.confirmation).fill("Fel namn");
    await plainForm.getByRole("button", { name: w.submit }).click();
    await expect(plain.getByRole("region", { name: w.heading }).getByText(w.mismatch)).toBeVisible();
    await expect(plain.getByRole("region", { name: w.heading }).getByLabel(w.message)).toHaveValue("Utan skript.");

    // The owner's form refuses an empty message and a wrong name at their fields.
    const owner = await (await newContext({ signedInAs: w.owner })).newPage();
    const ownerErrors = collectPageErrors(owner);
    await owner.goto(`/organizer/${organizerId}/events/${eventId}`);
    const form = owner.getByRole("region", { name: w.heading });
    await form.getByRole("button", { name: w.submit }).click();
    await expect(form.getByText(w.required)).toHaveCount(2);
    await form.getByLabel(w.message).fill("Artisten är sjuk och vi hittar ingen ersättare.");
    await form.getByLabel(w.confirmation).fill("Någon annan konsert");
    await form.getByRole("button", { name: w.submit }).click();
    await expect(form.getByText(w.mismatch)).toBeVisible();
    await expect(form.getByLabel(w.confirmation)).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel(w.message)).toHaveValue("Artisten är sjuk och vi hittar ingen ersättare.");
    await expectNoAxeViolations(owner, "the cancel form with an error");

    await form.getByLabel(w.confirmation).fill(title);
    await form.getByRole("button", { name: w.submit }).click();
    await expect(owner.getByText(w.notice)).toBeVisible();

    // The refunds run in the background: the page shows how far they have come.
    const progress = owner.getByRole("region", { name: w.cancelledHeading });
    await expect(async () => {
      await owner.reload();
      await expect(progress.getByText(w.done)).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(progress.getByText(w.progress)).toBeVisible();
    await expect(progress.getByText(w.refunded)).toBeVisible();
    await expect(progress.getByText("Artisten är sjuk och vi hittar ingen ersättare.")).toBeVisible();
    await expectNoAxeViolations(owner, "a cancelled event's progress");

    // What the buyers were told stands: the event's edit tab says it can no longer be changed.
    await owner.getByRole("navigation", { name: w.tabs }).getByRole("link", { name: w.editTab }).click();
    await expect(owner.getByText(w.noEdit)).toBeVisible();
    await expect(owner.locator('input[name="title"]')).toHaveCount(0);

    // The buyer's email brings the organizer's words and says the money goes back.
    await openNewestEmail(page, email, w.subject);
    const mail = page.frameLocator("iframe");
    await expect(mail.getByText("Artisten är sjuk och vi hittar ingen ersättare.")).toBeVisible();
    await expect(mail.getByText(w.refund)).toBeVisible();
    // The one in line is told too, in their language, with the same words, and that the list is closed.
    await openNewestEmail(page, waiting, w.waitingSubject);
    await expect(mail.getByText("Artisten är sjuk och vi hittar ingen ersättare.")).toBeVisible();
    await expect(mail.getByText(w.waitingClosed)).toBeVisible();

    // The order page says refunded and why; the event's page says cancelled.
    await page.goto(orderUrl);
    await expect(page.getByText(w.orderRefunded)).toBeVisible();
    await expect(page.getByText(w.orderNotice)).toBeVisible();
    await expectNoAxeViolations(page, "a cancelled event's order page");
    // The public page is cached, but the cancelling action expired it (updateTag), and a
    // browser that saw it before gets no leave to show its old copy (next.config.ts,
    // expireTime): the first load after the cancellation says so.
    await page.goto(`/events/${slug}`);
    await expect(page.getByText(w.badge, { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(w.pageHeading, { exact: true })).toBeVisible();
    await expect(page.getByLabel(w.quantity)).toHaveCount(0);
    await expectNoAxeViolations(page, "a cancelled event's public page");
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? "{}");
    expect(jsonLd.eventStatus).toBe("https://schema.org/EventCancelled");

    expect(errors).toEqual([]);
    expect(ownerErrors).toEqual([]);
  });
});
