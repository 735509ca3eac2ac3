// Buyer email addresses: one canonical form per mailbox, and a refusal for anything that is
// not a single plain address (display names, lists, line breaks, look-alike at-signs).

export type EmailProblem = "empty" | "not_plain" | "invalid" | "too_long";

export type ParsedEmail = { ok: true; email: string; suggestion: string | null } | { ok: false; problem: EmailProblem };

// Characters that NFKC would turn into "@" or that only look like it: an address typed with
// them is refused rather than silently rewritten into someone else's.
const LOOKALIKE_AT = /[\uFF20\uFE6B]/u;
// Line breaks, angle brackets (display names), separators of address lists, quotes, spaces.
const NOT_PLAIN = /[\r\n\u2028\u2029<>,;"()\s\\]/u;
// Local part and domain as a mail provider accepts them from a sign-up form (not RFC 5322's
// full grammar, which allows quoted strings and comments no real buyer types).
const PLAIN_ADDRESS = /^[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u;

/** Trim, Unicode NFKC, lower case: the form stored in User.email and compared everywhere. */
export function normaliseEmail(raw: string): string {
  return raw.trim().normalize("NFKC").toLowerCase();
}

export function parseEmail(raw: string): ParsedEmail {
  const trimmed = raw.trim();
  if (trimmed === "") return { ok: false, problem: "empty" };
  if (LOOKALIKE_AT.test(trimmed) || NOT_PLAIN.test(trimmed)) return { ok: false, problem: "not_plain" };
  const email = normaliseEmail(trimmed);
  if (email.length > 254) return { ok: false, problem: "too_long" };
  const at = email.indexOf("@");
  if (at < 1 || at !== email.lastIndexOf("@") || at > 64) return { ok: false, problem: "invalid" };
  if (!PLAIN_ADDRESS.test(email) || email.includes("..") || email.startsWith(".") || email.includes(".@")) {
    return { ok: false, problem: "invalid" };
  }
  return { ok: true, email, suggestion: suggestDomain(email) };
}

// Common misspellings of the mail domains buyers in the Nordics use most.
const KNOWN_DOMAINS = [
  "gmail.com",
  "hotmail.com",
  "hotmail.se",
  "outlook.com",
  "live.se",
  "yahoo.com",
  "yahoo.se",
  "icloud.com",
  "me.com",
  "telia.com",
  "bredband.net",
  "comhem.se",
  "spray.se",
];

const TYPO_DOMAINS: Record<string, string> = {
  "gmial.com": "gmail.com",
  "gmai.com": "gmail.com",
  "gmail.co": "gmail.com",
  "gmail.se": "gmail.com",
  "gnail.com": "gmail.com",
  "hotmial.com": "hotmail.com",
  "hotmal.com": "hotmail.com",
  "hotmail.co": "hotmail.com",
  "outlok.com": "outlook.com",
  "icluod.com": "icloud.com",
};

/**
 * Edits between two strings, where an edit is inserting, deleting or replacing one character,
 * or swapping two neighbours ("gmial" → "gmail" is one slip of the fingers, not two).
 */
export function editDistance(a: string, b: string): number {
  // Three rows of the table (the one before the last is needed for swaps), reused: the checkout
  // measures every typed domain against each common one.
  let twoUp = new Array<number>(b.length + 1).fill(0);
  let above = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(above[j] + 1, row[j - 1] + 1, above[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, twoUp[j - 2] + 1);
      row[j] = best;
    }
    [twoUp, above, row] = [above, row, twoUp];
  }
  return above[b.length];
}

/** The address with its domain corrected, when the domain looks like a slip of a common one. */
export function suggestDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 0) return null;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (KNOWN_DOMAINS.includes(domain)) return null;
  const direct = TYPO_DOMAINS[domain];
  if (direct) return `${local}@${direct}`;
  let best: { domain: string; distance: number } | null = null;
  for (const known of KNOWN_DOMAINS) {
    const distance = editDistance(domain, known);
    if (distance <= 2 && (!best || distance < best.distance)) best = { domain: known, distance };
  }
  return best && best.distance <= (domain.length > 8 ? 2 : 1) ? `${local}@${best.domain}` : null;
}

/** Shortest local part whose one-letter slip may be claimed: shorter ones are too easy to hit. */
export const MIN_CLAIMABLE_LOCAL_PART = 6;

function splitAddress(email: string): { local: string; domain: string } | null {
  const at = email.lastIndexOf("@");
  return at > 0 ? { local: email.slice(0, at), domain: email.slice(at + 1) } : null;
}

/**
 * Whether `corrected` is a believable fix of a slip made while typing `typed` at checkout: the
 * only case in which a buyer may move an order to their own account without the organizer.
 * Either the local part is the same and the domain is what checkout would have suggested, or
 * one edit away; or the domain is the same and the local part (at least six characters) is one
 * edit away. Anything else (a different name, a different provider) is the organizer's to judge.
 */
export function isPlausibleCorrection(typed: string, corrected: string): boolean {
  const from = splitAddress(normaliseEmail(typed));
  const to = splitAddress(normaliseEmail(corrected));
  if (!from || !to) return false;
  if (from.local === to.local && from.domain !== to.domain) {
    return suggestDomain(`${from.local}@${from.domain}`) === `${to.local}@${to.domain}` || editDistance(from.domain, to.domain) === 1;
  }
  if (from.domain === to.domain && from.local !== to.local) {
    return Math.min(from.local.length, to.local.length) >= MIN_CLAIMABLE_LOCAL_PART && editDistance(from.local, to.local) === 1;
  }
  return false;
}
