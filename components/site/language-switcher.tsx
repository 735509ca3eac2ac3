"use client";
// Switches the site's language with a plain form post to a server action, so it works before
// (or without) JavaScript; the action sends the visitor back to the page they were on.
import { Suspense } from "react";
import { useLocale, useTranslations } from "@/components/i18n/client-text";
import { usePathname, useSearchParams } from "next/navigation";
import { setLocaleAction } from "@/lib/i18n/actions";
import { locales } from "@/lib/i18n/locales";
import { classNames } from "@/components/ui/class-names";

function LanguageForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations("LanguageSwitcher");
  const current = useLocale();
  return (
    <form action={setLocaleAction}>
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="sr-only">{t("label")}</legend>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 fill-current text-zinc-700">
          <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm5.9 7.75h-2.78a13 13 0 0 0-1.3-5.52 7 7 0 0 1 4.08 5.52ZM10 3.2c.8 1 1.5 3.17 1.62 6.05H8.38C8.5 6.37 9.2 4.2 10 3.2ZM8.18 3.73a13 13 0 0 0-1.3 5.52H4.1a7 7 0 0 1 4.08-5.52ZM4.1 10.75h2.78a13 13 0 0 0 1.3 5.52 7 7 0 0 1-4.08-5.52ZM10 16.8c-.8-1-1.5-3.17-1.62-6.05h3.24C11.5 13.63 10.8 15.8 10 16.8Zm1.82-.53a13 13 0 0 0 1.3-5.52h2.78a7 7 0 0 1-4.08 5.52Z" />
        </svg>
        <span aria-hidden="true" className="text-sm font-semibold text-zinc-800">
          {t("label")}
        </span>
        <input type="hidden" name="returnTo" value={returnTo} />
        {locales.map((locale) => {
          const selected = locale === current;
          return (
            <button
              key={locale}
              type="submit"
              name="locale"
              value={locale}
              lang={locale}
              aria-current={selected ? "true" : undefined}
              className={classNames(
                "inline-flex min-h-11 items-center rounded-lg border px-3 text-sm font-semibold",
                "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
                selected ? "border-indigo-700 bg-indigo-50 text-indigo-900" : "border-zinc-400 bg-white text-zinc-900 hover:bg-zinc-100",
              )}
            >
              {t(locale)}
            </button>
          );
        })}
      </fieldset>
    </form>
  );
}

function LanguageFormWithQuery() {
  const pathname = usePathname() ?? "/";
  const query = useSearchParams()?.toString();
  return <LanguageForm returnTo={query ? `${pathname}?${query}` : pathname} />;
}

export function LanguageSwitcher() {
  const pathname = usePathname() ?? "/";
  // Reading the query string suspends a statically rendered page; the path alone will do then.
  return (
    <Suspense fallback={<LanguageForm returnTo={pathname} />}>
      <LanguageFormWithQuery />
    </Suspense>
  );
}
