"use server";
// Changing the site's language: remembered in a cookie, read by lib/i18n/request.ts. A
// signed-in user's account takes the same language, so the emails we send them follow it.
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "../actions";
import { form } from "../forms";
import { safeReturnPath } from "../navigation/return-path";
import { saveAccountLocale } from "../profile/update-profile";
import { locales } from "./locales";
import { rememberLocale } from "./remember-locale";

/**
 * Posted by the language switcher as a plain form, so it works without JavaScript. Anyone may
 * call it: it changes only the caller's own cookie and, when signed in, the caller's own
 * account; it redirects only to a path on this site, so it cannot be used as an open redirect.
 */
export const setLocaleAction = publicAction({
  form: true,
  schema: z.object({ locale: form.text(16), returnTo: form.text(2_048) }),
  run: async ({ locale, returnTo }, { viewer }) => {
    const chosen = z.enum(locales).safeParse(locale);
    if (chosen.success) {
      await rememberLocale(chosen.data);
      const user = await viewer();
      if (user) await saveAccountLocale(user.id, chosen.data);
    }
    redirect(safeReturnPath(returnTo, "/"));
  },
});
