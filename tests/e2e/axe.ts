// axe-core in a real page: injects node_modules/axe-core/axe.min.js, runs the WCAG 2.1 A and
// AA rules and fails with a list a person can act on (rule, impact, element, what to fix).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

const axeSource = readFileSync(path.join(process.cwd(), "node_modules", "axe-core", "axe.min.js"), "utf8");

const WCAG_21_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
};

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // page.evaluate runs through the DevTools protocol, so a Content-Security-Policy that
  // forbids inline scripts does not stop the injection.
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } })
      .axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      nodes: nodes.map(({ target, html, failureSummary }) => ({ target, html, failureSummary })),
    }));
  }, WCAG_21_A_AA);
}

export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map(
          (node) =>
            `    - ${node.target.join(" ")}\n      ${node.html.slice(0, 160)}\n      ${(node.failureSummary ?? "").replace(/\n\s*/g, " / ")}`,
        )
        .join("\n");
      const more = violation.nodes.length > 5 ? `\n    … and ${violation.nodes.length - 5} more` : "";
      return `  ${violation.id} (${violation.impact ?? "?"}): ${violation.help}\n    ${violation.helpUrl}\n${nodes}${more}`;
    })
    .join("\n");
}

/** Fails when axe finds any WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  // After a client-side navigation (a server action's redirect, say) Next.js streams the new
  // page's <title> a moment after the URL changes. Give it that moment; if it never comes,
  // axe runs anyway and reports the missing title.
  await page.waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 5_000 }).catch(() => undefined);
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    throw new Error(`${violations.length} accessibility violation(s) on ${label}:\n${formatViolations(violations)}`);
  }
}
