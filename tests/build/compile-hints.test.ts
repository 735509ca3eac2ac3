import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { addCompileHints, COMPILE_HINT } from "@/lib/build/compile-hints";

let dist: string;

function build(manifest: unknown, files: Record<string, string>) {
  writeFileSync(path.join(dist, "build-manifest.json"), JSON.stringify(manifest));
  for (const [file, code] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    writeFileSync(path.join(dist, file), code);
  }
}

const read = (file: string) => readFileSync(path.join(dist, file), "utf8");

beforeEach(() => {
  dist = mkdtempSync(path.join(tmpdir(), "biljett-hints-"));
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe("addCompileHints", () => {
  const boot = ["static/chunks/turbopack-a1.js", "static/chunks/0react.js"];
  const files = {
    "static/chunks/turbopack-a1.js": "(globalThis.TURBOPACK||[]).push([1]);",
    "static/chunks/0react.js": "var react=1;",
    "static/chunks/page-checkout.js": "var checkout=1;",
    "static/chunks/site.css": "body{margin:0}",
  };

  it("puts the hint on the first line of each boot script and nowhere else", () => {
    build({ rootMainFiles: boot, polyfillFiles: ["static/chunks/page-checkout.js"] }, files);

    expect(addCompileHints(dist)).toEqual(boot);

    expect(read("static/chunks/turbopack-a1.js")).toBe(`${COMPILE_HINT}(globalThis.TURBOPACK||[]).push([1]);`);
    expect(read("static/chunks/0react.js")).toBe(`${COMPILE_HINT}var react=1;`);
    expect(read("static/chunks/page-checkout.js")).toBe("var checkout=1;");
    expect(read("static/chunks/site.css")).toBe("body{margin:0}");
    expect(COMPILE_HINT).toBe("//# allFunctionsCalledOnLoad\n");
  });

  it("marks a build once, however often it runs", () => {
    build({ rootMainFiles: boot }, files);
    addCompileHints(dist);

    expect(addCompileHints(dist)).toEqual([]);
    expect(read("static/chunks/0react.js")).toBe(`${COMPILE_HINT}var react=1;`);
  });

  it.each([
    ["no rootMainFiles", {}],
    ["an empty list", { rootMainFiles: [] }],
    ["something else than scripts", { rootMainFiles: ["static/chunks/site.css"] }],
  ])("refuses a build manifest with %s, leaving the files as they were", (_, manifest) => {
    build(manifest, files);

    expect(() => addCompileHints(dist)).toThrow(/names no boot scripts/);
    expect(read("static/chunks/0react.js")).toBe("var react=1;");
    expect(read("static/chunks/site.css")).toBe("body{margin:0}");
  });

  it("stops at a boot script the build does not have", () => {
    build({ rootMainFiles: ["static/chunks/missing.js"] }, files);

    expect(() => addCompileHints(dist)).toThrow(/ENOENT/);
  });
});
