"use server";
// The heart's server action. Without JavaScript it answers with a redirect back to the page the
// heart was on; with JavaScript (the `enhanced` field) it returns the stored state instead.
// A signed-out visitor is sent to sign in, with a cookie that lets /likes/complete save the like.
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { env } from "@/lib/env";
import { handleLikeRequest } from "@/lib/likes/like-request";
import { PENDING_LIKE_COOKIE, PENDING_LIKE_COOKIE_PATH, PENDING_LIKE_MAX_AGE_S } from "@/lib/likes/pending-like";
import type { LikeResult } from "@/lib/likes/schemas";

export async function toggleLikeAction(formData: FormData): Promise<LikeResult> {
  // An action is a public endpoint: it asks who is calling, whatever page it came from.
  const session = await auth();
  const outcome = await handleLikeRequest({ userId: session?.user?.id, formData });

  if (outcome.kind === "answer") return outcome.result;
  if (outcome.kind === "not_found") notFound();
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
  redirect(outcome.location);
}
