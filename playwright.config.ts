// The browser journeys (tests/e2e/*.e2e.ts), run by `npm run test:e2e`: Playwright Test driving
// Debian's Chromium against the production build, which tests/e2e/global-setup.ts builds,
// serves and gives a fresh database. A project for each visitor: Swedish and English, on a
// desktop and on a 390 px phone. Some journeys run for two of them (journeyVisitors in
// tests/e2e/browser.ts); a journey tagged with a project's name ("@sv-phone") runs in that project only; one tagged "@alone" has the server to itself (tests/e2e/server-share.ts).
import { defineConfig } from "@playwright/test";
import {
  baseUrl,
  chromiumArgs,
  executablePath,
  journeysLeftOutFor,
  visitorName,
  visitorOptions,
  visitors,
  type Locale,
  type Device,
} from "./tests/e2e/browser";

const ci = Boolean(process.env.CI);

export default defineConfig<{ lang: Locale; device: Device }>({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  // Three journeys at a time share the server and its database: each makes its own buyers,
  // accounts and events, and the seeded owners' sessions are shared (signed-in.setup.ts). On two
  // cores a third worker fills the time the others wait for the server: 5.9 against 6.5 minutes.
  workers: 3,
  fullyParallel: true,
  // Three journeys at a time on two cores take longer each than one did alone.
  timeout: 180_000,
  retries: ci ? 1 : 0,
  forbidOnly: ci,
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: baseUrl,
    launchOptions: { executablePath, args: chromiumArgs },
    actionTimeout: 15_000,
    navigationTimeout: 15_000,
    // A failed journey's second try records a trace (every step, the pages and the network)
    // for the HTML report. Recording every first try would slow the run down by a good deal.
    trace: "on-first-retry",
  },
  projects: [
    { name: "signed-in owners", testMatch: "signed-in.setup.ts" },
    ...visitors.map((visitor) => ({
      name: visitorName(visitor),
      testMatch: "*.e2e.ts",
      dependencies: ["signed-in owners"],
      grepInvert: journeysLeftOutFor(visitor),
      use: { lang: visitor.lang, device: visitor.device, ...visitorOptions(visitor.lang, visitor.device) },
    })),
  ],
});
