// Renders components to HTML the way the server first sends them, inside next-intl's provider
// (server components) and ours (client components) with the real Swedish (or English) messages, and parses the result for assertions.
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { ClientTextProvider } from "@/components/i18n/client-text";
import type { AppLocale } from "@/lib/i18n/locales";
import { messages } from "@/lib/i18n/messages";
import { compileMessageTree, type SourceTree } from "@/lib/i18n/message-parse";

// Parsed once, as ClientMessages does on the server.
const clientMessages = {
  sv: compileMessageTree(messages.sv as unknown as SourceTree),
  en: compileMessageTree(messages.en as unknown as SourceTree),
};

export function render(ui: ReactNode, locale: AppLocale = "sv"): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messages[locale]} timeZone="Europe/Stockholm">
      <ClientTextProvider locale={locale} timeZone="Europe/Stockholm" messages={clientMessages[locale]}>
        {ui}
      </ClientTextProvider>
    </NextIntlClientProvider>,
  );
}

export type FoundElement = { tag: string; attributes: Record<string, string>; text: string };

const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'" };
const decode = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#x27);/g, (entity) => entities[entity] ?? entity);

/**
 * The elements named `tag` in rendered HTML, with their attributes (in any order) and their
 * text with inner tags removed. A small stand-in for a DOM: enough for elements that do not
 * nest inside themselves, as links, buttons, inputs and labels do not.
 */
export function findAll(html: string, tag: string): FoundElement[] {
  const pattern = new RegExp(`<${tag}((?:\\s+[\\w:-]+(?:="[^"]*")?)*)\\s*(/?)>`, "g");
  return [...html.matchAll(pattern)].map((match) => {
    const attributes: Record<string, string> = {};
    for (const [, name, value] of match[1].matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) attributes[name] = decode(value ?? "");
    let text = "";
    if (!match[2]) {
      const start = (match.index ?? 0) + match[0].length;
      const end = html.indexOf(`</${tag}>`, start);
      if (end !== -1) text = decode(html.slice(start, end).replace(/<[^>]+>/g, ""));
    }
    return { tag, attributes, text };
  });
}

/** The one element named `tag` whose attributes include all of `having`; fails otherwise. */
export function find(html: string, tag: string, having: Record<string, string> = {}): FoundElement {
  const matches = findAll(html, tag).filter((element) =>
    Object.entries(having).every(([name, value]) => element.attributes[name] === value),
  );
  if (matches.length !== 1) {
    throw new Error(`expected one <${tag}> with ${JSON.stringify(having)}, found ${matches.length}`);
  }
  return matches[0];
}
