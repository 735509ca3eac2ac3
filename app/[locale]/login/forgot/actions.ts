"use server";
// The forgot-password form's action: a sign-in link that lands on the set-password page (which
// is what makes its email say it is for choosing a password: magicLinkPurpose).
import { headers } from "next/headers";
import { z } from "zod";
import { publicAction, type ActionResult } from "@/lib/actions";
import { SET_PASSWORD_LINK_PATH } from "@/lib/auth/magic-link";
import { requestSignInLink } from "@/lib/auth/request-link";
import { form } from "@/lib/forms";
import { localizedPath } from "@/lib/i18n/server";
import { clientAddress } from "@/lib/rate-limit";

/** The same answer for every address, known or not: only a malformed one or the limit differ. */
export type ForgotFormState = ActionResult<{ email: string }, "invalid_email" | "rate_limited", { email: string }>;

export const forgotPasswordAction = publicAction({
  schema: z.object({ email: form.text(1_000) }),
  run: async (fields, { emailQueued }): Promise<ForgotFormState> => {
    const email = fields.email.trim();
    const result = await requestSignInLink({
      email,
      callbackPath: await localizedPath(SET_PASSWORD_LINK_PATH),
      clientAddress: clientAddress(await headers()),
    });
    if (!result.ok)
      return { ok: false, error: result.reason, fieldErrors: result.reason === "invalid_email" ? { email: result.reason } : {}, email };
    emailQueued();
    return { ok: true, email };
  },
});
