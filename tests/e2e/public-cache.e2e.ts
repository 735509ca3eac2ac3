// The event list is one cached page for everybody at its bare address, while a search keeps
// its own address and is answered per request (lib/events/browse-route.ts): what a proxy may
// keep, what it may not, and that a visitor moves between the two without noticing.
import { localizePath } from "../../lib/i18n/paths";
import { baseUrl, collectPageErrors } from "./browser";
import { expect, test } from "./fixtures";

const words = {
  sv: { all: /^\d+ kommande evenemang$/, match: "1 evenemang matchar ”Beethoven”", clear: "Rensa sökningen" },
  en: { all: /^\d+ upcoming events?$/, match: "1 event matches “Beethoven”", clear: "Clear search" },
} as const;

async function served(path: string) {
  const response = await fetch(`${baseUrl}${path}`, { redirect: "manual" });
  const html = await response.text();
  return { status: response.status, headers: response.headers, html };
}

test.describe("the event list from the cache", () => {
  test(
    "the bare list is kept for everybody; a search is answered at its own address",
    { tag: ["@sv-desktop", "@en-phone"] },
    async ({ lang, page }) => {
      const list = localizePath("/events", lang);
      // The second of two requests comes from Next's cache: as kept, or kept again just now (a
      // page rendered per visitor has no such header at all). Another journey running beside this
      // one may change an event between the two, which expires the kept page, so that the second
      // is rendered anew (MISS): then the pair is tried again.
      const fromCache = async () => {
        await served(list);
        const again = await served(list);
        expect(again.status).toBe(200);
        expect(again.headers.get("x-nextjs-cache")).toMatch(/^(HIT|STALE|REVALIDATED)$/);
        return again;
      };
      let again = await fromCache().catch(() => null);
      for (let tries = 1; again === null && tries < 5; tries++) again = await fromCache().catch(() => null);
      if (again === null) again = await fromCache();
      expect(again.headers.get("cache-control")).toMatch(/s-maxage=\d+/);
      expect(again.headers.get("set-cookie")).toBeNull();

      const search = await served(`${list}?q=Beethoven`);
      expect(search.status).toBe(200);
      expect(search.html).toContain(words[lang].match);
      expect(search.headers.get("cache-control")).toMatch(/no-store/);

      // The page behind the rewrite is no address of its own.
      const internal = await served(`${localizePath("/events-filtered", lang)}?q=Beethoven`);
      expect(internal.status).toBe(308);
      expect(internal.headers.get("location")).toBe(`${list}?q=Beethoven`);

      // In the browser: search, then clear, across the two pages without a full reload.
      const errors = collectPageErrors(page);
      await page.goto("/events");
      await expect(page.getByRole("heading", { level: 2, name: words[lang].all })).toBeVisible();
      await page.getByRole("searchbox").fill("Beethoven");
      await page.getByRole("searchbox").press("Enter");
      await expect(page.getByRole("heading", { level: 2, name: words[lang].match })).toBeVisible();
      expect(new URL(page.url()).searchParams.get("q")).toBe("Beethoven");
      await page.getByRole("link", { name: words[lang].clear }).click();
      await expect(page.getByRole("heading", { level: 2, name: words[lang].all })).toBeVisible();
      expect(new URL(page.url()).pathname).toBe(list);
      expect(errors).toEqual([]);
    },
  );
});
