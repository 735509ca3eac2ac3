"use server";
// The heart's server action. Without JavaScript it answers with a redirect back to the page the
// heart was on; with JavaScript (the `enhanced` field) it returns the stored state instead.
// A signed-out visitor is sent to sign in, with a cookie that lets /likes/complete save the like.
import { cookies } from "next/headers";
import { redirectLocalized, requestLocale } from "@/lib/i18n/server";
import { publicAction, type SharedRefusal } from "@/lib/actions";
import { env } from "@/lib/env";
import { handleLikeRequest } from "@/lib/likes/like-request";
import { PENDING_LIKE_COOKIE, PENDING_LIKE_COOKIE_PATH, PENDING_LIKE_MAX_AGE_S } from "@/lib/likes/pending-like";
import { likeFieldsSchema, type LikeAnswer } from "@/lib/likes/schemas";

export const toggleLikeAction = publicAction({
  form: true,
  schema: likeFieldsSchema,
  run: async (fields, { viewer }): Promise<LikeAnswer | SharedRefusal> => {
    const outcome = await handleLikeRequest({ userId: (await viewer())?.id, fields, locale: await requestLocale() });
    if (outcome.kind === "answer") return outcome.result.ok ? outcome.result : { ...outcome.result, fieldErrors: {} };
    if (outcome.kind === "not_found") return { ok: false, error: "not_found" };
    if (outcome.kind === "sign_in" && outcome.pendingLike) {
      (await cookies()).set(PENDING_LIKE_COOKIE, outcome.pendingLike, {
        httpOnly: true,
        sameSite: "lax",
        secure: new URL(env().SITE_URL).protocol === "https:",
        path: PENDING_LIKE_COOKIE_PATH,
        maxAge: PENDING_LIKE_MAX_AGE_S,
      });
    }
    // redirect() throws to end the request, so it stays outside any try/catch.
    return redirectLocalized(outcome.location);
  },
});
