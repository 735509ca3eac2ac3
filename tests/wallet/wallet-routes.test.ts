import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { importSPKI, jwtVerify } from "jose";
import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { createOrder, createUser, eventIn } from "../tickets/fixtures";
import { makeTestPki } from "./test-certificates";
import { db } from "@/lib/db/client";
import { orderPath } from "@/lib/orders/order-links";
import { accountTicketPdf } from "@/lib/tickets/account-ticket-pdf";
import { accountWalletTicket } from "@/lib/wallet/ticket-passes";
import { GET as applePass } from "@/app/[locale]/orders/[orderId]/tickets/[code]/apple-wallet/route";
import { GET as googleSave } from "@/app/[locale]/orders/[orderId]/tickets/[code]/google-wallet/route";
import { GET as ticketPdf } from "@/app/[locale]/orders/[orderId]/tickets/[code]/pdf/route";

// The configuration is read once, on first use: give this file's process both wallets' settings.
const pki = makeTestPki();
const google = generateKeyPairSync("rsa", { modulusLength: 2048 });
Object.assign(process.env, {
  APPLE_PASS_TYPE_ID: "pass.se.biljett.test",
  APPLE_PASS_TEAM_ID: "ABCDE12345",
  APPLE_PASS_CERT: pki.signerCert,
  // As a host that keeps variables on one line stores it: "\n" as two characters.
  APPLE_PASS_KEY: pki.signerKey.replace(/\n/g, "\\n"),
  APPLE_WWDR_CERT: pki.wwdrCert,
  GOOGLE_WALLET_ISSUER_ID: "3388000000012345678",
  GOOGLE_WALLET_SERVICE_ACCOUNT_EMAIL: "wallet@biljett-test.iam.gserviceaccount.com",
  GOOGLE_WALLET_PRIVATE_KEY: google.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
});
afterAll(() => pki.remove());

useTestDatabase();

const keyOf = (order: { id: string; buyerEmail: string }) => new URL(orderPath(order), "http://localhost").searchParams.get("key")!;

type Route = typeof applePass;
function call(route: Route, wallet: string, orderId: string, code: string, key: string | null) {
  const query = key === null ? "" : `?key=${encodeURIComponent(key)}`;
  return route(new Request(`http://localhost/orders/${orderId}/tickets/${code}/${wallet}${query}`), {
    params: Promise.resolve({ locale: "sv", orderId, code }),
  });
}

/** What notFound() throws: Next answers it with the 404 page. */
const NOT_FOUND = expect.objectContaining({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });

async function guestOrder() {
  const user = await createUser();
  const event = await eventIn(5, "Vårkonsert");
  return createOrder({ ...event, userId: user.id, buyerEmail: user.email });
}

describe(`the order page's wallet passes, by the order's signed link (${databaseKind})`, () => {
  it("gives a signed Apple Wallet pass of the ticket, for the test CA", async () => {
    const order = await guestOrder();
    const code = order.tickets[0].code;
    const response = await call(applePass, "apple-wallet", order.id, code, keyOf(order));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.apple.pkpass");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const dir = mkdtempSync(path.join(tmpdir(), "pkpass-route-"));
    try {
      writeFileSync(path.join(dir, "pass.pkpass"), Buffer.from(await response.arrayBuffer()));
      execFileSync("unzip", ["-q", "pass.pkpass"], { cwd: dir });
      const pass = JSON.parse(readFileSync(path.join(dir, "pass.json"), "utf8"));
      expect(pass.serialNumber).toBe(code);
      expect(pass.barcodes[0].message).toBe(code);
      expect(pass.eventTicket.backFields.find((field: { key: string }) => field.key === "link").value).toBe(
        `http://localhost:3000${orderPath(order)}`,
      );
      execFileSync(
        "openssl",
        [
          "smime",
          "-verify",
          "-binary",
          "-inform",
          "DER",
          "-in",
          "signature",
          "-content",
          "manifest.json",
          "-CAfile",
          pki.caFile,
          "-purpose",
          "any",
          "-out",
          "/dev/null",
        ],
        { cwd: dir, stdio: "pipe" },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("sends the browser on to Google with a JWT of the ticket that the service account's public key verifies", async () => {
    const order = await guestOrder();
    const code = order.tickets[1].code;
    const response = await call(googleSave, "google-wallet", order.id, code, keyOf(order));
    expect(response.status).toBe(303);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const location = response.headers.get("location")!;
    expect(location.startsWith("https://pay.google.com/gp/v/save/")).toBe(true);
    const publicKey = await importSPKI(google.publicKey.export({ type: "spki", format: "pem" }).toString(), "RS256");
    const { payload } = await jwtVerify(location.split("/").pop()!, publicKey, { audience: "google" });
    const objects = (payload.payload as { eventTicketObjects: { barcode: { value: string } }[] }).eventTicketObjects;
    expect(objects[0].barcode.value).toBe(code);
  });

  it("refuses a missing, wrong or other order's key, and another order's ticket, with the same 404 as the ticket PDF", async () => {
    const order = await guestOrder();
    const other = await guestOrder();
    const code = order.tickets[0].code;
    const key = keyOf(order);
    const attempts: [string, string, string | null][] = [
      [order.id, code, null],
      [order.id, code, ""],
      [order.id, code, key.slice(0, -1) + (key.endsWith("A") ? "B" : "A")],
      [order.id, code, keyOf(other)],
      [order.id, other.tickets[0].code, key],
      [other.id, code, keyOf(other)],
    ];
    for (const [orderId, ticketCode, wrong] of attempts) {
      const pdfAnswer = await call(ticketPdf, "pdf", orderId, ticketCode, wrong).catch((error: unknown) => error);
      expect(pdfAnswer).toEqual(NOT_FOUND);
      await expect(call(applePass, "apple-wallet", orderId, ticketCode, wrong)).rejects.toEqual(pdfAnswer);
      await expect(call(googleSave, "google-wallet", orderId, ticketCode, wrong)).rejects.toEqual(pdfAnswer);
    }
  });

  it("makes no pass of a void ticket", async () => {
    const order = await guestOrder();
    await db.ticket.update({ where: { code: order.tickets[0].code }, data: { status: "VOID" } });
    await expect(call(applePass, "apple-wallet", order.id, order.tickets[0].code, keyOf(order))).rejects.toEqual(NOT_FOUND);
    await expect(call(googleSave, "google-wallet", order.id, order.tickets[0].code, keyOf(order))).rejects.toEqual(NOT_FOUND);
  });
});

describe(`accountWalletTicket, by the account's ownership of the ticket (${databaseKind})`, () => {
  it("gives the owner the ticket with the event's place, and another account nothing, as the ticket PDF does", async () => {
    const owner = await createUser();
    const stranger = await createUser();
    const event = await eventIn(5, "Vårkonsert");
    await db.event.update({ where: { id: event.eventId }, data: { address: "Västra Ågatan 16" } });
    const order = await createOrder({ ...event, userId: owner.id, buyerEmail: owner.email });
    const code = order.tickets[0].code;
    expect(await accountWalletTicket(owner.id, code, "en")).toMatchObject({
      holder: "Kim Kund",
      event: { title: "Vårkonsert", address: "Västra Ågatan 16", city: "Uppsala" },
      ticket: { code },
      link: `http://localhost:3000/en/account/tickets/${code}`,
    });
    expect(await accountTicketPdf(stranger.id, code, "sv")).toBeNull();
    expect(await accountWalletTicket(stranger.id, code, "sv")).toBeNull();
  });
});
