"use server";
// The tokens page's actions, each one function of lib/access-tokens. A new token's secret goes
// back in the action's answer, once, and is never stored or logged.
import { revalidatePath } from "next/cache";
import { redirectLocalized } from "@/lib/i18n/server";
import { z } from "zod";
import { createAccessToken } from "@/lib/access-tokens/create-access-token";
import { revokeAccessToken } from "@/lib/access-tokens/revoke-access-token";
import { checkCreateAccessTokenForm, type CreateAccessTokenFieldErrors } from "@/lib/access-tokens/schemas";
import { userAction, type ActionResult } from "@/lib/actions";
import { form } from "@/lib/forms";

export type CreateTokenFormState = ActionResult<
  { name: string; token: string },
  "invalid_form" | "rate_limited" | "too_many",
  { fieldErrors: CreateAccessTokenFieldErrors; name: string }
>;

export const createAccessTokenAction = userAction({
  returnPath: "/account/tokens",
  schema: z.object({ name: form.text(1_000), lifetime: form.text(16) }),
  run: async (fields, { user }): Promise<CreateTokenFormState> => {
    const checked = checkCreateAccessTokenForm(fields);
    if (!checked.ok) return { ok: false, error: "invalid_form", fieldErrors: checked.fieldErrors, name: checked.name };
    const result = await createAccessToken({ userId: user.id, ...checked.data });
    if (!result.ok) return { ok: false, error: result.error, fieldErrors: {}, name: checked.data.name };
    revalidatePath("/account/tokens");
    return { ok: true, name: result.created.name, token: result.created.token };
  },
});

export const revokeAccessTokenAction = userAction({
  form: true,
  returnPath: "/account/tokens",
  schema: z.object({ tokenId: form.text(100) }),
  run: async ({ tokenId }, { user }) => {
    // Another user's id, an unknown one or a second click all change nothing and say nothing.
    const revoked = await revokeAccessToken({ userId: user.id, tokenId });
    revalidatePath("/account/tokens");
    return redirectLocalized(revoked ? "/account/tokens?notice=revoked" : "/account/tokens");
  },
});
