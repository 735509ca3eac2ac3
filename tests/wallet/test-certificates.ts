// Certificates made for the tests with openssl: a root CA, an intermediate standing in for
// Apple's WWDR certificate, and an RSA pass signer under it; plus a bare RSA key pair for
// Google's service account. Nothing here is a real credential.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type TestPki = {
  dir: string;
  caFile: string;
  wwdrCert: string;
  signerCert: string;
  signerKey: string;
  remove(): void;
};

function openssl(dir: string, args: string[]): void {
  execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
}

export function makeTestPki(options: { keyPassphrase?: string } = {}): TestPki {
  const dir = mkdtempSync(path.join(tmpdir(), "wallet-pki-"));
  writeFileSync(path.join(dir, "ca.ext"), "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n");
  writeFileSync(path.join(dir, "leaf.ext"), "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n");
  const newKey = (name: string) => openssl(dir, ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", name]);
  newKey("root.key");
  openssl(dir, [
    "req",
    "-x509",
    "-new",
    "-key",
    "root.key",
    "-subj",
    "/CN=Test Root CA",
    "-days",
    "2",
    "-out",
    "root.pem",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
  ]);
  newKey("wwdr.key");
  openssl(dir, ["req", "-new", "-key", "wwdr.key", "-subj", "/CN=Test WWDR/OU=G4", "-out", "wwdr.csr"]);
  openssl(dir, [
    "x509",
    "-req",
    "-in",
    "wwdr.csr",
    "-CA",
    "root.pem",
    "-CAkey",
    "root.key",
    "-CAcreateserial",
    "-days",
    "2",
    "-extfile",
    "ca.ext",
    "-out",
    "wwdr.pem",
  ]);
  newKey("signer.key");
  openssl(dir, [
    "req",
    "-new",
    "-key",
    "signer.key",
    "-subj",
    "/UID=pass.se.biljett.test/CN=Pass Type ID: pass.se.biljett.test",
    "-out",
    "signer.csr",
  ]);
  openssl(dir, [
    "x509",
    "-req",
    "-in",
    "signer.csr",
    "-CA",
    "wwdr.pem",
    "-CAkey",
    "wwdr.key",
    "-CAcreateserial",
    "-days",
    "2",
    "-extfile",
    "leaf.ext",
    "-out",
    "signer.pem",
  ]);
  let signerKey = readFileSync(path.join(dir, "signer.key"), "utf8");
  if (options.keyPassphrase) {
    openssl(dir, ["pkey", "-in", "signer.key", "-aes256", "-passout", `pass:${options.keyPassphrase}`, "-out", "signer-encrypted.key"]);
    signerKey = readFileSync(path.join(dir, "signer-encrypted.key"), "utf8");
  }
  return {
    dir,
    caFile: path.join(dir, "root.pem"),
    wwdrCert: readFileSync(path.join(dir, "wwdr.pem"), "utf8"),
    signerCert: readFileSync(path.join(dir, "signer.pem"), "utf8"),
    signerKey,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
