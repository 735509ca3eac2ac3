"use client";
// "This page is also in English": offered by the browser, not the server, so that every public
// page stays the same for every visitor (and cacheable). Shown when the first of the browser's
// languages that the site speaks is not the page's, until the visitor follows or dismisses it
// (remembered in this browser). Its words are in the language it offers, so the Swedish
// catalogue holds the English sentence and the other way round. It floats over the page's
// bottom edge, so its appearing after the page has loaded moves nothing on the page.
import { useSyncExternalStore, type MouseEvent } from "react";
import { usePathname } from "next/navigation";
import { useLocale, useTranslations } from "@/components/i18n/client-text";
import { localizePath } from "@/lib/i18n/paths";
import { LANGUAGE_HINT_STORAGE_KEY, languageToOffer } from "@/lib/i18n/preferred-language";
import type { AppLocale } from "@/lib/i18n/locales";

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function remembered(): boolean {
  try {
    return window.localStorage.getItem(LANGUAGE_HINT_STORAGE_KEY) !== null;
  } catch {
    // Storage refused (a private window's settings): offer it on each page rather than never.
    return false;
  }
}

function remember(): void {
  try {
    window.localStorage.setItem(LANGUAGE_HINT_STORAGE_KEY, "done");
  } catch {
    // Nothing to keep it in: the hint goes away for this page only.
  }
  for (const listener of listeners) listener();
}

/** The language to offer in this browser, or null; always null on the server and while hydrating. */
function useLanguageToOffer(pageLocale: AppLocale): AppLocale | null {
  return useSyncExternalStore(
    subscribe,
    () => (remembered() ? null : languageToOffer(navigator.languages ?? [navigator.language], pageLocale)),
    () => null,
  );
}

export function LanguageHint() {
  const locale = useLocale();
  const t = useTranslations("LanguageHint");
  const pathname = usePathname() ?? "/";
  const language = useLanguageToOffer(locale);
  if (!language) return null;

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
