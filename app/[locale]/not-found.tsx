"use client";
// A page that does not exist, in the language of its address. A client component on purpose:
// its words come with the layout's messages, so nothing here reads the request and the pages
// it stands behind can still be served from the cache.
import { useTranslations } from "@/components/i18n/client-text";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  const t = useTranslations("NotFound");
  return (
    <div className="mx-auto flex max-w-2xl flex-col items-start gap-4 px-4 py-16 sm:px-6">
      <title>{t("title")}</title>
      <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading")}</h1>
      <p className="text-lg text-zinc-700">{t("body")}</p>
      <Button href="/">{t("home")}</Button>
    </div>
  );
}
