// Untrusted text in addresses: every route parameter and query value given a NUL byte or a
// CR LF, as an attacker would send them, signed in as an organizer's owner (so the account and
// organizer routes get as far as looking the value up; signed in once for every journey by
// signed-in.setup.ts). None may answer with a server error; the event search says why it
// ignored the text.
import { expect, test } from "./fixtures";

const OWNER = "karin.sjoberg@example.se";
const BAD = ["%00", "a%0D%0Ab", "%00%00..%2F%00"];

/** Every address with a parameter or a query value, with `X` where the bad text goes. */
function addresses(organizerId: string, eventId: string): string[] {
  return [
    "/events/X",
    "/events/X/checkout",
    "/events?q=X",
    "/events?city=X",
    "/events?page=X",
    "/orders/X",
    "/orders/X?key=X",
    "/orders/X/cancel?key=X",
    "/orders/correct?token=X",
    "/account/tickets/X",
    "/account/tickets/X/pdf",
    "/account/tickets/orders/X/pdf",
    "/account/email/confirm?token=X",
    "/api/v1/me/tickets/X",
    "/dev/mailbox/X",
    "/dev/mailbox?to=X",
    "/dev/mailbox/X/attachments/X",
    "/media/X",
    "/u/X",
    "/login?callbackUrl=X",
    "/login?email=X&intent=X",
    "/login/confirm?token=X&email=X&callbackUrl=X",
    "/login/check-email?email=X",
    "/likes/complete?event=X&returnTo=X",
    "/organizer/X",
    `/organizer/${organizerId}/events/X`,
    `/organizer/${organizerId}/events/X/edit`,
    `/organizer/${organizerId}/events/X/attendees`,
    `/organizer/${organizerId}/events/X/attendees/export`,
    `/organizer/${organizerId}/events/X/check-in`,
    `/organizer/${organizerId}/events/X/messages`,
    `/organizer/${organizerId}/events/${eventId}/attendees?q=X`,
    `/organizer/${organizerId}/orders/X`,
    "/organizer/X/marketing",
    "/organizer/X/marketing/export",
  ];
}

test.describe("route parameters and query values with control characters", { tag: "@sv-desktop" }, () => {
  test("never answer with a server error", async ({ newContext, serverDatabase: database }) => {
    const { rows } = await database.query<{ organizerId: string; eventId: string }>(
      `SELECT e."organizerId", e.id AS "eventId" FROM "Event" e
         JOIN "OrganizerMember" m ON m."organizerId" = e."organizerId"
         JOIN "User" u ON u.id = m."userId"
        WHERE u.email = $1 ORDER BY e."startsAt" LIMIT 1`,
      [OWNER],
    );
    const context = await newContext({ signedInAs: OWNER });
    const failures: string[] = [];
    for (const template of addresses(rows[0].organizerId, rows[0].eventId)) {
      for (const bad of BAD) {
        const url = template.replaceAll("X", bad);
        const response = await context.request.get(url, { maxRedirects: 0, failOnStatusCode: false });
        if (response.status() >= 500) failures.push(`${response.status()} ${url}`);
      }
    }
    expect(failures).toEqual([]);
  });

  test("tells the visitor why a search was not used", async ({ newContext }) => {
    const page = await (await newContext({ signedInAs: OWNER })).newPage();
    const response = await page.goto("/events?q=jazz%00");
    expect(response?.status()).toBe(200);
    await page.getByText("Sökningen innehöll styrtecken och användes inte. Skriv den igen med vanliga tecken.").waitFor();
  });
});
