import { readFileSync } from "node:fs";
import { estimatePasswordStrength } from "@/lib/accounts/password-strength";
import { checkPasswordPolicy, hashPassword, isCommonPassword, verifyPassword } from "@/lib/accounts/passwords";

describe("checkPasswordPolicy", () => {
  it("refuses a password shorter than 8 characters, counting characters and not bytes", () => {
    expect(checkPasswordPolicy("kort1")).toEqual({ ok: false, problem: "too_short" });
    expect(checkPasswordPolicy("åäöÅÄÖé")).toEqual({ ok: false, problem: "too_short" });
    expect(checkPasswordPolicy("åäöÅÄÖéü")).toEqual({ ok: true });
  });

  it("accepts 128 characters and refuses 129", () => {
    expect(checkPasswordPolicy("x".repeat(120) + "Tg7#kq2P")).toEqual({ ok: true });
    expect(checkPasswordPolicy("x".repeat(121) + "Tg7#kq2P")).toEqual({ ok: false, problem: "too_long" });
  });

  it("refuses the most common passwords, whatever their case", () => {
    expect(checkPasswordPolicy("password")).toEqual({ ok: false, problem: "too_common" });
    expect(checkPasswordPolicy("Password123")).toEqual({ ok: false, problem: "too_common" });
    expect(checkPasswordPolicy("QWERTYUIOP")).toEqual({ ok: false, problem: "too_common" });
    expect(checkPasswordPolicy("Sommar2024")).toEqual({ ok: false, problem: "too_common" });
    expect(isCommonPassword("lösenord123")).toBe(true);
  });

  it("accepts a fine password with no rules about character classes", () => {
    expect(checkPasswordPolicy("tre gröna hästar dansar")).toEqual({ ok: true });
    expect(checkPasswordPolicy("kanelbullar på fredag")).toEqual({ ok: true });
  });

  it("ships a list of a few thousand common passwords, lower case, one a line", () => {
    const lines = readFileSync("lib/accounts/common-passwords.txt", "utf8").trim().split("\n");
    expect(lines.length).toBeGreaterThan(2000);
    expect(lines.every((line) => line === line.toLowerCase().trim() && line.length > 0)).toBe(true);
  });
});

describe("hashPassword and verifyPassword", () => {
  it("hashes with argon2id, salted, and verifies only the right password", async () => {
    const hash = await hashPassword("tre gröna hästar");
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await hashPassword("tre gröna hästar")).not.toBe(hash);
    expect(await verifyPassword(hash, "tre gröna hästar")).toBe(true);
    expect(await verifyPassword(hash, "tre gröna hästar ")).toBe(false);
    expect(await verifyPassword(hash, "Tre gröna hästar")).toBe(false);
  });

  it("treats the composed and decomposed spelling of å as the same password", async () => {
    const hash = await hashPassword("s\u00e5ngf\u00e5gel-pass");
    expect(await verifyPassword(hash, "sa\u030angfa\u030agel-pass")).toBe(true);
  });

  it("says false for a malformed hash instead of throwing", async () => {
    expect(await verifyPassword("not-a-hash", "whatever1")).toBe(false);
  });
});

describe("estimatePasswordStrength", () => {
  it("scores common and patterned passwords lowest and long random ones highest", () => {
    expect(estimatePasswordStrength("")).toBe(0);
    expect(estimatePasswordStrength("password123")).toBe(0);
    expect(estimatePasswordStrength("qwertyuiop")).toBe(0);
    expect(estimatePasswordStrength("aaaaaaaaaaaa")).toBe(0);
    expect(estimatePasswordStrength("kanelbulle")).toBe(1);
    expect(estimatePasswordStrength("x7#Qp9!vL2@m")).toBeGreaterThanOrEqual(3);
    expect(estimatePasswordStrength("tre gröna hästar dansar")).toBe(4);
  });
});
