import { createTranslator } from "next-intl";
import { clientNamespaces } from "@/lib/i18n/client-namespaces";
import {
  formatMessage as formatCompiled,
  formatRichMessage as formatRichCompiled,
  type MessageValue,
  type TagRenderer,
} from "@/lib/i18n/message-format";
import { compileMessage, compileMessageTree } from "@/lib/i18n/message-parse";
import { messages } from "@/lib/i18n/messages";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix: string): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const timeZone = "Europe/Stockholm";

/** What a client component gets: the message parsed on the server, then sent as JSON in the page. */
const delivered = (source: string) => JSON.parse(JSON.stringify(compileMessage(source)));

function formatMessage(source: string, values: Record<string, MessageValue>, locale: string, zone: string): string {
  return formatCompiled(delivered(source), values, locale, zone);
}

function formatRichMessage<T>(source: string, values: Record<string, MessageValue | TagRenderer<T>>, locale: string, zone: string) {
  return formatRichCompiled<T>(delivered(source), values, locale, zone);
}

/**
 * Sets of values that together reach every branch of a message: each plural argument takes
 * 0, 1, 2, 5 and 1 234 in turn, each select argument each of its options and an unknown one.
 */
function valueSets(message: string): Array<Record<string, string | number>> {
  const base: Record<string, string | number> = {};
  const variants: Array<[string, Array<string | number>]> = [];
  for (const match of message.matchAll(/\{\s*(\w+)\s*(?:,\s*(\w+))?/g)) {
    const [, name, type] = match;
    if (name in base) continue;
    if (type === "plural" || type === "number") {
      base[name] = 2;
      variants.push([name, [0, 1, 2, 5, 1234]]);
    } else if (type === "select") {
      const rest = message.slice((match.index ?? 0) + match[0].length);
      const options = [...rest.matchAll(/(\w+)\s*\{/g)].map((option) => option[1]).filter((option) => option !== "other");
      base[name] = options[0] ?? "other";
      variants.push([name, [...options, "something-else"]]);
    } else {
      base[name] = `‹${name}›`;
    }
  }
  const sets = [base];
  for (const [name, values] of variants) for (const value of values) sets.push({ ...base, [name]: value });
  return sets;
}

/** Tags render as [name:…] so that both formatters' output can be compared as plain text. */
function tagNames(message: string): string[] {
  return [...new Set([...message.matchAll(/<(\w+)>/g)].map((match) => match[1]))];
}

const flatten = (parts: unknown): string => (Array.isArray(parts) ? parts.map(flatten).join("") : String(parts));

describe("the client's message formatter", () => {
  for (const locale of ["sv", "en"] as const) {
    const namespaces = [...new Set(Object.values(clientNamespaces).flat())];
    const catalogue = messages[locale] as unknown as Tree;
    const entries = namespaces.flatMap((namespace) => leaves(catalogue[namespace] as Tree, `${namespace}.`));
    const reference = createTranslator({ locale, messages: messages[locale], timeZone });

    it(`formats every client message in ${locale} exactly as next-intl does`, () => {
      expect(entries.length).toBeGreaterThan(100);
      const differences: string[] = [];
      for (const [key, message] of entries) {
        const tags = tagNames(message);
        for (const values of valueSets(message)) {
          let ours: string;
          let theirs: string;
          if (tags.length > 0) {
            const renderers = Object.fromEntries(tags.map((tag) => [tag, (chunks: unknown) => `[${tag}:${flatten(chunks)}]`]));
            ours = flatten(formatRichMessage<string>(message, { ...values, ...renderers }, locale, timeZone));
            theirs = flatten((reference.rich as (key: string, values: object) => unknown)(key, { ...values, ...renderers }));
          } else {
            ours = formatMessage(message, values, locale, timeZone);
            theirs = (reference as unknown as (key: string, values: object) => string)(key, values);
          }
          if (ours !== theirs)
            differences.push(`${key} ${JSON.stringify(values)}: ours ${JSON.stringify(ours)}, next-intl ${JSON.stringify(theirs)}`);
        }
      }
      expect(differences).toEqual([]);
    });
  }

  it("finds every message of the whole catalogue well-formed, server-side ones included", () => {
    for (const locale of ["sv", "en"] as const) {
      const problems: string[] = [];
      const translator = createTranslator({
        locale,
        messages: messages[locale],
        timeZone,
        onError: (error) => problems.push(error.message),
        getMessageFallback: ({ key }) => key,
      });
      for (const [key, message] of leaves(messages[locale] as unknown as Tree, "")) {
        const renderers = Object.fromEntries(tagNames(message).map((tag) => [tag, (chunks: unknown) => flatten(chunks)]));
        (translator.rich as (key: string, values: object) => unknown)(key, { ...valueSets(message)[0], ...renderers });
      }
      expect(problems).toEqual([]);
    }
  });

  it("picks exact plural matches before the language's categories, and formats # in the language", () => {
    const message = "{count, plural, =0 {Inga biljetter} one {# biljett} other {# biljetter}}";
    expect(formatMessage(message, { count: 0 }, "sv", timeZone)).toBe("Inga biljetter");
    expect(formatMessage(message, { count: 1 }, "sv", timeZone)).toBe("1 biljett");
    expect(formatMessage(message, { count: 1500 }, "sv", timeZone)).toBe("1\u00a0500 biljetter");
    expect(formatMessage(message, { count: 1500 }, "en", timeZone)).toBe("1,500 biljetter");
  });

  it("writes small counts as the language does without building an Intl.NumberFormat", () => {
    // A browser's first Intl.NumberFormat costs tens of milliseconds of a page's start.
    const built = jest.spyOn(Intl, "NumberFormat");
    const written: Record<string, string[]> = { sv: [], en: [] };
    try {
      for (const locale of ["sv", "en"] as const)
        for (let n = 0; n < 1000; n++) written[locale].push(formatMessage("{n, number}", { n }, locale, timeZone));
      expect(built).not.toHaveBeenCalled();
    } finally {
      built.mockRestore();
    }
    for (const locale of ["sv", "en"] as const) {
      const intl = new Intl.NumberFormat(locale);
      expect(written[locale]).toEqual(Array.from({ length: 1000 }, (_, n) => intl.format(n)));
    }
    // Anything else goes to Intl: a thousand, a fraction, a negative number.
    expect(formatMessage("{n, number}", { n: 1000 }, "sv", timeZone)).toBe("1\u00a0000");
    expect(formatMessage("{n, number}", { n: 2.5 }, "sv", timeZone)).toBe("2,5");
    expect(formatMessage("{n, number}", { n: -3 }, "sv", timeZone)).toBe("\u22123");
  });

  it("reads ICU's apostrophe quoting", () => {
    expect(formatMessage("It's {name}''s turn", { name: "Ada" }, "en", timeZone)).toBe("It's Ada's turn");
    expect(formatMessage("Write '{name}' literally", { name: "Ada" }, "en", timeZone)).toBe("Write {name} literally");
  });

  it("nests select and plural, and renders tags inside them", () => {
    const message = "{kind, select, vip {<b>VIP</b>: {n, plural, one {# plats} other {# platser}}} other {Vanlig}}";
    expect(formatRichMessage<string>(message, { kind: "vip", n: 3, b: (chunks) => `*${chunks.join("")}*` }, "sv", timeZone).join("")).toBe(
      "*VIP*: 3 platser",
    );
    expect(formatRichMessage<string>(message, { kind: "x", n: 3, b: (chunks) => `*${chunks.join("")}*` }, "sv", timeZone).join("")).toBe(
      "Vanlig",
    );
  });

  it("sends plain text as it is, and only messages with ICU syntax parsed", () => {
    expect(compileMessage("Köp biljetter")).toBe("Köp biljetter");
    expect(compileMessage("Hej {name}")).toEqual([
      { kind: "text", text: "Hej " },
      { kind: "argument", name: "name", style: "plain" },
    ]);
    expect(compileMessageTree({ A: { b: "Klart", c: "{n, number}" } })).toEqual({
      A: { b: "Klart", c: [{ kind: "argument", name: "n", style: "number" }] },
    });
  });

  it("never takes an option from the prototype for a select value", () => {
    expect(formatMessage("{x, select, a {A} other {Annat}}", { x: "constructor" }, "sv", timeZone)).toBe("Annat");
  });

  it("refuses a missing value and a message it cannot read, naming them", () => {
    expect(() => formatMessage("Hej {name}", {}, "sv", timeZone)).toThrow("no value for {name}");
    expect(() => formatMessage("Hej {name", { name: "x" }, "sv", timeZone)).toThrow(/message format/);
    expect(() => formatMessage("{n, plural, one {x}}", { n: 1 }, "sv", timeZone)).toThrow("other option is required");
  });
});
