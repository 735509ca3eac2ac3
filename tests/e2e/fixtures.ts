// `test` and `expect` for the journeys: Playwright's, with the project's visitor (`lang`,
// `device`), more browsers of the same visitor on demand (`newContext`, optionally without
// JavaScript or signed in as a seeded owner), the served build's database (`serverDatabase`)
// and the server shared between the workers (see server-share.ts).
import path from "node:path";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import type pg from "pg";
import { localizePath } from "../../lib/i18n/paths";
import { LANGUAGE_HINT_STORAGE_KEY } from "../../lib/i18n/preferred-language";
import { visitorHeaders, visitorOptions, type Locale, type Device } from "./browser";
import { connectServerDatabase } from "./database";
import { haveServerAlone, shareServer } from "./server-share";

export { expect };

/**
 * Journeys name pages by their plain (Swedish) paths; in an English project `page.goto("/events")`
 * opens the same page in English, at "/en/events". Absolute addresses (links from emails) are
 * followed as they are.
 */
export function speakProjectLanguage(page: Page, lang: Locale): void {
  if (lang === "sv") return;
  const goto = page.goto.bind(page);
  page.goto = (url, options) => goto(localizePath(url, lang), options);
}

/** The seeded owners that signed-in.setup.ts signs in once for every journey that needs them, with the language their journeys speak. */
export const signedInOwners = {
  "karin.sjoberg@example.se": "sv",
  "jonas.bergstrom@example.se": "en",
  "amira.haddad@example.com": "sv",
} as const satisfies Record<string, Locale>;
export type SignedInOwner = keyof typeof signedInOwners;

/** Where the setup keeps an owner's signed-in cookies (Playwright's storage state). */
export const signedInState = (owner: SignedInOwner) => path.join("test-results", ".auth", `${owner}.json`);

/**
 * The "this page is also in English" hint floats over the bottom of a page whose language the
 * browser does not prefer (components/i18n/language-hint.tsx). Journeys that are about
 * something else start with it dismissed, as a visitor's second visit would; language.e2e.ts
 * asks for it with `languageHint: true`.
 */
export async function dismissLanguageHint(context: BrowserContext): Promise<void> {
  await context.addInitScript((key) => {
    try {
      if (window.localStorage.getItem(key) === null) window.localStorage.setItem(key, "done");
    } catch {
      // An opaque origin (about:blank) has no storage.
    }
  }, LANGUAGE_HINT_STORAGE_KEY);
}

type ContextWishes = { javaScript?: boolean; signedInAs?: SignedInOwner; languageHint?: boolean };

export const test = base.extend<
  {
    /** Another browser of the project's visitor, with an address of its own; closed after the test. */
    newContext: (wishes?: ContextWishes) => Promise<BrowserContext>;
    serverShare: void;
  },
  { lang: Locale; device: Device; serverDatabase: pg.Client }
>({
  lang: ["sv", { option: true, scope: "worker" }],
  device: ["desktop", { option: true, scope: "worker" }],

  // The `page` fixture's browser gets the project's languages and an address of its own.
  extraHTTPHeaders: async ({ lang }, use, testInfo) => {
    await use(visitorHeaders(lang, testInfo.workerIndex));
  },

  context: async ({ context }, use) => {
    await dismissLanguageHint(context);
    await use(context);
  },

  page: async ({ page, lang }, use) => {
    speakProjectLanguage(page, lang);
    await use(page);
  },

  newContext: async ({ browser, lang, device }, use, testInfo) => {
    const made: BrowserContext[] = [];
    await use(async ({ javaScript = true, signedInAs, languageHint = false }: ContextWishes = {}) => {
      const context = await browser.newContext({
        ...visitorOptions(lang, device),
        extraHTTPHeaders: visitorHeaders(lang, testInfo.workerIndex),
        javaScriptEnabled: javaScript,
        storageState: signedInAs ? signedInState(signedInAs) : undefined,
      });
      if (!languageHint) await dismissLanguageHint(context);
      context.on("page", (page) => speakProjectLanguage(page, lang));
      made.push(context);
      return context;
    });
    await Promise.all(made.map((context) => context.close()));
  },

  // The database the served build uses (PostgreSQL only), for journeys that look something up.
  serverDatabase: [
    async ({}, use) => {
      const database = await connectServerDatabase("a journey that reads the server's database");
      await use(database);
      await database.end();
    },
    { scope: "worker" },
  ],

  serverShare: [
    async ({}, use, testInfo) => {
      const release = testInfo.tags.includes("@alone") ? await haveServerAlone() : await shareServer();
      try {
        await use();
      } finally {
        release();
      }
    },
    // Waiting for a test that has the server alone is not this test's time.
    { auto: true, timeout: 15 * 60_000 },
  ],
});
