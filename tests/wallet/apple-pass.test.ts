import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { makeTestPki, type TestPki } from "./test-certificates";
import { appleWalletPass, walletPassResponseHeaders, type WalletTicket } from "@/lib/wallet/apple-pass";
import type { AppleWalletConfig } from "@/lib/env";

let pki: TestPki;
let config: AppleWalletConfig;

beforeAll(() => {
  pki = makeTestPki({ keyPassphrase: "hemligt lösen" });
  config = {
    passTypeId: "pass.se.biljett.test",
    teamId: "ABCDE12345",
    signerCert: pki.signerCert,
    signerKey: pki.signerKey,
    signerKeyPassphrase: "hemligt lösen",
    wwdrCert: pki.wwdrCert,
  };
});
afterAll(() => pki.remove());

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

/** Unzips a pass into a new directory and returns it with its file names. */
function unzip(body: Buffer): { dir: string; files: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), "pkpass-"));
  writeFileSync(path.join(dir, "pass.pkpass"), body);
  execFileSync("unzip", ["-q", "pass.pkpass", "-d", "pass"], { cwd: dir });
  return { dir: path.join(dir, "pass"), files: readdirSync(path.join(dir, "pass")).sort() };
}

/** openssl's verdict on the detached signature of manifest.json, against the test CA. */
function verifySignature(dir: string, caFile: string, manifest = "manifest.json"): { ok: boolean; stderr: string } {
  const result = spawnSync(
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
      manifest,
      "-CAfile",
      caFile,
      "-purpose",
      "any",
      "-out",
      "/dev/null",
    ],
    { cwd: dir, encoding: "utf8" },
  );
  return { ok: result.status === 0, stderr: result.stderr };
}

describe("appleWalletPass", () => {
  it("is not made without the Apple Wallet settings", async () => {
    expect(await appleWalletPass("sv", ticket, null)).toBeNull();
  });

  it("holds the event, date, venue, holder and a QR code of the ticket code, with the relevant date", async () => {
    const file = (await appleWalletPass("sv", ticket, config))!;
    expect(file.filename).toBe("biljett-K7Q2M9XD4HRT.pkpass");
    expect(walletPassResponseHeaders(file)["Content-Type"]).toBe("application/vnd.apple.pkpass");
    const { dir, files } = unzip(file.body);
    try {
      expect(files).toEqual(expect.arrayContaining(["icon.png", "icon@2x.png", "manifest.json", "pass.json", "signature"]));
      const pass = JSON.parse(readFileSync(path.join(dir, "pass.json"), "utf8"));
      expect(pass).toMatchObject({
        formatVersion: 1,
        passTypeIdentifier: "pass.se.biljett.test",
        teamIdentifier: "ABCDE12345",
        serialNumber: "K7Q2M9XD4HRT",
        organizationName: "Kulturhuset",
        description: "Biljett till Vårkonsert",
        relevantDate: expect.stringMatching(/^2027-01-15T18:00:00(\.000)?Z$|^2027-01-15T\d\d:00:00[+-]\d\d:\d\d$/),
      });
      expect(new Date(pass.relevantDate).toISOString()).toBe("2027-01-15T18:00:00.000Z");
      expect(pass.barcodes).toEqual([
        { format: "PKBarcodeFormatQR", message: "K7Q2M9XD4HRT", messageEncoding: "iso-8859-1", altText: "K7Q2M9XD4HRT" },
      ]);
      const fields = pass.eventTicket;
      const value = (group: { key: string; value: string }[], key: string) => group.find((field) => field.key === key)?.value;
      expect(value(fields.primaryFields, "event")).toBe("Vårkonsert");
      expect(value(fields.secondaryFields, "date")).toMatch(/15 jan.* 2027.*19[.:]00/);
      expect(value(fields.secondaryFields, "venue")).toBe("Stora salen, Västra Ågatan 16, Uppsala");
      expect(value(fields.auxiliaryFields, "holder")).toBe("Zdeněk Łukasiewicz");
      expect(value(fields.auxiliaryFields, "type")).toBe("Ståplats");
      expect(value(fields.backFields, "link")).toBe(ticket.link);
      expect(pass.locations).toBeUndefined();
    } finally {
      rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });

  it("names each file of the archive in the manifest with its SHA-1, and signs the manifest for the test CA", async () => {
    const file = (await appleWalletPass("en", ticket, config))!;
    expect(file.filename).toBe("ticket-K7Q2M9XD4HRT.pkpass");
    const { dir, files } = unzip(file.body);
    try {
      const manifest: Record<string, string> = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
      expect(Object.keys(manifest).sort()).toEqual(files.filter((name) => name !== "manifest.json" && name !== "signature"));
      for (const [name, hash] of Object.entries(manifest)) {
        expect(hash).toBe(
          createHash("sha1")
            .update(readFileSync(path.join(dir, name)))
            .digest("hex"),
        );
      }

      const verified = verifySignature(dir, pki.caFile);
      expect(verified.stderr).toContain("Verification successful");
      expect(verified.ok).toBe(true);
      // The signer is the configured pass certificate, and the WWDR certificate travels along.
      const certs = execFileSync("openssl", ["pkcs7", "-inform", "DER", "-in", "signature", "-print_certs", "-noout"], {
        cwd: dir,
        encoding: "utf8",
      });
      expect(certs).toContain("Pass Type ID: pass.se.biljett.test");
      expect(certs).toContain("Test WWDR");

      // A manifest changed after signing fails; so does a CA that did not issue the signer.
      const tampered = { ...manifest, "pass.json": createHash("sha1").update("something else").digest("hex") };
      writeFileSync(path.join(dir, "tampered.json"), JSON.stringify(tampered));
      expect(verifySignature(dir, pki.caFile, "tampered.json").ok).toBe(false);
      const stranger = makeTestPki();
      try {
        expect(verifySignature(dir, stranger.caFile).ok).toBe(false);
      } finally {
        stranger.remove();
      }
    } finally {
      rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });

  it("is offered near the place when the event has coordinates", async () => {
    const file = (await appleWalletPass("sv", { ...ticket, event: { ...ticket.event, latitude: 59.8586, longitude: 17.6389 } }, config))!;
    const { dir } = unzip(file.body);
    try {
      const pass = JSON.parse(readFileSync(path.join(dir, "pass.json"), "utf8"));
      expect(pass.locations).toEqual([{ latitude: 59.8586, longitude: 17.6389, relevantText: "Vårkonsert" }]);
    } finally {
      rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });
});
