"use client";
// "This page is also in English": offered by the browser, not the server, so that every public
// page stays the same for every visitor (and cacheable). Shown when the first of the browser's
// languages that the site speaks is not the page's, until the visitor follows or dismisses it
// (remembered in this browser). Its words are in the language it offers, so the Swedish
// catalogue holds the English sentence and the other way round. It floats over the page's
// bottom edge, so its appearing after the page has loaded moves nothing on the page.
// The box itself (language-hint-box.tsx) is fetched only when there is something to offer.
import { lazy, Suspense, useSyncExternalStore } from "react";
import { useLocale } from "@/components/i18n/client-text";
import { LANGUAGE_HINT_STORAGE_KEY, languageToOffer } from "@/lib/i18n/preferred-language";
import type { AppLocale } from "@/lib/i18n/locales";

const LanguageHintBox = lazy(() => import("./language-hint-box").then((module) => ({ default: module.LanguageHintBox })));

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

export function remember(): void {
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
  const language = useLanguageToOffer(useLocale());
  if (!language) return null;
  return (
    <Suspense fallback={null}>
      <LanguageHintBox language={language} />
    </Suspense>
  );
}
