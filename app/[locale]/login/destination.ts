// Where signing in leads, and what for: read from the way back (callbackUrl), so the sign-in
// page and the page an emailed link opens can say what happens next.
import { magicLinkPurpose } from "@/lib/auth/magic-link";
import { parseLocalePath } from "@/lib/i18n/paths";
import { pendingLikeCompletionPath } from "@/lib/likes/pending-like";

/** Where signing in lands when no page asked for it: what a buyer comes for is their tickets. */
export const AFTER_SIGN_IN_PATH = "/account/tickets";

export type SignInPurpose = "signIn" | "password" | "like" | "tickets";

const LIKE_COMPLETION_PATH = pendingLikeCompletionPath("").replace(/\?.*$/, "");

/**
 * What following the way back does. Whether the account already has a password is not looked
 * up: these pages answer anyone holding an address, so "choose a password" covers both a first
 * and a new one, and tells nothing about the account.
 */
export function signInPurpose(callbackPath: string | null): SignInPurpose {
  if (callbackPath === null) return "tickets";
  if (magicLinkPurpose(callbackPath, false) !== "sign-in") return "password";
  const path = parseLocalePath(callbackPath)
    .path.replace(/[?#].*$/, "")
    .replace(/\/+$/, "");
  if (path === LIKE_COMPLETION_PATH) return "like";
  if (path === AFTER_SIGN_IN_PATH) return "tickets";
  return "signIn";
}
