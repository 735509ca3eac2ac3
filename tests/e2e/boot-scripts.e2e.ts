// The scripts every page boots with reach the browser marked for eager compilation by
// `npm run build` (lib/build/compile-hints.ts), and the page still starts from them. One visitor
// is enough: the scripts are the same for every language and screen.
import { bootScripts, COMPILE_HINT } from "../../lib/build/compile-hints";
import { collectPageErrors } from "./browser";
import { expect, test } from "./fixtures";

test("the event page boots from scripts marked for eager compilation", { tag: "@sv-desktop" }, async ({ page }) => {
  const boot = bootScripts(".next");
  expect(boot.length).toBeGreaterThan(0);
  const served = new Map<string, string>();
  page.on("response", async (response) => {
    const file = boot.find((name) => new URL(response.url()).pathname === `/_next/${name}`);
    if (file) served.set(file, await response.text());
  });
  const errors = collectPageErrors(page);

  await page.goto("/events/beethovens-nionde-symfoni");
  await expect(page.getByRole("heading", { level: 1, name: "Beethovens nionde symfoni" })).toBeVisible();
  // Next's client sets window.next once its boot scripts have run.
  await expect.poll(() => page.evaluate(() => typeof (window as { next?: { version?: string } }).next?.version)).toBe("string");

  await expect.poll(() => [...served.keys()].sort()).toEqual([...boot].sort());
  for (const [file, code] of served) expect(code.startsWith(COMPILE_HINT), file).toBe(true);
  expect(errors).toEqual([]);
});
