import { generateKeyPairSync } from "node:crypto";
import { decodeProtectedHeader, importSPKI, jwtVerify } from "jose";
import { googleWalletSaveUrl } from "@/lib/wallet/google-pass";
import type { WalletTicket } from "@/lib/wallet/apple-pass";
import type { GoogleWalletConfig } from "@/lib/env";

// A key pair made for the test, as a service account's would be (PKCS#8 PEM).
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const config: GoogleWalletConfig = {
  issuerId: "3388000000012345678",
  serviceAccountEmail: "wallet@biljett-test.iam.gserviceaccount.com",
  privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
};

const ticket: WalletTicket = {
  orderNumber: "B-4711",
  holder: "Zdeněk Łukasiewicz",
  organizerName: "Kulturhuset",
  event: {
    slug: "varkonsert-uppsala",
    title: "Vårkonsert",
    venue: "Stora salen",
    address: "Västra Ågatan 16",
    city: "Uppsala",
    startsAt: "2027-01-15T18:00:00.000Z",
    endsAt: "2027-01-15T21:00:00.000Z",
    timeZone: "Europe/Stockholm",
  },
  ticket: { code: "K7Q2M9XD4HRT", typeName: "Ståplats" },
  link: "http://localhost:3000/account/tickets/K7Q2M9XD4HRT",
};

/** The public half as the service account's certificate page gives it: an SPKI PEM. */
const publicKeyPem = () => importSPKI(publicKey.export({ type: "spki", format: "pem" }).toString(), "RS256");

function jwtOf(url: string): string {
  expect(url.startsWith("https://pay.google.com/gp/v/save/")).toBe(true);
  return url.slice("https://pay.google.com/gp/v/save/".length);
}

describe("googleWalletSaveUrl", () => {
  it("is not made without the Google Wallet settings", async () => {
    expect(await googleWalletSaveUrl("sv", ticket, null)).toBeNull();
  });

  it("signs a save-to-wallet JWT with the service account key that its public key verifies", async () => {
    const jwt = jwtOf((await googleWalletSaveUrl("sv", ticket, config))!);
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: "RS256", typ: "JWT" });
    const { payload: claims } = await jwtVerify(jwt, await publicKeyPem(), {
      audience: "google",
      issuer: config.serviceAccountEmail,
    });
    expect(claims).toMatchObject({
      aud: "google",
      typ: "savetowallet",
      iss: config.serviceAccountEmail,
      origins: ["http://localhost:3000"],
    });
    expect(typeof claims.iat).toBe("number");

    const { eventTicketObjects, eventTicketClasses } = claims.payload as {
      eventTicketObjects: Record<string, unknown>[];
      eventTicketClasses: Record<string, unknown>[];
    };
    expect(eventTicketClasses).toEqual([
      expect.objectContaining({
        id: "3388000000012345678.event-varkonsert-uppsala",
        issuerName: "Kulturhuset",
        eventName: { defaultValue: { language: "sv", value: "Vårkonsert" } },
        venue: {
          name: { defaultValue: { language: "sv", value: "Stora salen" } },
          address: { defaultValue: { language: "sv", value: "Västra Ågatan 16, Uppsala" } },
        },
        dateTime: { start: "2027-01-15T18:00:00.000Z", end: "2027-01-15T21:00:00.000Z" },
      }),
    ]);
    expect(eventTicketObjects).toEqual([
      expect.objectContaining({
        id: "3388000000012345678.K7Q2M9XD4HRT",
        classId: "3388000000012345678.event-varkonsert-uppsala",
        state: "ACTIVE",
        ticketHolderName: "Zdeněk Łukasiewicz",
        ticketType: { defaultValue: { language: "sv", value: "Ståplats" } },
        barcode: { type: "QR_CODE", value: "K7Q2M9XD4HRT", alternateText: "K7Q2M9XD4HRT" },
      }),
    ]);
  });

  it("is refused by another key, and accepts a PKCS#1 key from the settings", async () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const jwt = jwtOf((await googleWalletSaveUrl("en", ticket, config))!);
    await expect(
      jwtVerify(jwt, await importSPKI(other.publicKey.export({ type: "spki", format: "pem" }).toString(), "RS256")),
    ).rejects.toThrow(/signature verification failed/);

    const pkcs1 = { ...config, privateKey: privateKey.export({ type: "pkcs1", format: "pem" }).toString() };
    const fromPkcs1 = jwtOf((await googleWalletSaveUrl("en", ticket, pkcs1))!);
    const { payload } = await jwtVerify(fromPkcs1, await publicKeyPem());
    expect(JSON.stringify(payload)).toContain('"language":"en"');
  });
});
