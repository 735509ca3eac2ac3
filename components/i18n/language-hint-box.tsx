"use client";
// The "This page is also in English" box of language-hint.tsx, loaded only when it is shown.
import type { MouseEvent } from "react";
import { usePathname } from "next/navigation";
import { useTranslations } from "@/components/i18n/client-text";
import { localizePath } from "@/lib/i18n/paths";
import type { AppLocale } from "@/lib/i18n/locales";
import { remember } from "./language-hint";

export function LanguageHintBox({ language }: { language: AppLocale }) {
  const t = useTranslations("LanguageHint");
  const pathname = usePathname() ?? "/";

  // The same page in the other language, with its query (a search) as it is when followed.
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    remember();
    window.location.assign(localizePath(window.location.pathname + window.location.search, language));
  };
  const href = localizePath(pathname, language);
  return (
    <aside
      lang={language}
      aria-label={t("label")}
      className="fixed inset-x-3 bottom-3 z-40 mx-auto flex max-w-md flex-wrap items-center gap-x-3 gap-y-2 rounded-xl border border-zinc-300 bg-white px-4 py-3 text-sm text-zinc-900 shadow-lg"
    >
      <p className="flex-1">{t("text")}</p>
      <a
        href={href}
        onClick={follow}
        className="inline-flex min-h-11 items-center rounded-lg bg-indigo-700 px-3 font-semibold text-white hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        {t("open")}
      </a>
      <button
        type="button"
        onClick={remember}
        className="inline-flex min-h-11 items-center rounded-lg border border-zinc-400 px-3 font-semibold hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        {t("dismiss")}
      </button>
    </aside>
  );
}
