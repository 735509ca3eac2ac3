"use server";
// Changing the site's language: the same page at its address in the other language
// (lib/i18n/routing.ts). A signed-in user's account takes the language too, so the emails we
// send them follow it.
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "../actions";
import { form } from "../forms";
import { safeReturnPath } from "../navigation/return-path";
import { saveAccountLocale } from "../profile/update-profile";
import { locales } from "./locales";
import { localizePath } from "./paths";

/**
 * Posted by the language switcher as a plain form, so it works without JavaScript. Anyone may
 * call it: it changes nothing but the language of the caller's own account, when signed in;
 * it redirects only to a path on this site, so it cannot be used as an open redirect.
 */
export const setLocaleAction = publicAction({
  form: true,
  schema: z.object({ locale: form.text(16), returnTo: form.text(2_048) }),
  run: async ({ locale, returnTo }, { viewer }) => {
    const chosen = z.enum(locales).safeParse(locale);
    const back = safeReturnPath(returnTo, "/");
    if (!chosen.success) redirect(back);
    const user = await viewer();
    if (user) await saveAccountLocale(user.id, chosen.data);
    redirect(localizePath(back, chosen.data));
  },
});
