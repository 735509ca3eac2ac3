"use server";
// Changing the site's language: remembered in a cookie, read by lib/i18n/request.ts.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { env } from "@/lib/env";
import { localeCookie, locales } from "./locales";
import { sameSitePath } from "./return-path";

const oneYearInSeconds = 60 * 60 * 24 * 365;

const setLocaleSchema = z.object({ locale: z.enum(locales) });

/**
 * Posted by the language switcher as a plain form, so it works without JavaScript. Anyone may
 * call it: it changes only the caller's own cookie, and it redirects only to a path on this
 * site, so it cannot be used as an open redirect.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = setLocaleSchema.safeParse({ locale: formData.get("locale") });
  if (parsed.success) {
    const cookieStore = await cookies();
    cookieStore.set(localeCookie, parsed.data.locale, {
      path: "/",
      maxAge: oneYearInSeconds,
      sameSite: "lax",
      httpOnly: true,
      secure: env().SITE_URL.startsWith("https://"),
    });
  }
  redirect(sameSitePath(formData.get("returnTo")) ?? "/");
}
