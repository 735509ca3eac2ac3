// "Every form can be completed with the keyboard alone", checked the way a keyboard user finds
// out: pressing Tab from the top of the page must reach every field, choice and button of every
// form on it. (A radio group is one stop: its other options are reached with the arrow keys.)
import type { Page } from "@playwright/test";

/** Descriptions of the form controls on the page that Tab never reaches; empty when all are. */
export async function formControlsOutOfReach(page: Page, maxPresses = 250): Promise<string[]> {
  const total = await page.evaluate(() => {
    const visible = (element: Element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden";
    const controls = [
      ...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLButtonElement>(
        "form input, form select, form textarea, form button",
      ),
    ].filter((element) => !element.disabled && element.type !== "hidden" && visible(element));
    const groups = new Map<string, number>();
    let next = 0;
    for (const element of controls) {
      if (element instanceof HTMLInputElement && element.type === "radio" && element.name) {
        const key = `${element.form ? [...document.forms].indexOf(element.form) : -1}:${element.name}`;
        if (!groups.has(key)) groups.set(key, next++);
        element.dataset.keyboardStop = String(groups.get(key));
      } else {
        element.dataset.keyboardStop = String(next++);
      }
    }
    // Start from the top, as after loading the page.
    (document.activeElement as HTMLElement | null)?.blur();
    return next;
  });
  if (total === 0) return [];

  const reached = new Set<string>();
  let first: string | null = null;
  for (let presses = 0; presses < maxPresses && reached.size < total; presses++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return { id: "body", stop: null };
      // Where focus is, described well enough to notice that Tab has come round again.
      const id = `${element.tagName}#${element.id}|${element.getAttribute("name") ?? ""}|${element.getAttribute("href") ?? ""}|${element.textContent?.slice(0, 40) ?? ""}`;
      return { id, stop: element.dataset.keyboardStop ?? null };
    });
    if (focused.stop !== null) reached.add(focused.stop);
    if (first === null) first = focused.id;
    else if (focused.id === first) break;
  }

  return page.evaluate(
    (found) => {
      const missing: string[] = [];
      for (const element of document.querySelectorAll<HTMLElement>("[data-keyboard-stop]")) {
        if (found.includes(element.dataset.keyboardStop!)) continue;
        const label = element.getAttribute("aria-label") ?? element.id ?? "";
        missing.push(
          `<${element.tagName.toLowerCase()} name="${element.getAttribute("name") ?? ""}" id="${element.id}"> ${label} ${element.textContent?.trim().slice(0, 40) ?? ""}`.trim(),
        );
      }
      return [...new Set(missing)];
    },
    [...reached],
  );
}
