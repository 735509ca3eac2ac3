// The /account/profile form's core: the account's name and language.
import { z } from "zod";
import { formFields, form } from "../forms";
import { isSingleLineText } from "../free-text";
import { db } from "../db/client";
import { locales, type AppLocale } from "../i18n/locales";

export const NAME_MAX_LENGTH = 100;

export type ProfileFieldErrors = { name?: "too_long" | "not_plain"; locale?: "invalid" };
export type ProfileInput = { name: string; locale: string };

export type UpdateProfileResult =
  | { ok: true; locale: AppLocale }
  | { ok: false; error: "invalid_form"; fieldErrors: ProfileFieldErrors }
  | { ok: false; error: "no_such_user"; fieldErrors: ProfileFieldErrors };

/** The form as posted; checkProfileForm and updateProfile decide what is acceptable. */
export const profileFormSchema = z.object({ name: form.text(1_000), locale: form.text(16) });

export function parseProfileForm(formData: FormData): ProfileInput {
  return profileFormSchema.parse(formFields(formData));
}

export function checkProfileForm({ name, locale }: ProfileInput): {
  fieldErrors: ProfileFieldErrors;
  name: string | null;
  locale: AppLocale | null;
} {
  const fieldErrors: ProfileFieldErrors = {};
  const trimmed = name.normalize("NFC").trim().replace(/\s+/gu, " ");
  // Line breaks and other control characters would end up in email headers and greetings.
  if (!isSingleLineText(name)) fieldErrors.name = "not_plain";
  else if (Array.from(trimmed).length > NAME_MAX_LENGTH) fieldErrors.name = "too_long";
  const parsedLocale = z.enum(locales).safeParse(locale);
  if (!parsedLocale.success) fieldErrors.locale = "invalid";
  return { fieldErrors, name: trimmed === "" ? null : trimmed, locale: parsedLocale.success ? parsedLocale.data : null };
}

export async function updateProfile({ userId, ...input }: ProfileInput & { userId: string }): Promise<UpdateProfileResult> {
  const checked = checkProfileForm(input);
  if (checked.fieldErrors.name || checked.fieldErrors.locale || !checked.locale) {
    return { ok: false, error: "invalid_form", fieldErrors: checked.fieldErrors };
  }
  const { count } = await db.user.updateMany({ where: { id: userId }, data: { name: checked.name, locale: checked.locale } });
  if (count === 0) return { ok: false, error: "no_such_user", fieldErrors: {} };
  return { ok: true, locale: checked.locale };
}

/** The account's language, as chosen with the site's language switcher; emails follow it. */
export async function saveAccountLocale(userId: string, locale: AppLocale): Promise<void> {
  await db.user.updateMany({ where: { id: userId, NOT: { locale } }, data: { locale } });
}
