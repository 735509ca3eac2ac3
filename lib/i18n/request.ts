// next-intl's per-request configuration: language, messages and the time zone dates are shown in.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { localeCookie, pickLocale } from "./locales";
import { messages } from "./messages";
import { siteTimeZone } from "./time-zone";

export default getRequestConfig(async () => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const locale = pickLocale(cookieStore.get(localeCookie)?.value, headerStore.get("accept-language"));
  return { locale, messages: messages[locale], timeZone: siteTimeZone };
});
