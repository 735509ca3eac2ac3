// The visitors the journeys play: Debian's Chromium (Playwright's own browser download is not
// available here) in Swedish or English, on a desktop or a phone. playwright.config.ts makes a
// project of each combination; tests/e2e/fixtures.ts opens further browsers of the same kind.
import { existsSync } from "node:fs";
import type { BrowserContextOptions, Page } from "@playwright/test";

const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";

export type Locale = "sv" | "en";
export type Device = "desktop" | "phone";

/** The four projects: each language on each kind of device (see journeyVisitors for who runs what). */
export const visitors: Array<{ lang: Locale; device: Device }> = [
  { lang: "sv", device: "desktop" },
  { lang: "sv", device: "phone" },
  { lang: "en", device: "desktop" },
  { lang: "en", device: "phone" },
];

/** The project's name, and the tag of a journey that runs only in that project ("@sv-phone"). */
export const visitorName = ({ lang, device }: { lang: Locale; device: Device }): VisitorName => `${lang}-${device}`;

type VisitorName = `${Locale}-${Device}`;

/**
 * Journeys whose pages and steps are the same for every visitor apart from the words run for two
 * of them: one Swedish and one English, one on a desktop and one on a phone, so that each such
 * journey still meets both languages and both screens. Half the files take one pair, half the
 * other, so every project keeps work of its own. A file not listed runs for all four (what a buyer
 * sees first, and the accessibility checks, which differ by screen and language). A test tagged
 * with a project's name runs in that project only, wherever its file is listed.
 */
const swedishDesktopEnglishPhone: VisitorName[] = ["sv-desktop", "en-phone"];
const swedishPhoneEnglishDesktop: VisitorName[] = ["sv-phone", "en-desktop"];
export const journeyVisitors: Record<string, VisitorName[]> = {
  "no-javascript": swedishDesktopEnglishPhone,
  "organizer-ops": swedishDesktopEnglishPhone,
  "misspelled-order": swedishDesktopEnglishPhone,
  privacy: swedishDesktopEnglishPhone,
  sessions: swedishDesktopEnglishPhone,
  "password-change": swedishDesktopEnglishPhone,
  organizer: swedishPhoneEnglishDesktop,
  "my-tickets": swedishPhoneEnglishDesktop,
  accounts: swedishPhoneEnglishDesktop,
  profile: swedishPhoneEnglishDesktop,
  likes: swedishPhoneEnglishDesktop,
  "account-small-things": swedishPhoneEnglishDesktop,
  "keep-tickets": swedishDesktopEnglishPhone,
  "pass-ticket-on": swedishDesktopEnglishPhone,
  "public-cache": swedishDesktopEnglishPhone,
  "send-my-tickets": swedishDesktopEnglishPhone,
  "support-routes": swedishDesktopEnglishPhone,
  "cancel-order": swedishPhoneEnglishDesktop,
  "waiting-list": swedishPhoneEnglishDesktop,
  "cancel-event": swedishDesktopEnglishPhone,
};

const anyVisitorTag = "@(?:sv|en)-(?:desktop|phone)\\b";

/**
 * What a project leaves out (Playwright matches it against the project's name, the file, the
 * titles and the tags): tests tagged for other projects only, and untagged tests of files that
 * run for other visitors.
 */
export function journeysLeftOutFor(visitor: { lang: Locale; device: Device }): RegExp {
  const name = visitorName(visitor);
  const taggedForOthers = `^(?!.*@${name}\\b)(?=.*${anyVisitorTag})`;
  const files = Object.entries(journeyVisitors)
    .filter(([, names]) => !names.includes(name))
    .map(([file]) => file.replace(/[.-]/g, "\\$&"));
  const untaggedElsewhere = `^(?!.*${anyVisitorTag}).*(?:^|[\\s/])(?:${files.join("|")})\\.e2e\\.ts`;
  return new RegExp(`${taggedForOthers}|${untaggedElsewhere}`);
}

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3998);
// localhost, as a person types it; the journeys' cookies and links use this address.
export const baseUrl = process.env.E2E_BASE_URL ?? `http://localhost:${E2E_PORT}`;

/**
 * Debian's Chromium: its headless shell (package chromium-headless-shell, the same build without
 * the browser's window layer, which is what Playwright itself runs headless) when installed, else
 * the full browser. Measured here, the shell took the journeys from 9.0 to 6.5 minutes.
 */
export const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A visitor's browser settings: language, screen and touch. */
export function visitorOptions(lang: Locale, device: Device): BrowserContextOptions {
  return {
    baseURL: baseUrl,
    locale: lang === "sv" ? "sv-SE" : "en-GB",
    viewport: device === "phone" ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    isMobile: device === "phone",
    hasTouch: device === "phone",
  };
}

// The app counts rate limits per client address, which a reverse proxy reports in X-Real-IP.
// Here there is no proxy, so each browser plays a visitor of its own, with an address of its
// own: otherwise every journey in the run would share one "unknown" client's allowance of
// sign-in links and declined cards, and the later ones would be refused. The worker's index
// keeps the workers' addresses apart.
let contextsMade = 0;
function nextClientAddress(worker: number): string {
  contextsMade += 1;
  return `10.${worker % 250}.${Math.floor(contextsMade / 250) % 250}.${(contextsMade % 250) + 1}`;
}

/** The headers a visitor's browser sends: its languages, and its address as a proxy would report it. */
export function visitorHeaders(lang: Locale, worker: number): Record<string, string> {
  return {
    "accept-language": lang === "sv" ? "sv-SE,sv;q=0.9" : "en-GB,en;q=0.9",
    "x-real-ip": nextClientAddress(worker),
  };
}

/** Fails the test on any error the page logs (a crashed component, a failed hydration, a CSP violation). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // A script, style or image the Content-Security-Policy refused is a broken page too.
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  return errors;
}
