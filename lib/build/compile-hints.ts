// V8's explicit compile hints for the scripts every page runs as it loads. A script whose first
// line is the magic comment `//# allFunctionsCalledOnLoad` has all its functions compiled while it
// downloads, off the main thread, instead of each one on the main thread when it is first called.
// Next's boot scripts (its `rootMainFiles`: the framework and React, about 132 kB gzip) define
// hundreds of functions that hydration calls at once, so compiling them lazily lengthened the
// main-thread tasks that make up most of a page's total blocking time (README, Performance).
// Neither Turbopack nor Next can put a line at the top of a chunk (a proposal to let it: Next.js
// discussion 101287), so `npm run build` does it after `next build`, on exactly those files; the
// page's own, smaller chunks keep the lazy default. A chunk's name keeps the hash of its content
// without the line, which is the same for every build, so a name still stands for one content
// (the build uses no subresource integrity, which would need the new digest).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/**
 * The boot scripts of the build in `distDir` (`.next`): Next's `rootMainFiles`, as paths inside
 * it. Throws when the build names none, which would mean Next's build output has changed shape.
 */
export function bootScripts(distDir: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles?: unknown };
  const files = manifest.rootMainFiles;
  if (!Array.isArray(files) || files.length === 0 || !files.every((file) => typeof file === "string" && file.endsWith(".js")))
    throw new Error(`${distDir}/build-manifest.json names no boot scripts (rootMainFiles)`);
  return files as string[];
}

/**
 * Marks the boot scripts of the build in `distDir` for eager compilation; returns the files it
 * marked now (none when they already were).
 */
export function addCompileHints(distDir: string): string[] {
  const marked: string[] = [];
  for (const file of bootScripts(distDir)) {
    const script = path.join(distDir, file);
    const code = readFileSync(script, "utf8");
    if (code.startsWith(COMPILE_HINT)) continue;
    writeFileSync(script, COMPILE_HINT + code);
    marked.push(file);
  }
  return marked;
}
