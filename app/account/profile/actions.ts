"use server";
// The profile page's server actions: name and language, and the picture. Each checks the
// session itself, hands the parsed input to lib/profile, and redirects outside any try/catch.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { rememberLocale } from "@/lib/i18n/remember-locale";
import { removeAvatar, setAvatar } from "@/lib/profile/avatar";
import { parseProfileForm, updateProfile, type ProfileFieldErrors, type ProfileInput } from "@/lib/profile/update-profile";
import type { UploadProblem } from "@/lib/uploads/image-rules";
import { readPostedFile } from "@/lib/uploads/process-image";
import { requireUser } from "../require-user";

const returnPath = "/account/profile";

export type ProfileFormState = { ok: false; fieldErrors: ProfileFieldErrors; values: ProfileInput } | null;
export type AvatarFormState = { ok: false; problem: UploadProblem } | null;

export async function updateProfileAction(_previous: ProfileFormState, formData: FormData): Promise<ProfileFormState> {
  const user = await requireUser(returnPath);
  const values = parseProfileForm(formData);
  const result = await updateProfile({ userId: user.id, ...values });
  if (!result.ok && result.error === "no_such_user") redirect(`/login?callbackUrl=${returnPath}`);
  if (!result.ok) return { ok: false, fieldErrors: result.fieldErrors, values };
  // The account's language is also the site's: the same cookie as the footer's switcher.
  await rememberLocale(result.locale);
  // The header (picture, name) lives in the root layout: render it again everywhere.
  revalidatePath("/", "layout");
  redirect(`${returnPath}?notice=saved`);
}

export async function uploadAvatarAction(_previous: AvatarFormState, formData: FormData): Promise<AvatarFormState> {
  const user = await requireUser(returnPath);
  const file = await readPostedFile(formData.get("avatar"));
  if (!file.ok) return { ok: false, problem: file.problem };
  const result = await setAvatar({ userId: user.id, bytes: file.bytes });
  if (!result.ok) {
    if (result.problem === "no_such_user") redirect(`/login?callbackUrl=${returnPath}`);
    return { ok: false, problem: result.problem };
  }
  revalidatePath("/", "layout");
  redirect(`${returnPath}?notice=picture-saved`);
}

export async function removeAvatarAction(): Promise<void> {
  const user = await requireUser(returnPath);
  await removeAvatar({ userId: user.id });
  revalidatePath("/", "layout");
  redirect(`${returnPath}?notice=picture-removed`);
}
