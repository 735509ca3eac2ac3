// "Save to Google Wallet": a link to Google carrying a JWT, signed with the operator's service
// account key (RS256, by jose), that holds the event's ticket class and this ticket's object.
// Google creates or updates both when the holder follows the link; nothing is called from here.
import "server-only";
import { createPrivateKey } from "node:crypto";
import { importPKCS8, SignJWT } from "jose";
import { createTranslator } from "next-intl";
import { env, googleWalletConfig, type GoogleWalletConfig } from "../env";
import type { AppLocale } from "../i18n/locales";
import { messages } from "../i18n/messages";
import type { WalletTicket } from "./apple-pass";

const SAVE_URL = "https://pay.google.com/gp/v/save/";

/** Whether this site offers "Save to Google Wallet": only with every GOOGLE_WALLET_* setting. */
export function googleWalletEnabled(): boolean {
  return googleWalletConfig() !== null;
}

/** Google's ids allow letters, digits, ".", "_" and "-" after the issuer id. */
function idPart(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, "_");
}

function localized(locale: AppLocale, value: string) {
  return { defaultValue: { language: locale, value } };
}

/** The claims of the save link's JWT for one ticket (without iat, which signing adds). */
export function googleWalletClaims(locale: AppLocale, input: WalletTicket, config: GoogleWalletConfig) {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "Wallet.google" });
  const { event, ticket } = input;
  const classId = `${config.issuerId}.event-${idPart(event.slug)}`;
  const address = [event.address?.trim(), event.city.trim()].filter(Boolean).join(", ");
  return {
    iss: config.serviceAccountEmail,
    aud: "google",
    typ: "savetowallet",
    // Only our own pages may show the button that carries this JWT.
    origins: [env().SITE_URL],
    payload: {
      eventTicketClasses: [
        {
          id: classId,
          issuerName: input.organizerName?.trim() || event.title,
          eventName: localized(locale, event.title),
          venue: { name: localized(locale, event.venue), address: localized(locale, address) },
          dateTime: { start: event.startsAt, end: event.endsAt },
          reviewStatus: "UNDER_REVIEW",
        },
      ],
      eventTicketObjects: [
        {
          // The code is unique and changes when the ticket is re-issued: a new code is a new object.
          id: `${config.issuerId}.${idPart(ticket.code)}`,
          classId,
          state: "ACTIVE",
          ticketHolderName: input.holder,
          ticketType: localized(locale, ticket.typeName),
          barcode: { type: "QR_CODE", value: ticket.code, alternateText: ticket.code },
          validTimeInterval: { end: { date: event.endsAt } },
          textModulesData: [{ id: "order", header: t("order"), body: input.orderNumber }],
          linksModuleData: { uris: [{ id: "ticket", uri: input.link, description: t("link") }] },
        },
      ],
    },
  };
}

/** The "Save to Google Wallet" address for one ticket; null on a site without Google Wallet settings. */
export async function googleWalletSaveUrl(
  locale: AppLocale,
  input: WalletTicket,
  config: GoogleWalletConfig | null = googleWalletConfig(),
): Promise<string | null> {
  if (!config) return null;
  // The setting may be PKCS#1 ("RSA PRIVATE KEY") or PKCS#8; jose reads PKCS#8.
  const pkcs8 = createPrivateKey(config.privateKey).export({ type: "pkcs8", format: "pem" }).toString();
  const key = await importPKCS8(pkcs8, "RS256");
  const jwt = await new SignJWT(googleWalletClaims(locale, input, config))
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .setIssuedAt()
    .sign(key);
  return `${SAVE_URL}${jwt}`;
}
