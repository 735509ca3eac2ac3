"use server";
// The public-profile form's server action: who is asking, then lib/profile, then back.
import { redirect } from "next/navigation";
import { parsePublicProfileForm, updatePublicProfile, type PublicProfileFieldErrors, type PublicProfileInput } from "@/lib/profile/public-profile";
import { requireUser } from "../require-user";

const returnPath = "/account/public-profile";

export type PublicProfileFormState = { ok: false; fieldErrors: PublicProfileFieldErrors; values: PublicProfileInput } | null;

export async function updatePublicProfileAction(_previous: PublicProfileFormState, formData: FormData): Promise<PublicProfileFormState> {
  const user = await requireUser(returnPath);
  const values = parsePublicProfileForm(formData);
  const result = await updatePublicProfile({ userId: user.id, ...values });
  if (!result.ok && result.error === "no_such_user") redirect(`/login?callbackUrl=${returnPath}`);
  if (!result.ok) return { ok: false, fieldErrors: result.fieldErrors, values };
  redirect(`${returnPath}?notice=saved`);
}
