// Turns a message's ICU text into the form lib/i18n/message-format.ts formats, on the server:
// the parser stays off the browser's download, which gets messages already parsed
// (components/i18n/client-messages.tsx). Plain text, most messages, stays a string.
import type { CompiledMessage, MessageNode as Node } from "./message-format";

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
    const options: Record<string, Node[]> = {};
    this.skipSpace();
    while (this.source[this.at] !== "}") {
      const key = this.word();
      this.expect("{");
      options[key] = this.nodes(true, type === "plural");
      this.expect("}");
      this.skipSpace();
      if (this.at >= this.source.length) throw this.error("unterminated options");
    }
    this.at += 1;
    if (!("other" in options)) throw this.error("an other option is required");
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

/** Text without ICU syntax (no placeholder, tag or quote) is itself; anything else is parsed. */
export function compileMessage(source: string): CompiledMessage {
  return /[{}<']/.test(source) ? new Parser(source).parse() : source;
}

export type SourceTree = { [key: string]: string | SourceTree };
export type CompiledTree = { [key: string]: CompiledMessage | CompiledTree };

/** Every message of a tree compiled, the tree's shape kept. */
export function compileMessageTree(tree: SourceTree): CompiledTree {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [key, typeof value === "string" ? compileMessage(value) : compileMessageTree(value)]),
  );
}
