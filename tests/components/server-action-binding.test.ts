// A server action bound in a client component (`someAction.bind(null, id)` while rendering)
// breaks its form without JavaScript, and worse: when such a form is posted, React renders the
// page again with the action's answer and must compare the posted action with the rendered one.
// A client-side bind keeps its bound arguments in a promise that is new on every render, so
// the comparison suspends, the retry binds again and suspends again, for ever: the post is
// never answered and the server spins at full CPU even after the client is gone. A bind done
// by a server component (a page) arrives settled, so the comparison succeeds. This reads the
// source: no client component may call .bind on a server action it imports.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

const files = [...sourceFiles("app"), ...sourceFiles("components")];
const sources = new Map(files.map((file) => [file, readFileSync(path.join(root, file), "utf8")]));

/** Whether the file's first statement is the directive (comments before it are allowed). */
function hasDirective(source: string, directive: "use client" | "use server"): boolean {
  const code = source.replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, "");
  return code.startsWith(`"${directive}"`) || code.startsWith(`'${directive}'`);
}

/** The file an import specifier names, or null for a package. */
function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? specifier.slice(2)
    : specifier.startsWith(".")
      ? path.join(path.dirname(from), specifier)
      : null;
  if (base === null) return null;
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((candidate) => sources.has(candidate)) ?? null;
}

/** The local names of the values (not types) a file imports from server-action modules. */
function importedServerActions(file: string): string[] {
  const source = sources.get(file)!;
  const names: string[] = [];
  for (const match of source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+"([^"]+)"/g)) {
    const [, typeOnly, list, specifier] = match;
    const target = resolveImport(file, specifier);
    if (typeOnly || !target || !hasDirective(sources.get(target)!, "use server")) continue;
    for (const part of list.split(",").map((item) => item.trim())) {
      if (!part || part.startsWith("type ")) continue;
      names.push(part.split(/\s+as\s+/).pop()!);
    }
  }
  return names;
}

/** "file: name" for every server action a client component binds itself. */
function clientSideBinds(): string[] {
  return files
    .filter((file) => hasDirective(sources.get(file)!, "use client"))
    .flatMap((file) =>
      importedServerActions(file)
        .filter((name) => new RegExp(`\\b${name}\\s*\\.\\s*bind\\s*\\(`).test(sources.get(file)!))
        .map((name) => `${file}: ${name}`),
    );
}

describe("server actions in client components", () => {
  it("finds the forms' server actions, so the check below looks at something", () => {
    const clientFiles = files.filter((file) => hasDirective(sources.get(file)!, "use client"));
    expect(clientFiles.flatMap(importedServerActions).length).toBeGreaterThan(5);
  });

  it("are never bound in the client component, where a post without JavaScript would never be answered", () => {
    expect(clientSideBinds()).toEqual([]);
  });
});
