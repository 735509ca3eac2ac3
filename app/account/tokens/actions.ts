"use server";
// The tokens page's actions: each checks the session itself, then calls one function in
// lib/access-tokens. A new token's secret goes back in the action's answer, once, and is
// never stored or logged.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createAccessToken } from "@/lib/access-tokens/create-access-token";
import { revokeAccessToken } from "@/lib/access-tokens/revoke-access-token";
import { parseCreateAccessTokenForm, type CreateAccessTokenFieldErrors } from "@/lib/access-tokens/schemas";
import { requireUser } from "../require-user";

export type CreateTokenFormState =
  | { ok: true; name: string; token: string }
  | { ok: false; error: "invalid_form"; fieldErrors: CreateAccessTokenFieldErrors; name: string }
  | { ok: false; error: "rate_limited" | "too_many"; fieldErrors: CreateAccessTokenFieldErrors; name: string }
  | null;

export async function createAccessTokenAction(_previous: CreateTokenFormState, formData: FormData): Promise<CreateTokenFormState> {
  const user = await requireUser("/account/tokens");
  const parsed = parseCreateAccessTokenForm(formData);
  if (!parsed.ok) return { ok: false, error: "invalid_form", fieldErrors: parsed.fieldErrors, name: parsed.name };
  const result = await createAccessToken({ userId: user.id, ...parsed.data });
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: {}, name: parsed.data.name };
  revalidatePath("/account/tokens");
  return { ok: true, name: result.created.name, token: result.created.token };
}

export async function revokeAccessTokenAction(formData: FormData): Promise<void> {
  const user = await requireUser("/account/tokens");
  const tokenId = formData.get("tokenId");
  // Another user's id, an unknown one or a second click all change nothing and say nothing.
  const revoked = typeof tokenId === "string" && (await revokeAccessToken({ userId: user.id, tokenId }));
  revalidatePath("/account/tokens");
  redirect(revoked ? "/account/tokens?notice=revoked" : "/account/tokens");
}
