// A rough estimate of how hard a password is to guess, 0 (very weak) to 4 (strong), for the
// meter beside the password field. Pure and small, so it runs in the browser too; the server's
// policy (passwords.ts) is what actually refuses a password.

export type PasswordStrength = 0 | 1 | 2 | 3 | 4;

// Fragments guessers try first; a password made mostly of them is weak however long it is.
const WEAK_FRAGMENTS = [
  "password",
  "passw0rd",
  "lösenord",
  "losenord",
  "qwerty",
  "asdf",
  "zxcv",
  "azerty",
  "abc",
  "admin",
  "welcome",
  "välkommen",
  "valkommen",
  "letmein",
  "iloveyou",
  "jagälskardig",
  "sommar",
  "vinter",
  "summer",
  "winter",
  "hejsan",
  "hemlig",
  "secret",
  "monkey",
  "dragon",
  "football",
  "fotboll",
  "hockey",
  "sverige",
  "sweden",
  "stockholm",
  "biljett",
  "ticket",
];
const KEYBOARD_ROWS = ["1234567890", "qwertyuiopå", "asdfghjklöä", "zxcvbnm", "abcdefghijklmnopqrstuvwxyzåäö"];

function poolSize(password: string): number {
  let pool = 0;
  if (/[a-zåäö]/.test(password)) pool += 29;
  if (/[A-ZÅÄÖ]/.test(password)) pool += 29;
  if (/[0-9]/.test(password)) pool += 10;
  if (/[^a-zA-ZåäöÅÄÖ0-9]/.test(password)) pool += 33;
  return Math.max(pool, 10);
}

/** How many characters are predictable: repeats, runs along the keyboard or alphabet, weak words. */
function predictableCharacters(password: string): number {
  const lower = password.toLowerCase();
  const predictable = new Array<boolean>(lower.length).fill(false);
  const mark = (from: number, length: number) => predictable.fill(true, from, from + length);

  for (const fragment of WEAK_FRAGMENTS) {
    for (let at = lower.indexOf(fragment); at >= 0; at = lower.indexOf(fragment, at + 1)) mark(at, fragment.length);
  }
  for (let i = 0; i + 2 < lower.length; i++) {
    const triple = lower.slice(i, i + 3);
    const repeated = triple[0] === triple[1] && triple[1] === triple[2];
    const run = KEYBOARD_ROWS.some((row) => row.includes(triple) || [...row].reverse().join("").includes(triple));
    if (repeated || run) mark(i, 3);
  }
  // A year or a date at the end ("…1987", "…2024!") adds almost nothing.
  const tail = /(19|20)\d\d[!?.]*$/.exec(lower);
  if (tail) mark(tail.index, tail[0].length);
  return predictable.filter(Boolean).length;
}

export function estimatePasswordStrength(password: string): PasswordStrength {
  const characters = Array.from(password.normalize("NFKC"));
  if (characters.length === 0) return 0;
  const distinct = new Set(characters).size;
  const predictable = Math.min(predictableCharacters(characters.join("")), characters.length);
  // Predictable characters count as a tenth of a random one; few distinct characters cap it.
  const effectiveLength = Math.min(characters.length - predictable + predictable / 10, distinct * 2);
  const bits = effectiveLength * Math.log2(poolSize(password));
  if (characters.length < 8 || bits < 28) return 0;
  // One short word of lower-case letters is in every guesser's dictionary, in some language.
  if (bits < 40 || (characters.length < 12 && /^[\p{Ll}]+$/u.test(password))) return 1;
  if (bits < 60) return 2;
  if (bits < 80) return 3;
  return 4;
}
