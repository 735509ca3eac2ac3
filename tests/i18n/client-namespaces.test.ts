// Client components translate only with what a ClientMessages provider above them sent
// (lib/i18n/client-namespaces.ts). This reads the source: for every client component, the
// namespaces it asks for must be sent on every route that renders it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { clientNamespaces, type ClientArea } from "@/lib/i18n/client-namespaces";

const root = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

const files = [
  ...sourceFiles("app"),
  ...sourceFiles("components"),
  ...sourceFiles("lib").filter((file) => !file.startsWith("lib/db/generated")),
];
const sources = new Map(files.map((file) => [file, readFileSync(path.join(root, file), "utf8")]));

/** The areas whose provider covers a file under app/, by the layouts that wrap it. */
function areasOfRoute(file: string): ClientArea[] {
  const areas: ClientArea[] = ["site"];
  if (file.startsWith("app/[locale]/account/")) areas.push("account");
  if (file.startsWith("app/[locale]/organizer/")) areas.push("organizer");
  if (file.startsWith("app/[locale]/login/")) areas.push("login");
  if (file.startsWith("app/[locale]/orders/")) areas.push("orders");
  if (file.startsWith("app/[locale]/events/[slug]/checkout/")) areas.push("checkout");
  return areas;
}

/** The files that import `file` (through the @/ alias or a relative path). */
function importersOf(file: string): string[] {
  const withoutExtension = file.replace(/\.tsx?$/, "");
  return files.filter((candidate) => {
    const source = sources.get(candidate)!;
    for (const match of source.matchAll(/from "([^"]+)"/g)) {
      const specifier = match[1];
      const resolved = specifier.startsWith("@/")
        ? specifier.slice(2)
        : specifier.startsWith(".")
          ? path.join(path.dirname(candidate), specifier)
          : null;
      if (resolved === withoutExtension || resolved === `${withoutExtension}/index`) return true;
    }
    return false;
  });
}

/**
 * The namespaces sent on every route that renders `file`: for a route file its own areas; for
 * a shared component, what every route that imports it (directly or through others) gets.
 */
function namespacesAvailable(file: string, seen = new Set<string>()): Set<string> {
  if (file.startsWith("app/")) return new Set(areasOfRoute(file).flatMap((area) => clientNamespaces[area]));
  seen.add(file);
  const importers = importersOf(file).filter((importer) => !seen.has(importer));
  if (importers.length === 0) return new Set(clientNamespaces.site);
  const sets = importers.map((importer) => namespacesAvailable(importer, seen));
  return new Set([...sets[0]].filter((namespace) => sets.every((set) => set.has(namespace))));
}

/** The files a file imports (through the @/ alias or a relative path). */
function importsOf(file: string): string[] {
  return [...sources.get(file)!.matchAll(/(?:from|import) "([^"]+)"/g)]
    .map((match) => match[1])
    .map((specifier) =>
      specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.join(path.dirname(file), specifier) : null,
    )
    .flatMap((resolved) =>
      resolved
        ? files.filter(
            (candidate) => candidate.replace(/\.tsx?$/, "") === resolved || candidate.replace(/\.tsx?$/, "") === `${resolved}/index`,
          )
        : [],
    );
}

// Client components, and every module they import: all of it is bundled for the browser.
const clientFiles = files.filter((file) => /^\s*["']use client["']/.test(sources.get(file)!));
for (let index = 0; index < clientFiles.length; index++) {
  for (const imported of importsOf(clientFiles[index])) if (!clientFiles.includes(imported)) clientFiles.push(imported);
}
clientFiles.sort();

describe("messages sent to client components", () => {
  it("finds the client components that translate", () => {
    const translating = clientFiles.filter((file) => sources.get(file)!.includes("useTranslations("));
    expect(translating.length).toBeGreaterThan(20);
  });

  it.each(clientFiles)("%s asks only for namespaces sent where it is rendered", (file) => {
    const source = sources.get(file)!;
    const asked = [...source.matchAll(/useTranslations\("([^".]+)/g)].map((match) => match[1]);
    if (asked.length === 0) return;
    const available = namespacesAvailable(file);
    expect(asked.filter((namespace) => !available.has(namespace))).toEqual([]);
  });

  it("keeps next-intl out of everything bundled for the browser", () => {
    const offenders = clientFiles.filter((file) => /from "(next-intl|use-intl)"/.test(sources.get(file)!));
    expect(offenders).toEqual([]);
  });
});
