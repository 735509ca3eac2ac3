"use server";
// The public-profile form: lib/profile checks and saves it, then back to the page.
import { redirectLocalized } from "@/lib/i18n/server";
import { userAction, type ActionResult, type SharedRefusal } from "@/lib/actions";
import {
  publicProfileFormSchema,
  updatePublicProfile,
  type PublicProfileFieldErrors,
  type PublicProfileInput,
} from "@/lib/profile/public-profile";

const returnPath = "/account/public-profile";

export type PublicProfileFormState = ActionResult<
  object,
  "invalid_form",
  { fieldErrors: PublicProfileFieldErrors; values: PublicProfileInput }
>;

export const updatePublicProfileAction = userAction({
  returnPath,
  schema: publicProfileFormSchema,
  run: async (values, { user }): Promise<PublicProfileFormState | SharedRefusal> => {
    const result = await updatePublicProfile({ userId: user.id, ...values });
    if (!result.ok) return result.error === "no_such_user" ? { ok: false, error: "no_such_user" } : { ...result, values };
    return redirectLocalized(`${returnPath}?notice=saved`);
  },
});
