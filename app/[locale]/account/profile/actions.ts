"use server";
// The profile page's actions: name and language, and the picture. Each hands the parsed input
// to lib/profile and redirects outside any try/catch.
import { redirect } from "next/navigation";
import { redirectLocalized } from "@/lib/i18n/server";
import { z } from "zod";
import { userAction, type ActionResult, type SharedRefusal } from "@/lib/actions";
import { form } from "@/lib/forms";
import { localizePath } from "@/lib/i18n/paths";
import { removeAvatar, setAvatar } from "@/lib/profile/avatar";
import { profileFormSchema, updateProfile, type ProfileFieldErrors, type ProfileInput } from "@/lib/profile/update-profile";
import type { UploadProblem } from "@/lib/uploads/image-rules";
import { readPostedFile } from "@/lib/uploads/process-image";

const returnPath = "/account/profile";

export type ProfileFormState = ActionResult<object, "invalid_form", { fieldErrors: ProfileFieldErrors; values: ProfileInput }>;
export type AvatarFormState = ActionResult<object, UploadProblem>;

export const updateProfileAction = userAction({
  returnPath,
  schema: profileFormSchema,
  run: async (values, { user }): Promise<ProfileFormState | SharedRefusal> => {
    const result = await updateProfile({ userId: user.id, ...values });
    if (!result.ok) return result.error === "no_such_user" ? { ok: false, error: "no_such_user" } : { ...result, values };
    // The account's language is also the site's: the profile page comes back in it.
    redirect(localizePath(`${returnPath}?notice=saved`, result.locale));
  },
});

export const uploadAvatarAction = userAction({
  returnPath,
  schema: z.object({ avatar: form.file() }),
  run: async ({ avatar }, { user }): Promise<AvatarFormState | SharedRefusal> => {
    const file = await readPostedFile(avatar);
    if (!file.ok) return { ok: false, error: file.problem, fieldErrors: {} };
    const result = await setAvatar({ userId: user.id, bytes: file.bytes });
    if (!result.ok)
      return result.problem === "no_such_user"
        ? { ok: false, error: "no_such_user" }
        : { ok: false, error: result.problem, fieldErrors: {} };
    return redirectLocalized(`${returnPath}?notice=picture-saved`);
  },
});

export const removeAvatarAction = userAction({
  form: true,
  returnPath,
  schema: z.object({}),
  run: async (_input, { user }) => {
    await removeAvatar({ userId: user.id });
    return redirectLocalized(`${returnPath}?notice=picture-removed`);
  },
});
