// A ticket as an Apple Wallet pass (.pkpass): a zip of pass.json, icons, a manifest of their
// SHA-1 hashes and a detached PKCS#7 signature of the manifest, made offline by
// passkit-generator with the operator's pass type certificate (RSA) and Apple's WWDR
// certificate. The QR code carries the ticket code, the same the door scanner reads.
import "server-only";
import { PKPass } from "passkit-generator";
import sharp from "sharp";
import { createTranslator } from "next-intl";
import { appleWalletConfig, type AppleWalletConfig } from "../env";
import { formatEventDateRange } from "../i18n/format";
import type { AppLocale } from "../i18n/locales";
import { messages } from "../i18n/messages";

export type WalletTicket = {
  orderNumber: string;
  holder: string;
  organizerName?: string | null;
  event: {
    /** The event's address on the site: Google Wallet's event class is named after it. */
    slug: string;
    title: string;
    venue: string;
    address?: string | null;
    city: string;
    /** ISO 8601 UTC. */
    startsAt: string;
    endsAt: string;
    timeZone: string;
    /** Where the event is, when known: Wallet then offers the pass near the place too. */
    latitude?: number | null;
    longitude?: number | null;
  };
  ticket: { code: string; typeName: string };
  /** Where the holder finds the ticket on the web (absolute). */
  link: string;
};

export type WalletPassFile = { filename: string; body: Buffer };

// The pass's icon, drawn once per process: a ticket in the site's indigo, no file to ship.
let icons: Promise<Record<string, Buffer>> | undefined;

function passIcons(): Promise<Record<string, Buffer>> {
  icons ??= (async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 87 87"><rect width="87" height="87" rx="16" fill="#3730a3"/>' +
        '<path d="M16 28h55v10a6 6 0 0 0 0 12v10H16V50a6 6 0 0 0 0-12z" fill="#fff"/></svg>',
    );
    const sizes = { "icon.png": 29, "icon@2x.png": 58, "icon@3x.png": 87 };
    const entries = await Promise.all(
      Object.entries(sizes).map(async ([name, size]) => [name, await sharp(svg).resize(size, size).png().toBuffer()] as const),
    );
    return Object.fromEntries(entries);
  })();
  return icons;
}

/** Whether this site signs Apple Wallet passes: only with every APPLE_PASS_* setting. */
export function appleWalletEnabled(): boolean {
  return appleWalletConfig() !== null;
}

/** One ticket as a signed .pkpass; `config` defaults to the site's settings (null: none configured). */
export async function appleWalletPass(
  locale: AppLocale,
  input: WalletTicket,
  config: AppleWalletConfig | null = appleWalletConfig(),
): Promise<WalletPassFile | null> {
  if (!config) return null;
  const t = createTranslator({ locale, messages: messages[locale], namespace: "Wallet.apple" });
  const { event, ticket } = input;
  const organizer = input.organizerName?.trim() || null;
  const place = [event.venue.trim(), event.address?.trim(), event.city.trim()].filter(Boolean).join(", ");

  const pass = new PKPass(
    {
      ...(await passIcons()),
      "pass.json": Buffer.from(
        JSON.stringify({
          formatVersion: 1,
          passTypeIdentifier: config.passTypeId,
          teamIdentifier: config.teamId,
          // The code is unique and changes when the ticket is re-issued: the old pass is a different pass.
          serialNumber: ticket.code,
          organizationName: organizer ?? event.title,
          description: t("description", { title: event.title }),
          backgroundColor: "rgb(55, 48, 163)",
          foregroundColor: "rgb(255, 255, 255)",
          labelColor: "rgb(224, 231, 255)",
          // The pass style; its fields are filled in below.
          eventTicket: {},
        }),
      ),
    },
    {
      wwdr: config.wwdrCert,
      signerCert: config.signerCert,
      signerKey: config.signerKey,
      // node-forge, which decrypts the key, reads the passphrase as bytes, one per character: hand
      // it the UTF-8 bytes, or a passphrase with "ö" in it would never match what openssl encrypted.
      ...(config.signerKeyPassphrase ? { signerKeyPassphrase: Buffer.from(config.signerKeyPassphrase, "utf8").toString("latin1") } : {}),
    },
  );
  pass.primaryFields.push({ key: "event", label: t("event"), value: event.title });
  pass.secondaryFields.push(
    { key: "date", label: t("date"), value: formatEventDateRange(event.startsAt, event.endsAt, locale, event.timeZone) },
    { key: "venue", label: t("venue"), value: place },
  );
  pass.auxiliaryFields.push(
    { key: "holder", label: t("holder"), value: input.holder },
    { key: "type", label: t("type"), value: ticket.typeName },
  );
  pass.backFields.push(
    { key: "code", label: t("code"), value: ticket.code },
    { key: "order", label: t("order"), value: input.orderNumber },
    ...(organizer ? [{ key: "organizer", label: t("organizer"), value: organizer }] : []),
    { key: "link", label: t("link"), value: input.link },
  );
  pass.setBarcodes({ format: "PKBarcodeFormatQR", message: ticket.code, messageEncoding: "iso-8859-1", altText: ticket.code });
  pass.setRelevantDate(new Date(event.startsAt));
  if (typeof event.latitude === "number" && typeof event.longitude === "number") {
    pass.setLocations({ latitude: event.latitude, longitude: event.longitude, relevantText: event.title });
  }
  return { filename: t("filename", { code: ticket.code }), body: pass.getAsBuffer() };
}

/** Headers of a pass download: Safari on iPhone opens this type in Wallet. */
export function walletPassResponseHeaders(file: WalletPassFile): Record<string, string> {
  const ascii = file.filename.replace(/[^\w.-]/g, "_");
  return {
    "Content-Type": "application/vnd.apple.pkpass",
    "Content-Disposition": `attachment; filename="${ascii}"`,
    "Content-Length": String(file.body.length),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
}
