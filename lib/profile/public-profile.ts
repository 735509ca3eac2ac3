// The public profile at /u/<handle>: its settings and what a visitor may see of it.
import { z } from "zod";
import { formFields, form } from "../forms";
import { isMultiLineText, normaliseLineBreaks } from "../free-text";
import { db } from "../db/client";
import { hit, type RateLimit } from "../rate-limit";
import { parseHandle, type HandleProblem } from "./handle";

export const BIO_MAX_LENGTH = 280;
/** New handles one account may try: "taken" tells whether a handle exists, private or not. */
export const HANDLE_TRIES: RateLimit = { limit: 20, windowMs: 60 * 60_000 };

export type PublicProfileInput = { handle: string; bio: string; profilePublic: boolean };
export type PublicProfileFieldErrors = {
  handle?: HandleProblem | "required_for_public" | "too_many_tries";
  bio?: "too_long" | "control_characters";
};
export type UpdatePublicProfileResult =
  | { ok: true; handle: string | null }
  | { ok: false; error: "invalid_form"; fieldErrors: PublicProfileFieldErrors }
  | { ok: false; error: "no_such_user"; fieldErrors: PublicProfileFieldErrors };

/** The form as posted: the checkbox is on when present; updatePublicProfile checks the rest. */
export const publicProfileFormSchema = z.object({ handle: form.text(1_000), bio: form.text(10_000), profilePublic: form.checkbox() });

export function parsePublicProfileForm(formData: FormData): PublicProfileInput {
  return publicProfileFormSchema.parse(formFields(formData));
}

/** A bio as stored: LF line breaks, at most one blank line in a row. */
export function cleanBio(raw: string): string {
  return normaliseLineBreaks(raw.normalize("NFC"))
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export async function updatePublicProfile({
  userId,
  handle: rawHandle,
  bio: rawBio,
  profilePublic,
}: PublicProfileInput & { userId: string }): Promise<UpdatePublicProfileResult> {
  const fieldErrors: PublicProfileFieldErrors = {};
  let handle: string | null = null;
  if (rawHandle.trim() !== "") {
    const parsed = parseHandle(rawHandle);
    if (parsed.ok) handle = parsed.handle;
    else fieldErrors.handle = parsed.problem;
  } else if (profilePublic) {
    fieldErrors.handle = "required_for_public";
  }
  const bio = cleanBio(rawBio);
  if (!isMultiLineText(bio)) fieldErrors.bio = "control_characters";
  else if (Array.from(bio).length > BIO_MAX_LENGTH) fieldErrors.bio = "too_long";
  if (fieldErrors.handle || fieldErrors.bio) return { ok: false, error: "invalid_form", fieldErrors };

  // Only a change of handle counts: saving the bio under the same handle is free.
  const current = await db.user.findUnique({ where: { id: userId }, select: { handle: true } });
  if (!current) return { ok: false, error: "no_such_user", fieldErrors: {} };
  if (handle !== null && handle !== current.handle && !(await hit(`handle-try:user:${userId}`, HANDLE_TRIES)).allowed) {
    return { ok: false, error: "invalid_form", fieldErrors: { handle: "too_many_tries" } };
  }

  try {
    const { count } = await db.user.updateMany({
      where: { id: userId },
      data: { handle, bio: bio === "" ? null : bio, profilePublic: profilePublic && handle !== null },
    });
    if (count === 0) return { ok: false, error: "no_such_user", fieldErrors: {} };
  } catch (error) {
    // The unique index decides between two people claiming one handle at the same moment;
    // handle is the only unique column this update writes.
    if ((error as { code?: string }).code === "P2002") return { ok: false, error: "invalid_form", fieldErrors: { handle: "taken" } };
    throw error;
  }
  return { ok: true, handle };
}
