// Every place that reads a return path from a request goes through safeReturnPath. The callers
// that can run in a unit test have their own tests (authRedirect, requestSignInLink,
// queueMagicLink, parseLikeForm, setLocaleAction, the Auth.js route in tests/auth/flow.test.ts,
// signInLinkLanguage in tests/auth/account-language.test.ts);
// the sign-in pages and their action need a request, so this checks their source instead.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(__dirname, "..", "..");
const NAMES = "callbackUrl|returnTo|redirectTo|returnPath|next";
// A direct read (`.get("returnTo")`), or a field of a server action's form schema (`returnTo: form.text()`).
const READS_RETURN_PATH = new RegExp(`(?:\\.get|queryValue|postedText|field)\\([^)]*["'](?:${NAMES})["']|\\b(?:${NAMES}): form\\.`);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const readers = ["app", "lib", "components"]
  .flatMap((dir) => sourceFiles(join(root, dir)))
  .filter((path) => READS_RETURN_PATH.test(readFileSync(path, "utf8")))
  .map((path) => relative(root, path))
  .sort();

describe("the readers of a return path", () => {
  it("are the ones known", () => {
    expect(readers).toEqual([
      "app/[locale]/login/actions.ts",
      "app/[locale]/login/confirm/page.tsx",
      "app/[locale]/login/page.tsx",
      "lib/auth/account-language.ts",
      "lib/auth/magic-link.ts",
      "lib/auth/route-handlers.ts",
      "lib/i18n/actions.ts",
      "lib/i18n/email-links.ts",
      "lib/likes/schemas.ts",
    ]);
  });

  it.each(readers)("%s passes what it reads through safeReturnPath", (path) => {
    const source = readFileSync(join(root, path), "utf8");
    expect(source).toMatch(/import \{[^}]*\bsafeReturnPath\b[^}]*\} from "(?:@\/lib|\.\.)\/navigation\/return-path"/);
    for (const line of source.split("\n").filter((l) => READS_RETURN_PATH.test(l))) {
      // Read and checked on the same line, or (the route and the like form) checked right after.
      if (!line.includes("safeReturnPath("))
        expect(source).toMatch(/safeReturnPath\((?:query|value|decoded|returnTo|fields\.callbackUrl)\b/);
    }
  });
});
