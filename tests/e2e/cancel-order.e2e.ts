// Cancelling within the rules: an owner gives an event a refund policy on its edit page (a bad
// value is refused at its field, keeping what was typed); a guest buys two tickets, cancels one
// from the order page reached by the signed link, sees the refund and gets the email, and the
// organizer sees the cancellation on the order's page. An event without refunds says why on
// the order page and offers nothing to cancel. In Swedish and English, on a desktop and a phone.
import { collectPageErrors } from "./browser";
import { expect, test, type SignedInOwner } from "./fixtures";
import { buyAsGuest, checkoutWords, fillCheckout, openNewestEmail, signInWithEmailLink } from "./journey";

const words = {
  sv: {
    owner: "karin.sjoberg@example.se" as SignedInOwner,
    slug: "visor-vid-vattnet",
    quantity: /^Antal, Ordinarie/,
    policyHeading: "Avbokning och återbetalning",
    until: "Full återbetalning fram till ett antal dagar före start",
    days: /^Dagar före start/,
    percent: "Procent av beloppet",
    feeValue: /^Avgiftens storlek/,
    save: "Spara återbetalningsvillkoren",
    saved: "Återbetalningsvillkoren är sparade.",
    daysError: "Skriv ett helt antal dagar mellan 0 och 365.",
    cancelHeading: "Avboka biljetter",
    policyText: /^Du kan avboka fram till .+ och få pengarna tillbaka, minus en avgift på 10 procent\.$/,
    chooseNone: "Välj minst en biljett att avboka.",
    firstTicket: /^Biljett 1: Ordinarie, 320\skr$/,
    ticketOption: /^Biljett \d: /,
    submit: "Avboka valda biljetter",
    cancelled: "Biljetterna är avbokade. Pengarna betalas tillbaka till kortet du betalade med.",
    history: /^1 biljett avbokad .+: 288\skr tillbaka \(avgift 32\skr\) – återbetald$/,
    buyerSubject: /^Avbokat: Visor vid vattnet/,
    buyerRefund: /^Vi betalar tillbaka 288\skr till kortet/,
    organizerHeading: "Avbokningar och återbetalningar",
    organizerLine: /1 biljett avbokad av köparen, 288\skr tillbaka, avgift 32\skr – återbetald/,
    noRefunds: "Arrangören betalar inte tillbaka biljetter till det här evenemanget.",
    accountLink: /^Avboka biljetter till Visor vid vattnet/,
    secondTicket: /^Biljett 1: Ordinarie, 320\skr$/,
    historyLines: /^1 biljett avbokad .+ – återbetald$/,
  },
  en: {
    owner: "jonas.bergstrom@example.se" as SignedInOwner,
    slug: "mandagsjam-med-husbandet",
    quantity: /^Quantity, Entré/,
    policyHeading: "Cancellation and refunds",
    until: "Full refund until a number of days before the start",
    days: /^Days before the start/,
    percent: "Percentage of the amount",
    feeValue: /^Size of the fee/,
    save: "Save the refund terms",
    saved: "The refund terms are saved.",
    daysError: "Enter a whole number of days from 0 to 365.",
    cancelHeading: "Cancel tickets",
    policyText: /^You can cancel until .+ and get your money back, less a fee of 10 percent\.$/,
    chooseNone: "Choose at least one ticket to cancel.",
    firstTicket: /^Ticket 1: Entré, SEK\s100$/,
    ticketOption: /^Ticket \d: /,
    submit: "Cancel the chosen tickets",
    cancelled: "The tickets are cancelled. The money goes back to the card you paid with.",
    history: /^1 ticket cancelled .+: SEK\s90 back \(fee SEK\s10\) – refunded$/,
    buyerSubject: /^(Cancelled: Måndagsjam|Avbokat: Måndagsjam)/,
    buyerRefund: /^(We are refunding SEK\s90 to the card|Vi betalar tillbaka 90\skr till kortet)/,
    organizerHeading: "Cancellations and refunds",
    organizerLine: /1 ticket cancelled by the buyer, SEK\s90 back, fee SEK\s10 – refunded/,
    noRefunds: "The organizer does not refund tickets for this event.",
    accountLink: /^Cancel tickets for Måndagsjam/,
    secondTicket: /^Ticket 1: Entré, SEK\s100$/,
    historyLines: /^1 ticket cancelled .+ – refunded$/,
  },
} as const;

test.describe("cancelling within the rules", () => {
  test("a guest cancels one ticket of two within the policy and sees the refund; the organizer sees it too", async ({
    page,
    newContext,
    serverDatabase,
    lang,
    device,
  }) => {
    const w = words[lang];
    const errors = collectPageErrors(page);
    const { rows } = await serverDatabase.query<{ id: string; organizerId: string }>(
      `SELECT "id"::text AS "id", "organizerId"::text AS "organizerId" FROM "Event" WHERE "slug" = $1`,
      [w.slug],
    );
    const [event] = rows;

    // The owner allows refunds until two days before the start, less 10 %.
    const owner = await (await newContext({ signedInAs: w.owner })).newPage();
    const ownerErrors = collectPageErrors(owner);
    await owner.goto(`/organizer/${event.organizerId}/events/${event.id}/edit`);
    const policy = owner.getByRole("region", { name: w.policyHeading });
    await policy.getByLabel(w.until).check();
    await policy.getByLabel(w.days).fill("400");
    await policy.getByLabel(w.percent).check();
    await policy.getByLabel(w.feeValue).fill("10");
    await policy.getByRole("button", { name: w.save }).click();
    await expect(policy.getByText(w.daysError)).toBeVisible();
    await expect(policy.getByLabel(w.days)).toHaveValue("400");
    await expect(policy.getByLabel(w.days)).toHaveAttribute("aria-invalid", "true");
    await expect(policy.getByLabel(w.feeValue)).toHaveValue("10");
    await policy.getByLabel(w.days).fill("2");
    await policy.getByRole("button", { name: w.save }).click();
    await expect(policy.getByText(w.saved)).toBeVisible();

    // A guest buys two tickets for that event.
    const email = `greta.cancels.${lang}.${device}.${Date.now()}@example.se`;
    await page.goto(`/events/${w.slug}`);
    await page.getByLabel(w.quantity).selectOption("2");
    await page.getByRole("button", { name: checkoutWords[lang].continue }).click();
    await page.waitForURL(/\/checkout\?/);
    await fillCheckout(page, lang, { email });
    await page.getByRole("button", { name: checkoutWords[lang].buy }).click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);
    const orderUrl = page.url();
    const orderId = new URL(orderUrl).pathname.split("/").pop()!;

    const section = page.getByRole("region", { name: w.cancelHeading });
    await expect(section.getByText(w.policyText)).toBeVisible();
    await expect(section.getByRole("checkbox", { name: w.ticketOption })).toHaveCount(2);
    // Nothing chosen: the message is at the list.
    await section.getByRole("button", { name: w.submit }).click();
    await expect(section.getByText(w.chooseNone)).toBeVisible();

    await section.getByRole("checkbox", { name: w.firstTicket }).check();
    await section.getByRole("button", { name: w.submit }).click();
    await expect(page.getByText(w.cancelled)).toBeVisible();
    const after = page.getByRole("region", { name: w.cancelHeading });
    await expect(after.getByText(w.history)).toBeVisible();
    await expect(after.getByRole("checkbox", { name: w.ticketOption })).toHaveCount(1);

    // The buyer's email says what comes back.
    await openNewestEmail(page, email, w.buyerSubject);
    await expect(page.frameLocator("iframe").getByText(w.buyerRefund)).toBeVisible();

    // The organizer sees the cancellation on the order's page.
    await owner.goto(`/organizer/${event.organizerId}/orders/${orderId}`);
    const refunds = owner.getByRole("region", { name: w.organizerHeading });
    await expect(refunds.getByText(w.organizerLine)).toBeVisible();

    // Signed in, the buyer finds the way from My tickets to the order and cancels the other ticket.
    await signInWithEmailLink(page, lang, email);
    await page.goto("/account/tickets");
    await page.getByRole("link", { name: w.accountLink }).click();
    await page.waitForURL(new RegExp(`/orders/${orderId}\\?key=`));
    const again = page.getByRole("region", { name: w.cancelHeading });
    await again.getByRole("checkbox", { name: w.secondTicket }).check();
    await again.getByRole("button", { name: w.submit }).click();
    await expect(page.getByText(w.cancelled)).toBeVisible();
    await expect(page.getByRole("region", { name: w.cancelHeading }).getByText(w.historyLines)).toHaveCount(2);
    await expect(page.getByRole("region", { name: w.cancelHeading }).getByRole("checkbox")).toHaveCount(0);
    expect(errors).toEqual([]);
    expect(ownerErrors).toEqual([]);
  });

  test("an event without refunds says so on the order page and offers nothing to cancel", async ({ page, lang, device }) => {
    const w = words[lang];
    const errors = collectPageErrors(page);
    await buyAsGuest(page, lang, { email: `greta.keeps.${lang}.${device}.${Date.now()}@example.se` });
    const section = page.getByRole("region", { name: w.cancelHeading });
    await expect(section.getByText(w.noRefunds)).toBeVisible();
    await expect(section.getByRole("checkbox")).toHaveCount(0);
    await expect(section.getByRole("button", { name: w.submit })).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});
