// Whether an account's owner has signed in to it. Guest checkout makes an account for every new
// address, and its owner may never come: until they sign in, nobody has chosen anything on it.
// Kept free of "server-only": the worker's emails ask it too. Self-claim
// (lib/organizers/corrections/order-claim.ts) asks the same of the password hash itself, under
// the account's row lock, since whether a stranger may take an order over depends on it.

/** What says it: Auth.js sets emailVerified at the first sign-in by an emailed link, and a password is set (with passwordSetAt) only after such a sign-in. */
export type AccountSignIns = { emailVerified: Date | null; passwordSetAt: Date | null };

/** Whether its owner has signed in to the account at least once, by link or password. */
export function ownerHasSignedIn(account: AccountSignIns): boolean {
  return account.emailVerified !== null || account.passwordSetAt !== null;
}
