import { generateKeyPairSync, randomBytes } from "node:crypto";
import { makeTestPki } from "../wallet/test-certificates";
import { readIcs } from "../calendar/read-ics";

// The configuration is read once, on first use: give this file's process both wallets' settings.
const pki = makeTestPki();
const google = generateKeyPairSync("rsa", { modulusLength: 2048 });
Object.assign(process.env, {
  APPLE_PASS_TYPE_ID: "pass.se.biljett.test",
  APPLE_PASS_TEAM_ID: "ABCDE12345",
  APPLE_PASS_CERT: pki.signerCert,
  APPLE_PASS_KEY: pki.signerKey,
  APPLE_WWDR_CERT: pki.wwdrCert,
  GOOGLE_WALLET_ISSUER_ID: "3388000000012345678",
  GOOGLE_WALLET_SERVICE_ACCOUNT_EMAIL: "wallet@biljett-test.iam.gserviceaccount.com",
  GOOGLE_WALLET_PRIVATE_KEY: google.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
});
afterAll(() => pki.remove());

import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { organizerWithTeam, paidOrder } from "../organizer-ops/fixtures";
import { db } from "@/lib/db/client";
import { orderUrl } from "@/lib/orders/order-links";
import { passTicketOn } from "@/lib/transfers/pass-ticket-on";
import { ticketLinkUrl } from "@/lib/transfers/ticket-links";
import { GET as applePass } from "@/app/[locale]/tickets/[transferId]/apple-wallet/route";
import { GET as calendar } from "@/app/[locale]/tickets/[transferId]/calendar/route";
import { GET as googleSave } from "@/app/[locale]/tickets/[transferId]/google-wallet/route";
import { GET as pdf } from "@/app/[locale]/tickets/[transferId]/pdf/route";

useTestDatabase();

const unique = () => randomBytes(4).toString("hex");
const keyOf = (url: string) => new URL(url).searchParams.get("key") ?? "";

type Route = typeof pdf;
const ROUTES: [string, Route][] = [
  ["pdf", pdf],
  ["calendar", calendar],
  ["apple-wallet", applePass],
  ["google-wallet", googleSave],
];

function call(route: Route, file: string, transferId: string, key: string | null) {
  const query = key === null ? "" : `?key=${encodeURIComponent(key)}`;
  return route(new Request(`http://localhost/tickets/${transferId}/${file}${query}`), {
    params: Promise.resolve({ locale: "sv", transferId }),
  });
}

/** What notFound() throws: Next answers it with the 404 page. */
const NOT_FOUND = expect.objectContaining({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });

/** A ticket Greta passed on to Tove: its transfer, the key of Tove's link, and the ticket now. */
async function passedOnTicket() {
  const team = await organizerWithTeam();
  const order = await paidOrder(
    { eventId: team.event.id, ticketTypeId: team.ticketTypes[0].id },
    { email: `greta-${unique()}@example.se`, name: "Greta Köpare" },
  );
  const [first] = [...order.tickets].sort((a, b) => a.code.localeCompare(b.code));
  const result = await passTicketOn({
    sender: { via: "order", orderId: order.id, key: keyOf(orderUrl(order)) },
    code: first.code,
    recipient: { name: "Tove Vän", email: `tove-${unique()}@example.se` },
    locale: "sv",
  });
  if (!result.ok) throw new Error(result.error);
  const key = keyOf(ticketLinkUrl({ id: result.transferId, toEmail: result.toEmail }));
  const ticket = await db.ticket.findUniqueOrThrow({ where: { id: first.id } });
  return { team, order, transferId: result.transferId, key, ticket };
}

describe(`a passed-on ticket's files, by its signed link (${databaseKind})`, () => {
  it("gives the holder the PDF, the calendar file and both wallet passes of the ticket", async () => {
    const { transferId, key, ticket } = await passedOnTicket();

    const file = await call(pdf, "pdf", transferId, key);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("cache-control")).toBe("private, no-store");
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect(file.headers.get("content-disposition")).toContain(ticket.code);

    const ics = await call(calendar, "calendar", transferId, key);
    expect(ics.status).toBe(200);
    const url = readIcs(await ics.text()).find((property) => property.name === "URL")?.value;
    // It leads back to the holder's own page, never to the buyer's order.
    expect(url).toBe(`http://localhost:3000/tickets/${transferId}?key=${key}`);

    const apple = await call(applePass, "apple-wallet", transferId, key);
    expect(apple.status).toBe(200);
    expect(apple.headers.get("content-type")).toBe("application/vnd.apple.pkpass");

    const save = await call(googleSave, "google-wallet", transferId, key);
    expect(save.status).toBe(303);
    expect(save.headers.get("location")).toMatch(/^https:\/\/pay\.google\.com\/gp\/v\/save\//);
  });

  it.each(ROUTES)("refuses %s without the link's key, with a wrong one, or with another transfer's", async (file, route) => {
    const { transferId, key } = await passedOnTicket();
    const other = await passedOnTicket();
    for (const wrong of [null, "", "x".repeat(32), other.key, key.slice(0, -1)]) {
      await expect(call(route, file, transferId, wrong)).rejects.toEqual(NOT_FOUND);
    }
    await expect(call(route, file, "not-a-uuid", key)).rejects.toEqual(NOT_FOUND);
  });

  it.each(ROUTES)("stops giving %s through the old holder's link once the ticket is passed on again", async (file, route) => {
    const { transferId, key, ticket } = await passedOnTicket();
    const again = await passTicketOn({
      sender: { via: "link", transferId, key },
      code: ticket.code,
      recipient: { name: "Sam Tredje", email: `sam-${unique()}@example.se` },
      locale: "sv",
    });
    if (!again.ok) throw new Error(again.error);

    await expect(call(route, file, transferId, key)).rejects.toEqual(NOT_FOUND);
    const samKey = keyOf(ticketLinkUrl({ id: again.transferId, toEmail: again.toEmail }));
    expect((await call(route, file, again.transferId, samKey)).status).toBeLessThan(400);
  });

  it.each(ROUTES)("gives no %s of a ticket that is no longer valid", async (file, route) => {
    const { transferId, key, ticket } = await passedOnTicket();
    await db.ticket.update({ where: { id: ticket.id }, data: { status: "VOID" } });
    await expect(call(route, file, transferId, key)).rejects.toEqual(NOT_FOUND);
  });
});
