"use server";
// Changing the site's language: remembered in a cookie, read by lib/i18n/request.ts. A
// signed-in user's account takes the same language, so the emails we send them follow it.
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeReturnPath } from "../navigation/return-path";
import { saveAccountLocale } from "../profile/update-profile";
import { locales } from "./locales";
import { rememberLocale } from "./remember-locale";

const setLocaleSchema = z.object({ locale: z.enum(locales) });

/**
 * Posted by the language switcher as a plain form, so it works without JavaScript. Anyone may
 * call it: it changes only the caller's own cookie and, when signed in, the caller's own
 * account; it redirects only to a path on this site, so it cannot be used as an open redirect.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = setLocaleSchema.safeParse({ locale: formData.get("locale") });
  if (parsed.success) {
    await rememberLocale(parsed.data.locale);
    // Loaded here, not at the top: the switcher's component tests import this module, and
    // Auth.js ships only ES modules, which they cannot load.
    const { auth } = await import("../auth");
    const userId = (await auth())?.user?.id;
    if (userId) await saveAccountLocale(userId, parsed.data.locale);
  }
  redirect(safeReturnPath(formData.get("returnTo"), "/"));
}
