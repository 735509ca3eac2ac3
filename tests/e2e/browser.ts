// Debian's Chromium driven by playwright-core (Playwright's own browser download is not
// available here). Finds elements as a person does: by role and label.
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const baseUrl = process.env.E2E_BASE_URL ?? "http://localhost:3998";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export type Viewport = "desktop" | "phone";

// The app counts rate limits per client address, which a reverse proxy reports in X-Real-IP.
// Here there is no proxy, so each context plays a visitor of its own, with an address of its
// own: otherwise every journey in the run would share one "unknown" client's allowance of
// sign-in links and declined cards, and the later ones would be refused.
let contextsMade = 0;
function nextClientAddress(): string {
  contextsMade += 1;
  return `10.${process.pid % 250}.${Math.floor(contextsMade / 250)}.${(contextsMade % 250) + 1}`;
}

export async function newContext(
  browser: Browser,
  { locale = "sv", viewport = "desktop", javaScript = true }: { locale?: "sv" | "en"; viewport?: Viewport; javaScript?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: locale === "sv" ? "sv-SE" : "en-GB",
    extraHTTPHeaders: {
      "accept-language": locale === "sv" ? "sv-SE,sv;q=0.9" : "en-GB,en;q=0.9",
      "x-real-ip": nextClientAddress(),
    },
    viewport: viewport === "phone" ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    isMobile: viewport === "phone",
    hasTouch: viewport === "phone",
    javaScriptEnabled: javaScript,
  });
  context.setDefaultTimeout(15_000);
  return context;
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
