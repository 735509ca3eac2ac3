"use client";

// Translations for client components, with next-intl's call shape (`t(key, values)`,
// `t.rich(key, tags)`) but without shipping use-intl: the messages come from the nearest
// ClientMessages (components/i18n/client-messages.tsx), which sends only the namespaces an
// area's client components use, already parsed on the server, and lib/i18n/message-format.ts
// formats them.
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { formatMessage, formatRichMessage, type CompiledMessage, type MessageValue, type TagRenderer } from "@/lib/i18n/message-format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";

/** Messages by key, each plain text or parsed (lib/i18n/message-parse.ts's compileMessageTree). */
export type MessageTree = { [key: string]: CompiledMessage | MessageTree };
type Tree = MessageTree;

type State = { locale: AppLocale; timeZone: string; messages: Tree };

const ClientTextContext = createContext<State | null>(null);

/** Adds `messages` to what the providers above already gave, so areas can add their own. */
export function ClientTextProvider({ locale, timeZone, messages, children }: State & { children: ReactNode }) {
  const parent = useContext(ClientTextContext);
  const value = useMemo<State>(
    () => ({ locale, timeZone, messages: parent ? { ...parent.messages, ...messages } : messages }),
    [parent, locale, timeZone, messages],
  );
  return <ClientTextContext.Provider value={value}>{children}</ClientTextContext.Provider>;
}

function useClientText(): State {
  const state = useContext(ClientTextContext);
  if (!state) throw new Error("client text: no ClientMessages provider above this component");
  return state;
}

export function useLocale(): AppLocale {
  return useClientText().locale;
}

// Keys as next-intl types them: namespaces are dotted paths to objects, keys dotted paths to strings.
type Leaves<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}` }[keyof T & string];
type Branches<T> = { [K in keyof T & string]: T[K] extends string ? never : K | `${K}.${Branches<T[K]>}` }[keyof T & string];
type At<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never;

export type Namespace = Branches<Messages>;
type Values = Record<string, MessageValue>;

export type Translator<Key extends string> = {
  (key: Key, values?: Values): string;
  rich(key: Key, values: Record<string, MessageValue | TagRenderer<ReactNode>>): ReactNode;
};

const isMessage = (node: CompiledMessage | Tree): node is CompiledMessage => typeof node === "string" || Array.isArray(node);

function lookup(messages: Tree, path: string): CompiledMessage | undefined {
  let node: CompiledMessage | Tree | undefined = messages;
  for (const part of path.split(".")) {
    if (node === undefined || isMessage(node)) return undefined;
    node = node[part];
  }
  return node !== undefined && isMessage(node) ? node : undefined;
}

export function useTranslations<N extends Namespace>(namespace: N): Translator<Leaves<At<Messages, N>>> {
  const { locale, timeZone, messages } = useClientText();
  return useMemo(() => {
    const source = (key: string): CompiledMessage | null => {
      const message = lookup(messages, `${namespace}.${key}`);
      if (message === undefined) {
        // As next-intl does by default: the page still renders, the log says what is missing.
        console.error(`client text: no message ${namespace}.${key} (is its namespace in lib/i18n/client-namespaces.ts?)`);
        return null;
      }
      return message;
    };
    const plain = (key: string, values: Values = {}) => {
      const message = source(key);
      return message === null ? `${namespace}.${key}` : formatMessage(message, values, locale, timeZone);
    };
    const rich = (key: string, values: Record<string, MessageValue | TagRenderer<ReactNode>>): ReactNode => {
      const message = source(key);
      if (message === null) return `${namespace}.${key}`;
      // Each rendered tag needs a key of its own among its siblings.
      let index = 0;
      const keyed: Record<string, MessageValue | TagRenderer<ReactNode>> = {};
      for (const [name, value] of Object.entries(values)) {
        keyed[name] =
          typeof value === "function"
            ? (chunks: Array<string | ReactNode>) => <KeyedPart key={`${name}-${index++}`}>{value(chunks)}</KeyedPart>
            : value;
      }
      return formatRichMessage<ReactNode>(message, keyed, locale, timeZone);
    };
    const translate = Object.assign(plain, { rich });
    return translate as Translator<Leaves<At<Messages, N>>>;
  }, [messages, namespace, locale, timeZone]);
}

function KeyedPart({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
