// The part of ICU MessageFormat our messages use, small enough to ship to the browser:
// `{name}`, `{n, number}`, `{n, plural, =0 {…} one {# …} other {…}}`, `{x, select, a {…} other {…}}`,
// rich tags `<link>…</link>` and ICU's apostrophe quoting. The server keeps next-intl (and its
// full formatter); client components use this one, so use-intl's 12 kB stay off every page.
// Messages arrive parsed (lib/i18n/message-parse.ts runs on the server, in ClientMessages), so
// only the formatting below reaches the browser.
// tests/i18n/message-format.test.ts checks it against use-intl on every message the client uses.

import { isLocale } from "./locales";

export type MessageNode =
  | { kind: "text"; text: string }
  | { kind: "argument"; name: string; style: "plain" | "number" }
  | { kind: "pound" }
  | { kind: "plural"; name: string; options: Record<string, MessageNode[]> }
  | { kind: "select"; name: string; options: Record<string, MessageNode[]> }
  | { kind: "tag"; name: string; children: MessageNode[] };

/** A message ready to format: plain text, or parsed by lib/i18n/message-parse.ts on the server. */
export type CompiledMessage = string | MessageNode[];

type Node = MessageNode;

export type MessageValue = string | number | Date | null | undefined;

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

// Whole numbers from 0 to 999 are written alike in every language the site speaks (Latin digits,
// no group separator below a thousand), and most numbers in messages are such counts. A
// browser's first Intl.NumberFormat sets up its number data, 35–50 ms here, while the page is
// starting: these never ask for one.
const formatNumber = (value: number, locale: string) =>
  Number.isInteger(value) && value >= 0 && value < 1000 && isLocale(locale)
    ? String(value)
    : kept(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value);

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
          node.options[`=${count}`] ??
          node.options[kept(pluralRules, context.locale, () => new Intl.PluralRules(context.locale)).select(count)] ??
          node.options.other;
        render(option, context, count).forEach(push);
        break;
      }
      case "select": {
        const value = String(context.values[node.name]);
        render(Object.hasOwn(node.options, value) ? node.options[value] : node.options.other, context, pound).forEach(push);
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

const nodesOf = (message: CompiledMessage): Node[] => (typeof message === "string" ? [{ kind: "text", text: message }] : message);

/** A message as a string; values for tags are not allowed here. */
export function formatMessage(message: CompiledMessage, values: Record<string, MessageValue>, locale: string, timeZone: string): string {
  return typeof message === "string" ? message : render<string>(message, { locale, timeZone, values }, null).join("");
}

/** A message whose tags are rendered by the functions given for them (React elements, say). */
export function formatRichMessage<T>(
  message: CompiledMessage,
  values: Record<string, MessageValue | TagRenderer<T>>,
  locale: string,
  timeZone: string,
): Array<string | T> {
  return render<T>(nodesOf(message), { locale, timeZone, values }, null);
}
