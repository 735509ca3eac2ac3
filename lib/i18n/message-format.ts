// The part of ICU MessageFormat our messages use, small enough to ship to the browser:
// `{name}`, `{n, number}`, `{n, plural, =0 {…} one {# …} other {…}}`, `{x, select, a {…} other {…}}`,
// rich tags `<link>…</link>` and ICU's apostrophe quoting. The server keeps next-intl (and its
// full formatter); client components use this one, so use-intl's 12 kB stay off every page.
// tests/i18n/message-format.test.ts checks it against use-intl on every message the client uses.

type Node =
  | { kind: "text"; text: string }
  | { kind: "argument"; name: string; style: "plain" | "number" }
  | { kind: "pound" }
  | { kind: "plural"; name: string; options: Map<string, Node[]> }
  | { kind: "select"; name: string; options: Map<string, Node[]> }
  | { kind: "tag"; name: string; children: Node[] };

export type MessageValue = string | number | Date | null | undefined;

class Parser {
  private at = 0;

  constructor(private readonly source: string) {}

  parse(): Node[] {
    const nodes = this.nodes(false, false);
    if (this.at < this.source.length) throw this.error("unexpected character");
    return nodes;
  }

  private error(problem: string): Error {
    return new Error(`message format: ${problem} at ${this.at} in ${JSON.stringify(this.source)}`);
  }

  /** Text and placeholders until a `}` (inside a plural or select option) or a closing tag. */
  private nodes(inOption: boolean, inPlural: boolean): Node[] {
    const nodes: Node[] = [];
    let text = "";
    const flush = () => {
      if (text) nodes.push({ kind: "text", text });
      text = "";
    };
    while (this.at < this.source.length) {
      const char = this.source[this.at];
      if (char === "'") {
        text += this.quoted(inPlural);
      } else if (char === "{") {
        flush();
        nodes.push(this.placeholder());
      } else if (char === "}") {
        if (!inOption) throw this.error("unmatched }");
        break;
      } else if (char === "#" && inPlural) {
        flush();
        nodes.push({ kind: "pound" });
        this.at += 1;
      } else if (char === "<" && this.source[this.at + 1] === "/") {
        break;
      } else if (char === "<" && /[A-Za-z]/.test(this.source[this.at + 1] ?? "")) {
        flush();
        nodes.push(this.tag(inOption, inPlural));
      } else {
        text += char;
        this.at += 1;
      }
    }
    flush();
    return nodes;
  }

  /** ICU quoting: `''` is one apostrophe; `'` before a syntax character quotes up to the next `'`. */
  private quoted(inPlural: boolean): string {
    const next = this.source[this.at + 1];
    if (next === "'") {
      this.at += 2;
      return "'";
    }
    const special = next === "{" || next === "}" || next === "<" || next === ">" || (inPlural && next === "#");
    if (!special) {
      this.at += 1;
      return "'";
    }
    let text = "";
    this.at += 1;
    while (this.at < this.source.length) {
      const char = this.source[this.at];
      if (char === "'" && this.source[this.at + 1] === "'") {
        text += "'";
        this.at += 2;
      } else if (char === "'") {
        this.at += 1;
        return text;
      } else {
        text += char;
        this.at += 1;
      }
    }
    return text;
  }

  private skipSpace(): void {
    while (/\s/.test(this.source[this.at] ?? "")) this.at += 1;
  }

  private word(): string {
    this.skipSpace();
    const match = /^[^\s{},<>#]+/.exec(this.source.slice(this.at));
    if (!match) throw this.error("expected a name");
    this.at += match[0].length;
    this.skipSpace();
    return match[0];
  }

  private expect(char: string): void {
    if (this.source[this.at] !== char) throw this.error(`expected ${char}`);
    this.at += 1;
  }

  private placeholder(): Node {
    this.expect("{");
    const name = this.word();
    if (this.source[this.at] === "}") {
      this.at += 1;
      return { kind: "argument", name, style: "plain" };
    }
    this.expect(",");
    const type = this.word();
    if (type === "number") {
      if (this.source[this.at] === ",") throw this.error("number styles are not supported on the client");
      this.expect("}");
      return { kind: "argument", name, style: "number" };
    }
    if (type !== "plural" && type !== "select") throw this.error(`unsupported type ${type}`);
    this.expect(",");
    const options = new Map<string, Node[]>();
    this.skipSpace();
    while (this.source[this.at] !== "}") {
      const key = this.word();
      this.expect("{");
      options.set(key, this.nodes(true, type === "plural"));
      this.expect("}");
      this.skipSpace();
      if (this.at >= this.source.length) throw this.error("unterminated options");
    }
    this.at += 1;
    if (!options.has("other")) throw this.error("an other option is required");
    return { kind: type, name, options };
  }

  private tag(inOption: boolean, inPlural: boolean): Node {
    const match = /^<([A-Za-z][\w-]*)>/.exec(this.source.slice(this.at));
    if (!match) throw this.error("malformed tag");
    this.at += match[0].length;
    const children = this.nodes(inOption, inPlural);
    const closing = `</${match[1]}>`;
    if (!this.source.startsWith(closing, this.at)) throw this.error(`expected ${closing}`);
    this.at += closing.length;
    return { kind: "tag", name: match[1], children };
  }
}

const parsed = new Map<string, Node[]>();

function parseMessage(source: string): Node[] {
  let nodes = parsed.get(source);
  if (!nodes) {
    nodes = new Parser(source).parse();
    parsed.set(source, nodes);
  }
  return nodes;
}

export type TagRenderer<T> = (chunks: Array<string | T>) => T;

type FormatContext<T> = {
  locale: string;
  timeZone: string;
  values: Record<string, MessageValue | TagRenderer<T>>;
};

// Intl objects are slow to make and safe to share: one per language (and time zone) is kept.
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function kept<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

const formatNumber = (value: number, locale: string) => kept(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value);

function formatValue(value: unknown, { locale, timeZone }: { locale: string; timeZone: string }): string {
  if (typeof value === "number") return formatNumber(value, locale);
  if (value instanceof Date)
    return kept(dateFormats, `${locale} ${timeZone}`, () => new Intl.DateTimeFormat(locale, { timeZone })).format(value);
  return value === null || value === undefined ? "" : String(value);
}

function render<T>(nodes: Node[], context: FormatContext<T>, pound: number | null): Array<string | T> {
  const out: Array<string | T> = [];
  const push = (part: string | T) => {
    const last = out.length - 1;
    if (typeof part === "string" && typeof out[last] === "string") out[last] = (out[last] as string) + part;
    else out.push(part);
  };
  for (const node of nodes) {
    switch (node.kind) {
      case "text":
        push(node.text);
        break;
      case "pound":
        push(pound === null ? "#" : formatNumber(pound, context.locale));
        break;
      case "argument": {
        const value = context.values[node.name];
        if (value === undefined) throw new Error(`message format: no value for {${node.name}}`);
        push(node.style === "number" ? formatNumber(Number(value), context.locale) : formatValue(value, context));
        break;
      }
      case "plural": {
        const count = Number(context.values[node.name]);
        if (Number.isNaN(count)) throw new Error(`message format: {${node.name}} must be a number`);
        const option =
          node.options.get(`=${count}`) ??
          node.options.get(kept(pluralRules, context.locale, () => new Intl.PluralRules(context.locale)).select(count)) ??
          node.options.get("other")!;
        render(option, context, count).forEach(push);
        break;
      }
      case "select": {
        const value = String(context.values[node.name]);
        render(node.options.get(value) ?? node.options.get("other")!, context, pound).forEach(push);
        break;
      }
      case "tag": {
        const renderer = context.values[node.name];
        if (typeof renderer !== "function") throw new Error(`message format: no renderer for <${node.name}>`);
        push(renderer(render(node.children, context, pound)));
        break;
      }
    }
  }
  return out;
}

/** A message as a string; values for tags are not allowed here. */
export function formatMessage(source: string, values: Record<string, MessageValue>, locale: string, timeZone: string): string {
  return render<string>(parseMessage(source), { locale, timeZone, values }, null).join("");
}

/** A message whose tags are rendered by the functions given for them (React elements, say). */
export function formatRichMessage<T>(
  source: string,
  values: Record<string, MessageValue | TagRenderer<T>>,
  locale: string,
  timeZone: string,
): Array<string | T> {
  return render<T>(parseMessage(source), { locale, timeZone, values }, null);
}
