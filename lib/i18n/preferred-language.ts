// Which of our languages a browser's reader would rather have, from `navigator.languages`, for
// the small "this page is also in English" hint. Pages never redirect by the browser's language
// (they are cached and the same for everyone); the browser itself offers the other language.
import { type AppLocale } from "./locales";

/** Where the browser remembers that the hint was followed or dismissed (localStorage). */
export const LANGUAGE_HINT_STORAGE_KEY = "biljett.language-hint";

/** Readers of Norwegian and Danish read Swedish more easily than English. */
const readsSwedish = new Set(["sv", "nb", "nn", "no", "da"]);

function ourLanguage(tag: string): AppLocale | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (readsSwedish.has(primary)) return "sv";
  if (primary === "en") return "en";
  return null;
}

/**
 * The other language, when the first of the browser's languages that we speak is not the
 * page's; null when the page already is in it or the browser names neither. A browser listing
 * only other languages (German, say) is offered nothing: Swedish is the site's own language.
 */
export function languageToOffer(browserLanguages: readonly string[], pageLocale: AppLocale): AppLocale | null {
  for (const tag of browserLanguages) {
    const language = ourLanguage(tag);
    if (language) return language === pageLocale ? null : language;
  }
  return null;
}
