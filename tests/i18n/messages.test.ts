import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { messages } from "@/lib/i18n/messages";

const { sv, en } = messages;

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const catalogues = { sv: leaves(sv as Tree), en: leaves(en as Tree) };

describe("message catalogues", () => {
  it("have exactly the same keys in Swedish and English", () => {
    const svKeys = catalogues.sv.map(([key]) => key).sort();
    const enKeys = catalogues.en.map(([key]) => key).sort();
    expect(enKeys).toEqual(svKeys);
  });

  it.each(Object.entries(catalogues))("has no empty strings in %s", (_locale, entries) => {
    expect(entries.filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    // An argument is "{name}" or "{name, plural|select|number…"; words inside plural branches
    // ("{Din biljett}") are text, not arguments.
    const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\s*(\w+)\s*(?:\}|,)/g)].map((match) => match[1]))].sort();
    const english = new Map(catalogues.en);
    const mismatched = catalogues.sv
      .filter(([key, text]) => JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(english.get(key) ?? "")))
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it("has the same files for each language, all merged, and no namespace in two files", () => {
    const dir = path.join(process.cwd(), "lib/i18n/messages");
    const files = (locale: string) => readdirSync(path.join(dir, locale)).sort();
    expect(files("en")).toEqual(files("sv"));
    for (const locale of ["sv", "en"]) {
      const seen = new Map<string, string>();
      for (const file of files(locale)) {
        const namespaces = Object.keys(JSON.parse(readFileSync(path.join(dir, locale, file), "utf8")));
        for (const namespace of namespaces) {
          expect([locale, namespace, seen.get(namespace) ?? file]).toEqual([locale, namespace, file]);
          // …and index.ts merges every file.
          expect(Object.keys(messages[locale as "sv" | "en"])).toContain(namespace);
          seen.set(namespace, file);
        }
      }
    }
  });
});
