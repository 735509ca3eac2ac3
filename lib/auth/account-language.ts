// The account's language at its owner's first sign-in. Guest checkout makes an account in the
// language of the purchase that made it, and nobody has chosen it: until its owner signs in,
// news about each order comes in that order's language (orderHolderLocale in
// lib/ownership/ticket-holder.ts). Their first sign-in by an emailed link (when Auth.js sets
// emailVerified) gives the account the language of the page the link leads back to, the one
// they were using when they asked for it; from then on the language switcher and the profile
// change it, and every email to the account follows it.
import type { Adapter, AdapterUser } from "@auth/core/adapters";
import { ownerHasSignedIn, type AccountSignIns } from "../accounts/account-use";
import { SIGN_IN_LINK_CALLBACK_PATH } from "../accounts/sign-in-links";
import { db } from "../db/client";
import type { Locale } from "../db/types";
import { parseLocalePath } from "../i18n/paths";
import { safeReturnPath } from "../navigation/return-path";

/**
 * The language of the page an emailed link leads back to, for the request that uses the link
 * (its callbackUrl travels in the query, as /login/confirm posts it); null for any other request.
 */
export function signInLinkLanguage(request: Request | undefined): Locale | null {
  if (!request) return null;
  const url = new URL(request.url);
  if (url.pathname !== SIGN_IN_LINK_CALLBACK_PATH) return null;
  const callbackPath = safeReturnPath(url.searchParams.get("callbackUrl"), null);
  return callbackPath === null ? null : parseLocalePath(callbackPath).locale;
}

/**
 * Auth.js's adapter giving an account `language` (signInLinkLanguage of the request) when its
 * owner signs in for the first time by an emailed link; the adapter as it is without one.
 */
export function withFirstSignInLanguage(base: Adapter, language: Locale | null): Adapter {
  const { createUser, updateUser } = base;
  if (!createUser || !updateUser) throw new Error("withFirstSignInLanguage: the adapter keeps no users");
  if (language === null) return base;
  return {
    ...base,
    // An address signing in for the first time, with no purchase behind it.
    async createUser(data) {
      return createUser({ ...data, locale: language } as AdapterUser);
    },
    // Auth.js marks every sign-in by link this way; the account's language changes only at the
    // first one, when nobody has signed in to it (no emailVerified, no password). One
    // transaction with the account's row locked: a sign-in by password, or one by another link,
    // made meanwhile is seen.
    async updateUser({ id, ...data }) {
      if (!data.emailVerified) return updateUser({ id, ...data });
      return db.$transaction(async (tx) => {
        const [account] = await tx.$queryRaw<AccountSignIns[]>`
          SELECT "emailVerified", "passwordSetAt" FROM "User" WHERE "id" = ${id}::uuid FOR UPDATE`;
        const first = account !== undefined && !ownerHasSignedIn(account);
        return (await tx.user.update({ where: { id }, data: { ...data, ...(first ? { locale: language } : {}) } })) as AdapterUser;
      });
    },
  };
}
