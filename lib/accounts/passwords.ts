// Passwords: the policy a new one must meet, and argon2id hashing. NIST SP 800-63B's advice:
// length over composition rules, and a refusal of passwords that lists of leaks put first.
import { readFileSync } from "node:fs";
import path from "node:path";
import { hash, verify } from "@node-rs/argon2";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = "too_short" | "too_long" | "too_common";

export type PasswordCheck = { ok: true } | { ok: false; problem: PasswordProblem };

// @node-rs/argon2 declares its Algorithm enum as an ambient const enum: 2 is Argon2id.
const argon2id = 2;
// OWASP's minimum for argon2id (19 MiB, 2 passes) is ~20 ms here; 3 passes buy margin.
const argon2Options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 3, parallelism: 1 } as const;

/**
 * The form a password is measured, compared and hashed in: NFKC, so that the same characters
 * typed on another keyboard (composed "å" or "a" + ring) give the same password.
 */
function normalisePassword(password: string): string {
  return password.normalize("NFKC");
}

/** Length in characters as a person counts them, not UTF-16 code units. */
function characterCount(value: string): number {
  return Array.from(value).length;
}

let commonPasswords: Set<string> | undefined;

// Read from the repository (process.cwd() is the project root under Next.js, tsx and Jest, and
// Next's file tracing ships the file with the server) once per process.
function commonPasswordList(): Set<string> {
  commonPasswords ??= new Set(
    readFileSync(path.join(process.cwd(), "lib", "accounts", "common-passwords.txt"), "utf8")
      .split("\n")
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line.length > 0),
  );
  return commonPasswords;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswordList().has(normalisePassword(password).toLowerCase());
}

/** Whether `password` may be chosen: 8–128 characters and not one of the most common ones. */
export function checkPasswordPolicy(password: string): PasswordCheck {
  const length = characterCount(normalisePassword(password));
  if (length < PASSWORD_MIN_LENGTH) return { ok: false, problem: "too_short" };
  if (length > PASSWORD_MAX_LENGTH) return { ok: false, problem: "too_long" };
  if (isCommonPassword(password)) return { ok: false, problem: "too_common" };
  return { ok: true };
}

export async function hashPassword(password: string): Promise<string> {
  return hash(normalisePassword(password), argon2Options);
}

/** Constant-time check of a password against a stored hash; false for a malformed hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  // An over-long input is refused before hashing: argon2 would happily spend time on a megabyte.
  if (characterCount(password) > PASSWORD_MAX_LENGTH * 2) return false;
  try {
    return await verify(storedHash, normalisePassword(password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends as long as a real verification, for sign-in attempts with an unknown address or an
 * account without a password, so the response time does not tell which addresses exist.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("timing-equaliser-not-a-password");
  await verifyPassword(await dummyHash, password);
  return false;
}
