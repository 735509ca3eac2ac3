// The one place the language cookie is written: by the footer's switcher and by the profile form.
import "server-only";
import { cookies } from "next/headers";
import { env } from "../env";
import { localeCookie, type AppLocale } from "./locales";

const oneYearInSeconds = 60 * 60 * 24 * 365;

export async function rememberLocale(locale: AppLocale): Promise<void> {
  (await cookies()).set(localeCookie, locale, {
    path: "/",
    maxAge: oneYearInSeconds,
    sameSite: "lax",
    httpOnly: true,
    secure: env().SITE_URL.startsWith("https://"),
  });
}
