// Signs in the seeded owners that several journeys act as, once per run, and keeps their
// cookies for them (fixtures.ts: newContext({ signedInAs })): each asks for a link from the
// login page with the organizer as the place to return to, follows it from the demo mailbox
// and lands on their organizer. The seeded owners have no password.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { visitorHeaders, visitorOptions } from "./browser";
import { signedInOwners, signedInState, speakProjectLanguage, test, type SignedInOwner } from "./fixtures";
import { signInWithEmailLink } from "./journey";

for (const [owner, lang] of Object.entries(signedInOwners) as Array<[SignedInOwner, "sv" | "en"]>) {
  test(`signs in ${owner}`, async ({ browser }, testInfo) => {
    const context = await browser.newContext({
      ...visitorOptions(lang, "desktop"),
      extraHTTPHeaders: visitorHeaders(lang, testInfo.workerIndex),
    });
    const page = await context.newPage();
    speakProjectLanguage(page, lang);
    await signInWithEmailLink(page, lang, owner, { from: "/login?callbackUrl=/organizer" });
    await page.waitForURL(/\/organizer\/[0-9a-f-]{36}$/);
    mkdirSync(path.dirname(signedInState(owner)), { recursive: true });
    await context.storageState({ path: signedInState(owner) });
    await context.close();
  });
}
