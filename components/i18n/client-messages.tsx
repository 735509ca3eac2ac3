// Hands the browser the messages of one area of the site (lib/i18n/client-namespaces.ts), in
// the visitor's language, for the client components below it: parsed here, so that the
// browser needs no message parser.
import type { ReactNode } from "react";
import { getLocale } from "next-intl/server";
import { clientNamespaces, type ClientArea } from "@/lib/i18n/client-namespaces";
import { type AppLocale, asLocale } from "@/lib/i18n/locales";
import { messages } from "@/lib/i18n/messages";
import { compileMessageTree, type SourceTree } from "@/lib/i18n/message-parse";
import { siteTimeZone } from "@/lib/i18n/time-zone";
import { ClientTextProvider, type MessageTree } from "./client-text";

const picked = new Map<string, MessageTree>();

/** The same object for every request of a language and area, picked once per process. */
export function pickClientMessages(locale: AppLocale, area: ClientArea): MessageTree {
  const key = `${locale}:${area}`;
  let tree = picked.get(key);
  if (!tree) {
    const catalogue = messages[locale];
    // The catalogues are JSON objects of strings.
    tree = compileMessageTree(
      Object.fromEntries(clientNamespaces[area].map((namespace) => [namespace, catalogue[namespace]])) as SourceTree,
    );
    picked.set(key, tree);
  }
  return tree;
}

export async function ClientMessages({ area, children }: { area: ClientArea; children: ReactNode }) {
  const requested = await getLocale();
  const locale = asLocale(requested);
  return (
    <ClientTextProvider locale={locale} timeZone={siteTimeZone} messages={pickClientMessages(locale, area)}>
      {children}
    </ClientTextProvider>
  );
}
