import { generateKeyPairSync } from "node:crypto";
import { appleWalletConfig, ConfigError, googleWalletConfig, parseEnv } from "@/lib/env";

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const keyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const certPem = "-----BEGIN CERTIFICATE-----\nMIIBtest\n-----END CERTIFICATE-----";

const apple = {
  APPLE_PASS_TYPE_ID: "pass.se.biljett.ticket",
  APPLE_PASS_TEAM_ID: "ABCDE12345",
  APPLE_PASS_CERT: certPem,
  APPLE_PASS_KEY: keyPem,
  APPLE_WWDR_CERT: certPem,
};
const google = {
  GOOGLE_WALLET_ISSUER_ID: "3388000000012345678",
  GOOGLE_WALLET_SERVICE_ACCOUNT_EMAIL: "wallet@biljett.iam.gserviceaccount.com",
  GOOGLE_WALLET_PRIVATE_KEY: keyPem,
};

function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe("the wallet settings in lib/env.ts", () => {
  it("leaves both wallets off when none is set", () => {
    const config = parseEnv({});
    expect(appleWalletConfig(config)).toBeNull();
    expect(googleWalletConfig(config)).toBeNull();
  });

  it("turns each wallet on with all its settings, reading \\n written as two characters as a line break", () => {
    const config = parseEnv({ ...apple, APPLE_PASS_KEY: keyPem.replace(/\n/g, "\\n"), APPLE_PASS_KEY_PASSPHRASE: "lösen", ...google });
    expect(appleWalletConfig(config)).toEqual({
      passTypeId: "pass.se.biljett.ticket",
      teamId: "ABCDE12345",
      signerCert: certPem,
      signerKey: keyPem.trim(),
      signerKeyPassphrase: "lösen",
      wwdrCert: certPem,
    });
    expect(googleWalletConfig(config)).toEqual({
      issuerId: "3388000000012345678",
      serviceAccountEmail: "wallet@biljett.iam.gserviceaccount.com",
      privateKey: keyPem.trim(),
    });
  });

  it("refuses part of a wallet's settings, naming each one missing", () => {
    const { APPLE_WWDR_CERT: _wwdr, APPLE_PASS_KEY: _key, ...partApple } = apple;
    expect(problems(partApple)).toEqual([
      expect.stringMatching(/^APPLE_PASS_KEY is missing: required with the other Apple Wallet settings/),
      expect.stringMatching(/^APPLE_WWDR_CERT is missing: required with the other Apple Wallet settings/),
    ]);
    expect(problems({ GOOGLE_WALLET_ISSUER_ID: google.GOOGLE_WALLET_ISSUER_ID })).toEqual([
      expect.stringMatching(/^GOOGLE_WALLET_SERVICE_ACCOUNT_EMAIL is missing/),
      expect.stringMatching(/^GOOGLE_WALLET_PRIVATE_KEY is missing/),
    ]);
  });

  it("refuses malformed values with what is expected", () => {
    expect(problems({ ...apple, APPLE_PASS_CERT: "not a certificate", APPLE_PASS_TEAM_ID: "abc" })).toEqual([
      expect.stringMatching(/^APPLE_PASS_TEAM_ID is malformed: must be the 10-character Apple team identifier/),
      expect.stringMatching(/^APPLE_PASS_CERT is malformed: must be the pass type certificate in PEM form/),
    ]);
    expect(problems({ ...google, GOOGLE_WALLET_SERVICE_ACCOUNT_EMAIL: "someone@gmail.com" })).toEqual([
      expect.stringMatching(/^GOOGLE_WALLET_SERVICE_ACCOUNT_EMAIL is malformed: must be a service account address/),
    ]);
  });
});
