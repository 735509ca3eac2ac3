"use client";
// An event that does not exist, is not published yet or was cancelled. A client component for
// the same reason as app/[locale]/not-found.tsx: the event page stays cacheable.
import { useTranslations } from "@/components/i18n/client-text";
import { Button } from "@/components/ui/button";

export default function EventNotFound() {
  const t = useTranslations("EventNotFound");
  return (
    <div className="mx-auto flex max-w-2xl flex-col items-start gap-4 px-4 py-16 sm:px-6">
      <title>{t("heading")}</title>
      <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading")}</h1>
      <p className="text-lg text-zinc-700">{t("body")}</p>
      <Button href="/events">{t("allEvents")}</Button>
    </div>
  );
}
