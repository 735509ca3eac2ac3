// README's configuration table is the operator's reference: every variable lib/env.ts reads is
// named there, so a new one cannot be added without being documented.
import { readFileSync } from "node:fs";
import path from "node:path";
import { configurationVariables } from "@/lib/env";

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README has no "## ${heading}" section`);
  const end = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

describe("README's configuration", () => {
  const readme = readFileSync(path.join(process.cwd(), "README.md"), "utf8");
  const table = section(readme, "Configuration");

  it.each(configurationVariables)("names %s", (variable) => {
    expect(table).toContain(`\`${variable}\``);
  });
});
