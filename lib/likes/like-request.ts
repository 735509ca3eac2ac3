// What the heart's server action does with one post, without the request: the action only
// reads the session, then sets the cookie and redirects or answers as this says.
import { defaultLocale, type AppLocale } from "../i18n/locales";
import { localizePath } from "../i18n/paths";
import { pendingLikeCompletionPath, signPendingLike } from "./pending-like";
import { getLikeableEvent } from "./queries";
import { parseLikeForm, type LikeFields, type LikeResult } from "./schemas";
import { setLike } from "./set-like";

export type LikeRequestOutcome =
  /** Signed out: sign in first; `pendingLike` is the cookie that lets the like be saved after. */
  | { kind: "sign_in"; location: string; pendingLike: string | null }
  /** With JavaScript: the stored state, for the button to show. */
  | { kind: "answer"; result: LikeResult }
  /** Without JavaScript: back to the page the heart was on. */
  | { kind: "redirect"; location: string }
  | { kind: "not_found" };

export async function handleLikeRequest({
  userId,
  fields,
  locale = defaultLocale,
  now = new Date(),
}: {
  userId: string | null | undefined;
  fields: Partial<LikeFields>;
  /** The language of the page the heart was on: signing in comes back to it. */
  locale?: AppLocale;
  now?: Date;
}): Promise<LikeRequestOutcome> {
  const form = parseLikeForm(fields);
  if (!form) return { kind: "not_found" };

  if (!userId) {
    // Nothing is written for a signed-out visitor: the like waits in their own browser's cookie.
    if (form.intent === "unlike") return { kind: "sign_in", location: loginPath(localizePath(form.returnTo, locale)), pendingLike: null };
    const event = await getLikeableEvent({ id: form.eventId });
    if (!event) return { kind: "not_found" };
    return {
      kind: "sign_in",
      location: loginPath(localizePath(pendingLikeCompletionPath(event.slug), locale)),
      pendingLike: signPendingLike(event.id, { now }),
    };
  }

  const result = await setLike({ userId, eventId: form.eventId, liked: form.intent === "like", now });
  if (form.enhanced) return { kind: "answer", result };
  if (!result.ok && result.error === "not_found") return { kind: "not_found" };
  return { kind: "redirect", location: form.returnTo };
}

function loginPath(callbackUrl: string): string {
  return `/login?${new URLSearchParams({ callbackUrl }).toString()}`;
}
